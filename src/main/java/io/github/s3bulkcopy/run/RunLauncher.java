package io.github.s3bulkcopy.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.s3bulkcopy.jobfile.JobFile;
import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.ledger.LedgerCounts;
import io.github.s3bulkcopy.manifest.ManifestException;
import io.github.s3bulkcopy.plan.InvalidManifestException;
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
 * Starts and resumes runs of a job. A run is a Spring Batch job instance identified by
 * the job's name and a run number; resuming it is restarting that instance, which skips
 * the steps and chunks already committed. The same logic runs the copy job and the verify
 * job ({@code <name>.verify}), each numbering its own runs; one lock, named after the job
 * file's job, keeps a copy and a verify run of the same job from running at once.
 */
public class RunLauncher {

	private static final Logger logger = LoggerFactory.getLogger(RunLauncher.class);

	public static final String RUN = "run";

	static final String JOB_FILE = "jobFile";

	public static final String JOB_FILE_SHA256 = "jobFileSha256";

	/**
	 * The manifest a run reads, fixed when it starts, so a resumed run goes on with the
	 * same one.
	 */
	public static final String MANIFEST = "manifest";

	/**
	 * Whether a run skips objects already at the destination, fixed when it starts (a
	 * scheduled run decides it from the runs before it), so a resumed run goes on
	 * deciding as it began.
	 */
	public static final String SKIP_EXISTING = "skipExisting";

	/**
	 * The version of the tool that runs a run, so that a worker of a distributed run can
	 * check it runs the same.
	 */
	public static final String TOOL_VERSION = "toolVersion";

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job copyJob;

	private final JdbcLedger ledger;

	private final JdbcTemplate jdbc;

	private final JobFile jobFile;

	private final RunReporter reporter;

	private final Duration lockStaleAfter;

	private final RunPreparation preparation;

	public RunLauncher(JobOperator jobOperator, JobRepository jobRepository, Job copyJob, JdbcLedger ledger,
			JdbcTemplate jdbc, JobFile jobFile, RunReporter reporter, Duration lockStaleAfter,
			RunPreparation preparation) {
		Assert.notNull(jobOperator, "jobOperator is required");
		Assert.notNull(jobRepository, "jobRepository is required");
		Assert.notNull(copyJob, "copyJob is required");
		Assert.notNull(ledger, "ledger is required");
		Assert.notNull(jdbc, "jdbc is required");
		Assert.notNull(jobFile, "jobFile is required");
		Assert.notNull(reporter, "reporter is required");
		Assert.notNull(preparation, "preparation is required");
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.copyJob = copyJob;
		this.ledger = ledger;
		this.jdbc = jdbc;
		this.jobFile = jobFile;
		this.reporter = reporter;
		this.lockStaleAfter = lockStaleAfter;
		this.preparation = preparation;
	}

	/**
	 * Runs the copy job: resumes its unfinished run if there is one (unless
	 * {@code newRun}), otherwise starts the next.
	 */
	public RunResult copy(boolean newRun) throws Exception {
		return run(this.copyJob, this.reporter, newRun);
	}

	/**
	 * Runs the copy job as the scheduler does: resumes its unfinished run if there is
	 * one, otherwise starts the next, which skips objects already at the destination when
	 * the job has completed a run before, unless the job file says
	 * {@code copy.skip-existing} itself.
	 */
	public RunResult scheduledCopy() throws Exception {
		return withLock(() -> {
			JobExecution unfinished = unfinishedExecution(this.copyJob.getName()).orElse(null);
			if (unfinished != null) {
				return resume(this.copyJob, this.reporter, unfinished);
			}
			boolean incremental = hasCompletedRun(this.copyJob.getName());
			return start(this.copyJob, this.reporter, this.jobFile.spec().copy().skipExistingOr(incremental));
		});
	}

	/** Resumes the copy job's unfinished run; fails when there is none. */
	public RunResult restart() throws Exception {
		return restart(this.copyJob, this.reporter);
	}

	/**
	 * Runs a job of this job file: resumes its unfinished run if there is one (unless
	 * {@code newRun}), otherwise starts the next.
	 * @param job the job to run; its name identifies its runs
	 * @param reporter writes the report of a run that did not complete (a completed run
	 * wrote its own)
	 */
	public RunResult run(Job job, RunReporter reporter, boolean newRun) throws Exception {
		return withLock(() -> {
			JobExecution unfinished = newRun ? null : unfinishedExecution(job.getName()).orElse(null);
			return (unfinished != null) ? resume(job, reporter, unfinished)
					: start(job, reporter, this.jobFile.spec().copy().skipExistingOr(false));
		});
	}

