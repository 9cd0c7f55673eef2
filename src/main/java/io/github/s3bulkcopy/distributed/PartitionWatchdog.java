package io.github.s3bulkcopy.distributed;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * The manager's watch over its workers while the copy step runs: a partition still
 * running whose owner is gone (no heartbeat for the stale time) and that no worker took
 * over is sent to the queue again. The broker already hands a killed worker's request to
 * another worker; this covers what it does not: a request lost with a broker that
 * restarted, a worker cut off from the broker but not from the database, a session that
 * was not transacted. A worker receiving such a request takes the partition over (or
 * drops it when another worker did first).
 */
public class PartitionWatchdog implements StepExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(PartitionWatchdog.class);

	private final JobRepository jobRepository;

	private final WorkerRegistry registry;

	private final Consumer<StepExecutionRequest> sender;

	private final String workerStepName;

	private final Duration period;

	private final Map<Long, Instant> resent = new ConcurrentHashMap<>();

	private @Nullable ScheduledExecutorService scheduler;

	private @Nullable FailureCheck failureCheck;

	private boolean stopped;

	private @Nullable PartitionProgress progress;

	private Duration progressPeriod = Duration.ofSeconds(2);

	public PartitionWatchdog(JobRepository jobRepository, WorkerRegistry registry,
			Consumer<StepExecutionRequest> sender, String workerStepName, Duration period) {
		this.jobRepository = jobRepository;
		this.registry = registry;
		this.sender = sender;
		this.workerStepName = workerStepName;
		this.period = period;
	}

	/**
	 * Also stops the run when the failures of all workers together cross
	 * {@code copy.max-failures}: each worker counts only its own.
	 */
	public PartitionWatchdog withFailureCheck(FailureCheck failureCheck) {
		this.failureCheck = failureCheck;
		return this;
	}

	/**
	 * Also brings the manager's progress counts up to the workers' every {@code period}.
	 */
	public PartitionWatchdog withProgress(PartitionProgress progress, Duration period) {
		this.progress = progress;
		this.progressPeriod = period;
		return this;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stopped = false;
		long jobExecutionId = stepExecution.getJobExecutionId();
		this.scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "partition-watchdog");
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.scheduleWithFixedDelay(() -> {
			try {
				check(jobExecutionId);
			}
			catch (RuntimeException ex) {
				// A database blip: the next round looks again.
				logger.debug("The partition watchdog could not look at the workers: {}", ex.getMessage());
			}
		}, this.period.toMillis(), this.period.toMillis(), TimeUnit.MILLISECONDS);
		if (this.progress != null) {
			this.scheduler.scheduleWithFixedDelay(() -> updateProgress(jobExecutionId), 0,
					this.progressPeriod.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void updateProgress(long jobExecutionId) {
		try {
			JobExecution execution = this.jobRepository.getJobExecution(jobExecutionId);
			if (execution != null && this.progress != null) {
				this.progress.update(execution, this.workerStepName);
			}
		}
		catch (RuntimeException ex) {
			// A database blip: the progress line waits for the next round.
			logger.debug("Could not read the workers' progress: {}", ex.getMessage());
		}
	}

	@Override
	public @Nullable ExitStatus afterStep(StepExecution stepExecution) {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
		if (this.progress != null) {
			updateProgress(stepExecution.getJobExecutionId());
		}
		return null;
	}

	/** One round: sends again the requests of running partitions whose owner is gone. */
	void check(long jobExecutionId) {
		JobExecution execution = this.jobRepository.getJobExecution(jobExecutionId);
		if (execution == null) {
			return;
		}
		Instant now = Instant.now();
		if (this.failureCheck != null && !this.stopped) {
			long written = execution.getStepExecutions()
				.stream()
				.filter((partition) -> partition.getStepName().startsWith(this.workerStepName + ":"))
				.mapToLong(StepExecution::getWriteCount)
				.sum();
			String reason = this.failureCheck.exceeded(execution, written);
			if (reason != null) {
				logger.warn("The workers' failures together crossed copy.max-failures ({}): stopping the run", reason);
				this.failureCheck.stop(execution);
				this.stopped = true;
			}
		}
		for (StepExecution partition : execution.getStepExecutions()) {
			if (!partition.getStepName().startsWith(this.workerStepName + ":") || !partition.getStatus().isRunning()) {
				continue;
			}
			String owner = this.registry.owner(partition.getId()).map(WorkerRegistry.Owner::workerId).orElse(null);
			if (owner == null || !this.registry.isGone(owner)) {
				continue;
			}
			Instant last = this.resent.get(partition.getId());
			if (last != null && last.isAfter(now.minus(this.registry.staleAfter()))) {
				continue;
			}
			logger.warn("Worker {} of {} is gone and no worker has taken it over: sending its request again", owner,
					partition.getStepName());
			this.sender.accept(new StepExecutionRequest(this.workerStepName, partition.getId()));
			this.resent.put(partition.getId(), now);
		}
	}

	/** The run-wide failure threshold. */
	public interface FailureCheck {

		/**
		 * @param written the items the partitions have written so far
		 * @return why the run must stop, or null
		 */
		@Nullable String exceeded(JobExecution execution, long written);

		void stop(JobExecution execution);

	}

}
