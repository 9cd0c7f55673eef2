package io.github.s3bulkcopy.run;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.s3bulkcopy.batch.BulkCopyJobConfiguration;
import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.ledger.LedgerCounts;
import io.github.s3bulkcopy.ledger.RecentWork;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.util.Assert;

/** Reads what runs there are and how far each got, from the job database alone. */
public class RunCatalog {

	/**
	 * One run as the job database knows it.
	 *
	 * @param jobName the job's name
	 * @param run the run number
	 * @param runId the run's id in the job database
	 * @param status the latest execution's status
	 * @param exitDescription the latest execution's exit code (e.g. COMPLETED, FAILED)
	 * @param startTime when the run first started
	 * @param endTime when its latest execution ended, if it did
	 * @param executions how many times it was started or resumed
	 * @param counts the ledger's totals
	 * @param lockHolder the live process working on the job, if any
	 * @param latestStartTime when the latest execution started
	 */
	public record RunInfo(String jobName, long run, long runId, BatchStatus status, String exitDescription,
			@Nullable LocalDateTime startTime, @Nullable LocalDateTime endTime, int executions, LedgerCounts counts,
			@Nullable String lockHolder, @Nullable LocalDateTime latestStartTime) {
	}

	private final @Nullable JobRepository jobRepository;

	private final JdbcLedger ledger;

	private final JdbcTemplate jdbc;

	public RunCatalog(JobRepository jobRepository, JdbcLedger ledger, JdbcTemplate jdbc) {
		this(ledger, jdbc, jobRepository);
		Assert.notNull(jobRepository, "jobRepository is required");
	}

	/**
	 * A catalog without Spring Batch's job repository, for a command that only lists runs
	 * ({@code status}): {@link #latestExecution} needs the repository.
	 */
	public RunCatalog(JdbcLedger ledger, JdbcTemplate jdbc) {
		this(ledger, jdbc, null);
	}

	private RunCatalog(JdbcLedger ledger, JdbcTemplate jdbc, @Nullable JobRepository jobRepository) {
		Assert.notNull(ledger, "ledger is required");
		Assert.notNull(jdbc, "jdbc is required");
		this.jobRepository = jobRepository;
		this.ledger = ledger;
		this.jdbc = jdbc;
	}

	/** The names of all jobs that have run, dry runs left out. */
	public List<String> jobNames() {
		return this.jdbc.queryForList("SELECT DISTINCT JOB_NAME FROM BATCH_JOB_INSTANCE", String.class)
			.stream()
			.filter((name) -> !name.endsWith(BulkCopyJobConfiguration.DRY_RUN_SUFFIX))
			.sorted()
			.toList();
	}

	/**
	 * A job's runs, newest first. Read from Spring Batch's tables with plain queries (its
	 * job repository would also read every execution's steps and contexts), as
	 * {@link JobRepository#getJobInstances} and {@link JobRepository#getJobExecutions}
	 * order them.
	 */
	public List<RunInfo> runs(String jobName, int max) {
		List<Long> instances = this.jdbc.query(
				"SELECT JOB_INSTANCE_ID FROM BATCH_JOB_INSTANCE WHERE JOB_NAME = ? ORDER BY JOB_INSTANCE_ID DESC",
				(ResultSetExtractor<List<Long>>) (rows) -> {
					List<Long> ids = new ArrayList<>();
					while (ids.size() < max && rows.next()) {
						ids.add(rows.getLong(1));
					}
					return ids;
				}, jobName);
		String lockHolder = lockHolder(jobName).orElse(null);
		List<RunInfo> runs = new ArrayList<>();
		for (long instance : instances) {
			List<Execution> executions = this.jdbc.query("SELECT JOB_EXECUTION_ID, STATUS, EXIT_CODE, START_TIME, "
					+ "END_TIME FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = ? ORDER BY JOB_EXECUTION_ID DESC",
					(rs, n) -> new Execution(rs.getLong(1), BatchStatus.valueOf(rs.getString(2)), rs.getString(3),
							localTime(rs.getTimestamp(4)), localTime(rs.getTimestamp(5))),
					instance);
			if (executions.isEmpty()) {
				continue;
			}
			Execution latest = executions.get(0);
			LocalDateTime start = executions.stream()
				.map(Execution::startTime)
				.filter((time) -> time != null)
				.min(LocalDateTime::compareTo)
				.orElse(null);
			runs.add(new RunInfo(jobName, runNumber(latest.id(), instance), instance, latest.status(),
					latest.exitCode(), start, latest.endTime(), executions.size(), this.ledger.totals(instance),
					lockHolder, latest.startTime()));
		}
		return runs;
	}