	/** Resumes a job's unfinished run; fails when there is none. */
	public RunResult restart(Job job, RunReporter reporter) throws Exception {
		return withLock(() -> resume(job, reporter,
				unfinishedExecution(job.getName()).orElseThrow(() -> new NothingToResumeException("job '"
						+ job.getName() + "' has no unfinished run to resume" + latestRunDescription(job.getName())))));
	}

	private RunResult start(Job job, RunReporter reporter, boolean skipExisting) throws Exception {
		String manifest = this.preparation.manifestChoice().forNewRun(job.getName());
		long run = lastRunNumber(job.getName()) + 1;
		JobParametersBuilder parameters = new JobParametersBuilder().addLong(RUN, run)
			.addString(JOB_FILE, this.jobFile.path().toString(), false)
			.addString(JOB_FILE_SHA256, this.jobFile.sha256(), false)
			.addString(SKIP_EXISTING, Boolean.toString(skipExisting), false)
			.addString(TOOL_VERSION, ToolVersion.get(), false);
		if (manifest != null) {
			parameters.addString(MANIFEST, manifest, false);
		}
		logger.info("Starting run {} of job {}{}", run, job.getName(),
				(manifest != null) ? " with manifest " + manifest : "");
		return finish(job, reporter, this.jobOperator.start(job, parameters.toJobParameters()), false);
	}

	private RunResult resume(Job job, RunReporter reporter, JobExecution unfinished) throws Exception {
		JobExecution previous = unfinished;
		if (previous.getStatus().isRunning() || hasRunningStep(previous)) {
			// We hold the job's lock, so the process that left it running is gone (kill
			// -9, crash).
			logger.info("Run {} was left {} by a process that is gone: recovering it", runNumber(previous),
					previous.getStatus());
			previous = this.jobOperator.recover(previous);
		}
		String previousSha = previous.getJobParameters().getString(JOB_FILE_SHA256);
		if (previousSha != null && !previousSha.equals(this.jobFile.sha256())) {
			logger.warn("The job file changed since run {} started; resuming it with the new settings",
					runNumber(previous));
		}
		JobParametersBuilder builder = new JobParametersBuilder().addLong(RUN, runNumber(previous))
			.addString(JOB_FILE, this.jobFile.path().toString(), false)
			.addString(JOB_FILE_SHA256, this.jobFile.sha256(), false)
			.addString(TOOL_VERSION, ToolVersion.get(), false);
		String manifest = previous.getJobParameters().getString(MANIFEST);
		if (manifest != null) {
			builder.addString(MANIFEST, manifest, false);
		}
		// As the run started, unless the job file now says otherwise.
		String started = previous.getJobParameters().getString(SKIP_EXISTING);
		boolean skipExisting = this.jobFile.spec().copy().skipExistingOr(Boolean.parseBoolean(started));
		builder.addString(SKIP_EXISTING, Boolean.toString(skipExisting), false);
		JobParameters parameters = builder.toJobParameters();
		this.preparation.resumeCleanup().prepare(previous.getJobInstance().getInstanceId());
		logger.info("Resuming run {} of job {}", runNumber(previous), job.getName());
		return finish(job, reporter, this.jobOperator.start(job, parameters), true);
	}

	/**
	 * Whether a step of an execution is still marked running although the execution is
	 * not: a partition of a distributed run whose worker died after its manager had given
	 * up. Recovering it fences that worker (a stale worker's next commit fails on the
	 * step's version) before the resume starts the partitions again.
	 */
	private static boolean hasRunningStep(JobExecution execution) {
		return execution.getStepExecutions().stream().anyMatch((step) -> step.getStatus().isRunning());
	}

