package io.github.s3bulkcopy.distributed;

import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepInterruptionPolicy;
import org.springframework.batch.core.step.ThreadStepInterruptionPolicy;

/**
 * How a worker that is asked to stop (SIGTERM) gives its partitions back without losing
 * or repeating a chunk: the copy step asks this policy at every chunk boundary, after the
 * chunk before has committed. Once the worker is releasing, the partition is handed back
 * there (its share recorded, its ownership given up, so the next worker claims it at
 * once) and its thread goes no further: it neither reads another chunk nor ends the step,
 * whose status stays running in the job database as the last commit left it. Ending the
 * step would write it as stopped, which the manager would take for the partition's end.
 * The worker then leaves the process, which hands the partition's request back to the
 * broker. Until then, and for a stop of the whole run, this is Spring Batch's own policy.
 */
public final class PartitionRelease implements StepInterruptionPolicy {

	private static final Logger logger = LoggerFactory.getLogger(PartitionRelease.class);

	private final StepInterruptionPolicy delegate = new ThreadStepInterruptionPolicy();

	private volatile @Nullable Consumer<StepExecution> releaser;

	/**
	 * From now on, hands each partition to {@code releaser} at its next chunk boundary
	 * and holds its thread there.
	 */
	void begin(Consumer<StepExecution> releaser) {
		this.releaser = releaser;
	}

	@Override
	public void checkInterrupted(StepExecution stepExecution) throws JobInterruptedException {
		this.delegate.checkInterrupted(stepExecution);
		Consumer<StepExecution> release = this.releaser;
		if (release == null) {
			return;
		}
		try {
			release.accept(stepExecution);
		}
		catch (RuntimeException ex) {
			// Still owned by this worker: once it is gone, another takes the partition
			// over from this same committed chunk.
			logger.warn("Could not hand {} back: {}", stepExecution.getStepName(), ex.getMessage());
		}
		while (true) {
			// Until the process ends; an interrupt (a listener container shutting down)
			// must not let the step go on.
			LockSupport.park(this);
			Thread.interrupted();
		}
	}

}
