package io.github.s3bulkcopy.batchops;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.s3bulkcopy.jobfile.JobFile;
import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.manifest.ManifestException;
import io.github.s3bulkcopy.plan.InvalidManifestException;
import io.github.s3bulkcopy.run.JobBusyException;
import io.github.s3bulkcopy.run.JobLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.Assert;

/**
 * Starts and resumes runs of a job file's replicate and batch-copy jobs, with the copy
 * command's semantics: a run is a Spring Batch job instance ({@code <name>.<command>},
 * run number); the command resumes the latest unfinished run (recovering one left running
 * by a killed process) or starts the next, holding the job's lock meanwhile. A resumed
 * run skips the steps it completed, so a run whose job was submitted only waits.
 */
public class BatchRunLauncher {

	private static final Logger logger = LoggerFactory.getLogger(BatchRunLauncher.class);

	static final String RUN = "run";

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Map<BatchOperation, Job> jobs;

	private final JdbcLedger ledger;

	private final JdbcTemplate jdbc;

	private final JobFile jobFile;

	private final BatchRunReporter reporter;

	private final Duration lockStaleAfter;

	BatchRunLauncher(JobOperator jobOperator, JobRepository jobRepository, Map<BatchOperation, Job> jobs,
			JdbcLedger ledger, JdbcTemplate jdbc, JobFile jobFile, BatchRunReporter reporter, Duration lockStaleAfter) {
		Assert.notNull(jobOperator, "jobOperator is required");
		Assert.notNull(jobRepository, "jobRepository is required");
		Assert.notNull(jobs, "jobs is required");
		Assert.notNull(ledger, "ledger is required");
		Assert.notNull(jdbc, "jdbc is required");
		Assert.notNull(jobFile, "jobFile is required");
		Assert.notNull(reporter, "reporter is required");
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.jobs = Map.copyOf(jobs);
		this.ledger = ledger;
		this.jdbc = jdbc;
		this.jobFile = jobFile;
		this.reporter = reporter;
		this.lockStaleAfter = lockStaleAfter;
	}

	/**
	 * Runs the operation: resumes its unfinished run (unless {@code newRun}) or starts
	 * the next.
	 * @param wait follow the AWS job until it ends; otherwise look once and stop the run
	 * if it has not
	 */
	public BatchRunResult run(BatchOperation operation, boolean wait, boolean newRun) throws Exception {
		String name = operation.jobName(this.jobFile.spec().name());
		try (JobLock lock = new JobLock(this.jdbc, this.jobFile.spec().name(), this.lockStaleAfter)) {
			Optional<JobLock.Holder> holder = lock.tryAcquire();
			if (holder.isPresent()) {
				throw new JobBusyException("job '" + this.jobFile.spec().name() + "' is being run by another process ("
						+ holder.get().owner() + ", alive at " + holder.get().heartbeat() + "): wait for it");
			}
			JobExecution unfinished = newRun ? null : unfinished(name).orElse(null);
			long run;
			if (unfinished != null) {
				if (unfinished.getStatus().isRunning()) {
					// We hold the lock, so the process that left it running is gone.
					logger.info("Run {} of {} was left {} by a process that is gone: recovering it",
							runNumber(unfinished), name, unfinished.getStatus());
					this.jobOperator.recover(unfinished);
				}
				run = runNumber(unfinished);
				logger.info("Resuming run {} of job {}", run, name);
			}
			else {
				run = lastRunNumber(name) + 1;
				logger.info("Starting run {} of job {}", run, name);
			}
			JobParameters parameters = new JobParametersBuilder().addLong(RUN, run)
				.addString("jobFile", this.jobFile.path().toString(), false)
				.addString("jobFileSha256", this.jobFile.sha256(), false)
				.addString(WaitTasklet.WAIT, Boolean.toString(wait), false)
				.toJobParameters();
			JobExecution execution = this.jobOperator.start(this.jobs.get(operation), parameters);
			return result(operation, execution, unfinished != null);
		}
	}

	private BatchRunResult result(BatchOperation operation, JobExecution execution, boolean resumed) throws Exception {
		long runId = execution.getJobInstance().getInstanceId();
		ManifestException badManifest = manifestFailure(execution);
		if (execution.getStatus() != BatchStatus.COMPLETED && badManifest != null) {
			// Resuming would meet the same manifest: the run is abandoned and its rows
			// dropped, and the command exits 2 for the manifest to be corrected.
			this.ledger.deleteRun(runId);
			this.jobOperator.abandon(execution);
			throw new InvalidManifestException(badManifest.getMessage(), badManifest);
		}
		List<String> failures = new ArrayList<>();
		for (Throwable failure : execution.getAllFailureExceptions()) {
			failures.add(describe(failure));
		}
		Path report = (execution.getStatus() == BatchStatus.COMPLETED)
				? this.reporter.directory(execution.getJobInstance().getJobName(), runNumber(execution)) : null;
		String reasons = BatchJobState.string(execution.getExecutionContext(), BatchJobState.FAILURE_REASONS);
		return new BatchRunResult(operation, execution.getJobInstance().getJobName(), runNumber(execution), resumed,
				execution.getStatus(), BatchJobState.jobId(execution), BatchJobState.status(execution),
				(reasons != null && !reasons.isEmpty()) ? reasons : null, this.ledger.counts(runId), report, failures);
	}

	private static @Nullable ManifestException manifestFailure(JobExecution execution) {
		for (Throwable failure : execution.getAllFailureExceptions()) {
			for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause()
					: null) {
				if (cause instanceof ManifestException manifest) {
					return manifest;
				}
			}
		}
		return null;
	}

	private Optional<JobExecution> unfinished(String name) {
		JobInstance last = this.jobRepository.getLastJobInstance(name);
		JobExecution execution = (last != null) ? this.jobRepository.getLastJobExecution(last) : null;
		if (execution == null || execution.getStatus() == BatchStatus.COMPLETED
				|| execution.getStatus() == BatchStatus.ABANDONED) {
			return Optional.empty();
		}
		return Optional.of(execution);
	}

	private long lastRunNumber(String name) {
		JobInstance last = this.jobRepository.getLastJobInstance(name);
		JobExecution execution = (last != null) ? this.jobRepository.getLastJobExecution(last) : null;
		return (execution != null) ? runNumber(execution) : 0;
	}

	static long runNumber(JobExecution execution) {
		Long run = execution.getJobParameters().getLong(RUN);
		return (run != null) ? run : execution.getJobInstance().getInstanceId();
	}

	private static String describe(Throwable failure) {
		StringBuilder text = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
				text.append(text.isEmpty() ? "" : ": ").append(cause.getMessage());
			}
		}
		return text.isEmpty() ? failure.getClass().getSimpleName() : text.toString();
	}

}
