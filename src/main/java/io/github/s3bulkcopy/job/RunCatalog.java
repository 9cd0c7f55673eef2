package io.github.s3bulkcopy.job;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.ledger.LedgerCounts;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
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
	 */
	public record RunInfo(String jobName, long run, long runId, BatchStatus status, String exitDescription,
			@Nullable LocalDateTime startTime, @Nullable LocalDateTime endTime, int executions, LedgerCounts counts,
			@Nullable String lockHolder) {
	}

	private final JobRepository jobRepository;

	private final JdbcLedger ledger;

	private final JdbcTemplate jdbc;

	public RunCatalog(JobRepository jobRepository, JdbcLedger ledger, JdbcTemplate jdbc) {
		Assert.notNull(jobRepository, "jobRepository is required");
		Assert.notNull(ledger, "ledger is required");
		Assert.notNull(jdbc, "jdbc is required");
		this.jobRepository = jobRepository;
		this.ledger = ledger;
		this.jdbc = jdbc;
	}

	/** The names of all jobs that have run, dry runs left out. */
	public List<String> jobNames() {
		return this.jobRepository.getJobNames()
			.stream()
			.filter((name) -> !name.endsWith(BulkCopyJobConfiguration.DRY_RUN_SUFFIX))
			.sorted()
			.toList();
	}

	/** A job's runs, newest first. */
	public List<RunInfo> runs(String jobName, int max) {
		List<RunInfo> runs = new ArrayList<>();
		for (JobInstance instance : this.jobRepository.getJobInstances(jobName, 0, max)) {
			List<JobExecution> executions = this.jobRepository.getJobExecutions(instance);
			if (executions.isEmpty()) {
				continue;
			}
			JobExecution latest = executions.stream()
				.max((a, b) -> Long.compare(a.getId(), b.getId()))
				.orElseThrow();
			LocalDateTime start = executions.stream()
				.map(JobExecution::getStartTime)
				.filter((time) -> time != null)
				.min(LocalDateTime::compareTo)
				.orElse(null);
			runs.add(new RunInfo(jobName, RunLauncher.runNumber(latest), instance.getInstanceId(), latest.getStatus(),
					latest.getExitStatus().getExitCode(), start, latest.getEndTime(), executions.size(),
					this.ledger.counts(instance.getInstanceId()), lockHolder(jobName).orElse(null)));
		}
		return runs;
	}

	private Optional<String> lockHolder(String jobName) {
		return this.jdbc.queryForList("SELECT OWNER FROM BULK_JOB_LOCK WHERE JOB_NAME = ?", String.class, jobName)
			.stream()
			.findFirst();
	}

}