	/** What {@link #runs} reads of one execution. */
	private record Execution(long id, BatchStatus status, String exitCode, @Nullable LocalDateTime startTime,
			@Nullable LocalDateTime endTime) {
	}

	private static @Nullable LocalDateTime localTime(@Nullable Timestamp time) {
		return (time != null) ? time.toLocalDateTime() : null;
	}

	/**
	 * An execution's run number: its {@code run} parameter, as
	 * {@link RunLauncher#runNumber} reads it.
	 */
	private long runNumber(long execution, long instance) {
		List<String> values = this.jdbc.queryForList(
				"SELECT PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS "
						+ "WHERE JOB_EXECUTION_ID = ? AND PARAMETER_NAME = ?",
				String.class, execution, RunLauncher.RUN);
		return (values.isEmpty() || values.get(0) == null) ? instance : Long.parseLong(values.get(0).strip());
	}

	/**
	 * The latest execution of a job's run.
	 * @param jobName the job's name
	 * @param run the run number, or null for the job's latest run
	 */
	public Optional<JobExecution> latestExecution(String jobName, @Nullable Long run) {
		JobRepository jobRepository = this.jobRepository;
		Assert.state(jobRepository != null, "the job repository is required");
		for (JobInstance instance : jobRepository.getJobInstances(jobName, 0, Integer.MAX_VALUE)) {
			Optional<JobExecution> latest = jobRepository.getJobExecutions(instance)
				.stream()
				.max((a, b) -> Long.compare(a.getId(), b.getId()));
			if (latest.isPresent() && (run == null || RunLauncher.runNumber(latest.get()) == run)) {
				return latest;
			}
		}
		return Optional.empty();
	}

	/**
	 * How far a run got and how fast it is going. For a run going on, the rate is that of
	 * the objects finished in the last {@code window} (or since its latest execution
	 * started, if later), and the ETA is what is pending at that rate; for any other run,
	 * the rate is the average over the run and there is no ETA.
	 */
	public Progress progress(RunInfo run, Duration window) {
		LedgerCounts counts = run.counts();
		Instant now = Instant.now();
		boolean going = run.status().isRunning() && run.lockHolder() != null;
		if (going) {
			Instant since = now.minus(window);
			Instant started = (run.latestStartTime() != null)
					? run.latestStartTime().atZone(ZoneId.systemDefault()).toInstant() : since;
			if (started.isAfter(since)) {
				since = started;
			}
			double seconds = Math.max(1, Duration.between(since, now).toMillis() / 1000.0);
			RecentWork recent = this.ledger.finishedSince(run.runId(), since);
			double objectsPerSecond = recent.objects() / seconds;
			Duration eta = (objectsPerSecond > 0)
					? Duration.ofSeconds((long) Math.ceil(counts.pending() / objectsPerSecond)) : null;
			return new Progress(counts, objectsPerSecond, recent.copiedBytes() / seconds, eta, true);
		}
		double seconds = (run.startTime() != null && run.endTime() != null)
				? Math.max(0.001, Duration.between(run.startTime(), run.endTime()).toMillis() / 1000.0) : 0;
		return new Progress(counts, (seconds > 0) ? counts.done() / seconds : 0,
				(seconds > 0) ? counts.copiedBytes() / seconds : 0, null, false);
	}

	/**
	 * A run's progress.
	 *
	 * @param counts the ledger's totals: done and total objects and bytes, failures so
	 * far
	 * @param objectsPerSecond objects finished per second (recent for a run going on,
	 * else the run's average)
	 * @param bytesPerSecond bytes copied per second, likewise
	 * @param eta when the pending objects will be done at the recent rate; null if not
	 * going on or no rate yet
	 * @param going whether a live process is working on the run now
	 */
	public record Progress(LedgerCounts counts, double objectsPerSecond, double bytesPerSecond, @Nullable Duration eta,
			boolean going) {
	}

	/** The run number of an execution: its {@code run} parameter. */
	public static long runNumber(JobExecution execution) {
		return RunLauncher.runNumber(execution);
	}

	private Optional<String> lockHolder(String jobName) {
		return this.jdbc.queryForList("SELECT OWNER FROM BULK_JOB_LOCK WHERE JOB_NAME = ?", String.class, jobName)
			.stream()
			.findFirst();
	}

}
