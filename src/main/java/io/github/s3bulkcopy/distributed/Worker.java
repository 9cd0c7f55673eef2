package io.github.s3bulkcopy.distributed;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.s3bulkcopy.ExitCodes;
import io.github.s3bulkcopy.InvalidSetupException;
import io.github.s3bulkcopy.jobfile.JobFile;
import jakarta.jms.ConnectionFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

/**
 * A worker of a distributed run: takes partition requests of its job from the broker,
 * {@code slots} at a time, in transacted sessions, and runs them
 * ({@link PartitionRequestListener}). It heartbeats in the job database while it lives;
 * it refuses (exit 2) a run started with another job file or tool version; by default it
 * ends when a run it saw running has ended.
 */
public class Worker implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(Worker.class);

	private final JobFile jobFile;

	private final JobRepository jobRepository;

	private final WorkerRegistry registry;

	private final ConnectionFactory connectionFactory;

	private final StepExecutionRequestHandler handler;

	private final PartitionRequestListener.TakeoverCleanup takeoverCleanup;

	private final String self = WorkerRegistry.thisProcess();

	private final AtomicReference<@Nullable InvalidSetupException> refusal = new AtomicReference<>();

	private final PartitionRelease partitionRelease;

	private volatile boolean stopping;

	private volatile boolean releasing;

	public Worker(JobFile jobFile, JobRepository jobRepository, WorkerRegistry registry,
			ConnectionFactory connectionFactory, StepExecutionRequestHandler handler,
			PartitionRequestListener.TakeoverCleanup takeoverCleanup, PartitionRelease partitionRelease) {
		this.jobFile = jobFile;
		this.jobRepository = jobRepository;
		this.registry = registry;
		this.connectionFactory = connectionFactory;
		this.handler = handler;
		this.takeoverCleanup = takeoverCleanup;
		this.partitionRelease = partitionRelease;
	}

	public String id() {
		return this.self;
	}

	/**
	 * Asks the worker to stop (SIGTERM): it takes no more requests, hands each running
	 * partition back at its next chunk boundary ({@link PartitionRelease}), and then
	 * {@link #serve} returns {@link ExitCodes#RESUMABLE}.
	 */
	public void release() {
		this.stopping = true;
		this.releasing = true;
	}

	/**
	 * Serves the job's partitions.
	 * @param slots how many partitions at once
	 * @param keepRunning whether to go on serving after a run ended (else the worker ends
	 * with it)
	 * @return {@link ExitCodes#OK} when the run has ended, {@link ExitCodes#RESUMABLE}
	 * when the worker was asked to stop ({@link #release}) and handed its partitions back
	 * @throws InvalidSetupException when the run was started with another job file or
	 * tool version
	 */
	public int serve(int slots, boolean keepRunning) throws InterruptedException {
		String jobName = this.jobFile.spec().name();
		JobExecution current = currentExecution(jobName);
		if (current != null && current.getStatus().isRunning()) {
			RunCompatibility.check(this.jobFile, current);
		}
		this.registry.register(this.self, jobName);
		long period = Math.max(1, this.registry.staleAfter().toMillis() / 4);
		ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "worker-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		heartbeat.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
		PartitionRequestListener listener = new PartitionRequestListener(this.jobRepository, this.handler,
				this.registry, this.jobFile, this.self, this.takeoverCleanup, this.refusal::set, () -> this.stopping,
				Duration.ofSeconds(2));
		DefaultMessageListenerContainer container = new DefaultMessageListenerContainer();
		container.setConnectionFactory(this.connectionFactory);
		container.setDestinationName(PartitionRequests.queue(jobName));
		// Acknowledged when the partition has run, so a worker that dies gives its
		// request back.
		container.setSessionTransacted(true);
		container.setConcurrentConsumers(slots);
		container.setMaxConcurrentConsumers(slots);
		container.setMessageListener(listener);
		container.setRecoveryInterval(2000);
		container.setAutoStartup(false);
		container.afterPropertiesSet();
		container.start();
		logger.info("Worker {} serving job {} with {} slot(s)", this.self, jobName, slots);
		boolean sawRun = current != null && current.getStatus().isRunning();
		boolean handedBack = false;
		try {
			while (true) {
				if (this.releasing) {
					this.partitionRelease.begin(listener::release);
					while (!listener.isReleased()) {
						Thread.sleep(100);
					}
					handedBack = listener.isBusy();
					logger.info("Worker {} stopped: {} partition(s) handed back at a chunk boundary", this.self,
							listener.releasedCount());
					return ExitCodes.RESUMABLE;
				}
				InvalidSetupException refused = this.refusal.get();
				if (refused != null) {
					throw refused;
				}
				JobExecution latest = currentExecution(jobName);
				boolean running = latest != null && latest.getStatus().isRunning();
				if (running) {
					sawRun = true;
				}
				else if (sawRun && !keepRunning && !listener.isBusy()) {
					logger.info("The run has ended: worker {} stops", this.self);
					return ExitCodes.OK;
				}
				for (int i = 0; i < 10 && !this.releasing; i++) {
					Thread.sleep(100);
				}
			}
		}
		finally {
			this.stopping = true;
			if (!handedBack) {
				// The threads of handed-back partitions stay where they are until the
				// process ends: waiting for them would never end.
				container.shutdown();
			}
			heartbeat.shutdownNow();
			leave();
		}
	}

	private @Nullable JobExecution currentExecution(String jobName) {
		JobInstance last = this.jobRepository.getLastJobInstance(jobName);
		return (last != null) ? this.jobRepository.getLastJobExecution(last) : null;
	}

	private void beat() {
		try {
			this.registry.beat(this.self);
		}
		catch (RuntimeException ex) {
			// A missed beat is harmless unless it lasts longer than the stale time; the
			// next one tries again.
		}
	}

	private void leave() {
		try {
			this.registry.leave(this.self);
		}
		catch (RuntimeException ex) {
			// Gone from the table or not, the heartbeat stops: others see the worker gone
			// after the stale time.
		}
	}

	/**
	 * A worker stopped (SIGTERM closes the context): at once seen as gone, so its
	 * partition moves on.
	 */
	@Override
	public void destroy() {
		this.stopping = true;
		leave();
	}

}