	private RunResult finish(Job job, RunReporter reporter, JobExecution execution, boolean resumed) throws Exception {
		long runId = execution.getJobInstance().getInstanceId();
		List<String> failures = new ArrayList<>();
		for (Throwable failure : execution.getAllFailureExceptions()) {
			failures.add(describe(failure));
		}
		ManifestException badManifest = findCause(execution.getAllFailureExceptions(), ManifestException.class);
		if (execution.getStatus() != BatchStatus.COMPLETED && badManifest != null) {
			// A manifest that cannot be read as it is must not leave half a plan to
			// resume from: the run is abandoned and its rows dropped, so the next copy
			// starts a fresh run from the corrected manifest.
			this.ledger.deleteRun(runId);
			this.jobOperator.abandon(execution);
			throw new InvalidManifestException(badManifest.getMessage(), badManifest);
		}
		Path reportDirectory = null;
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			reportDirectory = reporter.directory(job.getName(), runNumber(execution));
		}
		else {
			try {
				reportDirectory = reporter.write(execution);
			}
			catch (Exception ex) {
				// The run's own failure is what the user must see; a partial report is a
				// courtesy.
				failures.add("the report of the unfinished run could not be written: " + describe(ex));
			}
		}
		LedgerCounts counts = reporter.reportedCounts(execution).orElseGet(() -> this.ledger.counts(runId));
		return new RunResult(job.getName(), runNumber(execution), runId, resumed, execution.getStatus(), counts,
				reportDirectory, failures, reporter.extras(runId));
	}

	private Optional<JobExecution> unfinishedExecution(String jobName) {
		JobInstance last = this.jobRepository.getLastJobInstance(jobName);
		if (last == null) {
			return Optional.empty();
		}
		JobExecution execution = this.jobRepository.getLastJobExecution(last);
		if (execution == null || execution.getStatus() == BatchStatus.COMPLETED
				|| execution.getStatus() == BatchStatus.ABANDONED) {
			return Optional.empty();
		}
		return Optional.of(execution);
	}

	/**
	 * Whether a run of the job has completed: a later scheduled run then has something to
	 * skip.
	 */
	private boolean hasCompletedRun(String jobName) {
		for (JobInstance instance : this.jobRepository.getJobInstances(jobName, 0, Integer.MAX_VALUE)) {
			JobExecution execution = this.jobRepository.getLastJobExecution(instance);
			if (execution != null && execution.getStatus() == BatchStatus.COMPLETED) {
				return true;
			}
		}
		return false;
	}

	private long lastRunNumber(String jobName) {
		JobInstance last = this.jobRepository.getLastJobInstance(jobName);
		if (last == null) {
			return 0;
		}
		JobExecution execution = this.jobRepository.getLastJobExecution(last);
		return (execution != null) ? runNumber(execution) : 0;
	}

	private String latestRunDescription(String jobName) {
		JobInstance last = this.jobRepository.getLastJobInstance(jobName);
		JobExecution execution = (last != null) ? this.jobRepository.getLastJobExecution(last) : null;
		return (execution != null) ? " (the latest, run " + runNumber(execution) + ", is " + execution.getStatus() + ")"
				: " (it has never run)";
	}

	private RunResult withLock(Work work) throws Exception {
		try (JobLock lock = new JobLock(this.jdbc, name(), this.lockStaleAfter)) {
			Optional<JobLock.Holder> holder = lock.tryAcquire();
			if (holder.isPresent()) {
				throw new JobBusyException(
						"job '" + name() + "' is being run by another process (" + holder.get().owner() + ", alive at "
								+ holder.get().heartbeat() + "): wait for it, or stop it with 'stop --job'");
			}
			this.preparation.bucketCheck().check();
			return work.run();
		}
	}

	private String name() {
		return this.jobFile.spec().name();
	}

	public static long runNumber(JobExecution execution) {
		Long run = execution.getJobParameters().getLong(RUN);
		return (run != null) ? run : execution.getJobInstance().getInstanceId();
	}

	/**
	 * The manifest a run read: the one fixed when it started, or the job file's when none
	 * was.
	 */
	public static @Nullable String manifestOf(JobExecution execution, @Nullable String fallback) {
		String manifest = execution.getJobParameters().getString(MANIFEST);
		return (manifest != null) ? manifest : fallback;
	}

	public static String describe(Throwable failure) {
		Throwable cause = failure;
		StringBuilder text = new StringBuilder();
		while (cause != null) {
			if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
				if (!text.isEmpty()) {
					text.append(": ");
				}
				text.append(cause.getMessage());
			}
			cause = (cause.getCause() != cause) ? cause.getCause() : null;
		}
		return text.isEmpty() ? failure.getClass().getSimpleName() : text.toString();
	}

	public static <T extends Throwable> @Nullable T findCause(List<Throwable> failures, Class<T> type) {
		for (Throwable failure : failures) {
			Throwable cause = failure;
			while (cause != null) {
				if (type.isInstance(cause)) {
					return type.cast(cause);
				}
				cause = (cause.getCause() != cause) ? cause.getCause() : null;
			}
		}
		return null;
	}

	@FunctionalInterface
	private interface Work {

		RunResult run() throws Exception;

	}

}
