package io.github.s3bulkcopy.distributed;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.github.s3bulkcopy.InvalidSetupException;
import io.github.s3bulkcopy.jobfile.JobFile;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.util.Assert;

/**
 * A worker's consumer of partition requests: decides with {@link PartitionGuard} whether
 * to run a request, claims or takes over its partition, and runs it through Spring
 * Batch's {@link StepExecutionRequestHandler}. It runs in a transacted JMS session: the
 * request is acknowledged only when this returns, so the request of a worker killed
 * mid-partition goes back to the queue and to another worker. It throws (rolling the
 * request back) when it cannot decide, such as when the job database cannot be reached,
 * and when this worker may not serve the run.
 */
public class PartitionRequestListener implements MessageListener {

	private static final Logger logger = LoggerFactory.getLogger(PartitionRequestListener.class);

	private final JobRepository jobRepository;

	private final StepExecutionRequestHandler handler;

	private final WorkerRegistry registry;

	private final JobFile jobFile;

	private final String self;

	private final TakeoverCleanup takeoverCleanup;

	private final Consumer<InvalidSetupException> refused;

	private final BooleanSupplier stopping;

	private final Duration waitInterval;

	private final Set<Long> runningHere = ConcurrentHashMap.newKeySet();

	private final Map<Long, Long> writtenBefore = new ConcurrentHashMap<>();

	private final Set<Long> released = ConcurrentHashMap.newKeySet();

	public PartitionRequestListener(JobRepository jobRepository, StepExecutionRequestHandler handler,
			WorkerRegistry registry, JobFile jobFile, String self, TakeoverCleanup takeoverCleanup,
			Consumer<InvalidSetupException> refused, BooleanSupplier stopping, Duration waitInterval) {
		Assert.notNull(jobRepository, "jobRepository is required");
		Assert.notNull(handler, "handler is required");
		this.jobRepository = jobRepository;
		this.handler = handler;
		this.registry = registry;
		this.jobFile = jobFile;
		this.self = self;
		this.takeoverCleanup = takeoverCleanup;
		this.refused = refused;
		this.stopping = stopping;
		this.waitInterval = waitInterval;
	}

	/** Whether a partition is running in this worker now. */
	public boolean isBusy() {
		return !this.runningHere.isEmpty();
	}

	/**
	 * Whether every partition running here has been handed back ({@link #release}): the
	 * worker may leave.
	 */
	public boolean isReleased() {
		return this.released.containsAll(this.runningHere);
	}

	/** How many partitions this worker handed back. */
	public int releasedCount() {
		return this.released.size();
	}

	/**
	 * Hands a partition back at a chunk boundary: records what this worker wrote in it
	 * and gives up its ownership, so the next worker claims it without waiting for this
	 * one to be seen gone. Its request goes back to the broker when this worker's
	 * connection ends.
	 */
	public void release(StepExecution partition) {
		long id = partition.getId();
		Long before = this.writtenBefore.get(id);
		if (before != null) {
			this.registry.addShare(id, this.self, partition.getWriteCount() - before);
		}
		this.registry.release(id, this.self);
		this.released.add(id);
		logger.info("Handed {} back after its last committed chunk ({} written)", partition.getStepName(),
				partition.getWriteCount());
	}

	@Override
	public void onMessage(Message message) {
		StepExecutionRequest request;
		try {
			request = PartitionRequests.parse(((TextMessage) message).getText());
		}
		catch (JMSException | ClassCastException | IllegalArgumentException ex) {
			logger.warn("Dropped a message that is not a partition request: {}", ex.getMessage());
			return;
		}
		long id = request.getStepExecutionId();
		while (true) {
			if (this.stopping.getAsBoolean()) {
				throw new IllegalStateException("the worker is stopping: partition request " + id + " goes back");
			}
			StepExecution partition = this.jobRepository.getStepExecution(id);
			if (partition == null) {
				logger.warn("Dropped the request of partition {}: the job database has no such step execution", id);
				return;
			}
			JobExecution execution = partition.getJobExecution();
			JobExecution latest = this.jobRepository.getLastJobExecution(execution.getJobInstance());
			String owner = this.registry.owner(id).map(WorkerRegistry.Owner::workerId).orElse(null);
			boolean ownerGone = owner != null && !owner.equals(this.self) && this.registry.isGone(owner);
			PartitionGuard.Decision decision = PartitionGuard.decide(new PartitionGuard.Partition(partition.getStatus(),
					execution.getStatus().isRunning(), latest != null && latest.getId() == execution.getId(), owner,
					ownerGone, this.runningHere.contains(id)), this.self);
			if (decision == PartitionGuard.Decision.DROP) {
				logger.info("Dropped the request of partition {} ({}, job execution {} {})", partition.getStepName(),
						partition.getStatus(), execution.getId(), execution.getStatus());
				return;
			}
			if (decision == PartitionGuard.Decision.WAIT) {
				sleep();
				continue;
			}
			try {
				RunCompatibility.check(this.jobFile, execution);
			}
			catch (InvalidSetupException ex) {
				this.refused.accept(ex);
				throw ex;
			}
			if (owner == null) {
				if (!this.registry.claim(id, this.self)) {
					continue;
				}
			}
			else if (!owner.equals(this.self)) {
				if (!this.registry.takeOver(id, owner, this.self)) {
					continue;
				}
				logger.info("Taking over {} from worker {}, which is gone; continuing from its last committed chunk",
						partition.getStepName(), owner);
				// What the gone worker committed is its share; what it had in flight
				// rolled back.
				this.registry.addShare(id, owner, partition.getWriteCount() - this.registry.sharedObjects(id));
				this.takeoverCleanup.afterTakeover(partition);
			}
			run(request, partition);
			return;
		}
	}

	private void run(StepExecutionRequest request, StepExecution before) {
		long id = before.getId();
		this.runningHere.add(id);
		this.writtenBefore.put(id, before.getWriteCount());
		try {
			logger.info("Running {} (step execution {})", before.getStepName(), id);
			StepExecution after = this.handler.handle(request);
			this.takeoverCleanup.afterRun(after);
			this.registry.addShare(id, this.self, after.getWriteCount() - before.getWriteCount());
			logger.info("{} ended {}: {} written here", before.getStepName(), after.getStatus(),
					after.getWriteCount() - before.getWriteCount());
		}
		finally {
			this.runningHere.remove(id);
			this.writtenBefore.remove(id);
		}
	}

	private void sleep() {
		try {
			Thread.sleep(this.waitInterval.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for a partition's owner", ex);
		}
	}

	/** What a worker does when it takes a partition over from a worker that is gone. */
	@FunctionalInterface
	public interface TakeoverCleanup {

		void afterTakeover(StepExecution partition);

		/**
		 * After this worker ran a partition: records what it counted (retries, requests)
		 * where the report finds it.
		 */
		default void afterRun(StepExecution partition) {
		}

	}

}
