package io.github.s3bulkcopy.distributed;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.BatchStatus;

/**
 * Whether a worker runs a partition request it received. Spring Batch's own request
 * handler runs whatever it is sent; a distributed run needs more, because a request can
 * come again (the broker redelivers a dead worker's request; the manager's watchdog sends
 * one again) and can outlive its run (a manager killed and its run resumed with new
 * partitions):
 * <ul>
 * <li>a partition that has ended (completed, failed, stopped) is not run again: the
 * request is dropped;</li>
 * <li>nor is a partition of a job execution that no longer runs, or that a later
 * execution of its run replaced;</li>
 * <li>a partition nobody owns is claimed and run; one whose owner is gone is taken over
 * and continued from its last committed chunk (the owner's uncommitted chunk rolled back
 * with it);</li>
 * <li>a partition that a live worker owns is waited for: it ends, or its owner goes.</li>
 * </ul>
 * A stale worker that still runs a partition another took over cannot commit: every chunk
 * commit updates the step execution under its version, which the new owner raised when it
 * started the partition again.
 */
public final class PartitionGuard {

	/** What to do with a request. */
	public enum Decision {

		/** Claim the partition (or keep it, or take it over) and run it. */
		RUN,

		/**
		 * Acknowledge the request and do nothing: the partition is done or belongs to an
		 * ended run.
		 */
		DROP,

		/** A live worker owns it: look again shortly. */
		WAIT

	}

	/** What the guard knows of a request's partition. */
	public record Partition(BatchStatus status, boolean jobRunning, boolean latestExecution, @Nullable String owner,
			boolean ownerGone, boolean runningHere) {
	}

	private PartitionGuard() {
	}

	public static Decision decide(Partition partition, String self) {
		if (!partition.status().isRunning() || !partition.jobRunning() || !partition.latestExecution()) {
			return Decision.DROP;
		}
		if (partition.runningHere()) {
			// This worker runs it in another slot: a duplicate request
			return Decision.DROP;
		}
		if (partition.owner() == null || partition.owner().equals(self) || partition.ownerGone()) {
			return Decision.RUN;
		}
		return Decision.WAIT;
	}

}
