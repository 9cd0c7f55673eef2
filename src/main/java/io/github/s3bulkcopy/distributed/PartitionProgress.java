package io.github.s3bulkcopy.distributed;

import java.util.Collection;

import io.github.s3bulkcopy.batch.CopyProgress;
import io.github.s3bulkcopy.batch.CopyProgress.Totals;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What the workers of a distributed run copied, for the manager's progress line and
 * meters. A worker adds each chunk's counts (objects by outcome, bytes) to its
 * partition's execution context, which the copy step saves with the chunk's commit, so
 * the counts are those of committed chunks and a partition taken over goes on from them.
 * The manager reads the partitions (a row each, as it does to see them end) and adds what
 * is new to its own {@link CopyProgress}, from which its progress line and Micrometer
 * meters read as in a local run.
 */
public final class PartitionProgress {

	private static final String PREFIX = "s3bulkcopy.progress.";

	private final CopyProgress progress;

	private Totals added = Totals.NONE;

	/**
	 * @param progress the manager's counts, which this brings up to the workers'
	 */
	public PartitionProgress(CopyProgress progress) {
		this.progress = progress;
	}

	/**
	 * On a worker: adds a chunk's counts to the context of the partition the calling
	 * thread runs, if it runs one.
	 */
	static void addToCurrentPartition(Totals chunk) {
		StepContext context = StepSynchronizationManager.getContext();
		if (context == null) {
			return;
		}
		ExecutionContext partition = context.getStepExecution().getExecutionContext();
		Totals sum = read(partition).plus(chunk);
		partition.put(PREFIX + "objects", sum.objects());
		partition.put(PREFIX + "copied", sum.copied());
		partition.put(PREFIX + "skipped", sum.skipped());
		partition.put(PREFIX + "failed", sum.failed());
		partition.put(PREFIX + "skippedInvalidKey", sum.skippedInvalidKey());
		partition.put(PREFIX + "archived", sum.archived());
		partition.put(PREFIX + "restorePending", sum.restorePending());
		partition.put(PREFIX + "bytes", sum.bytes());
		partition.put(PREFIX + "doneBytes", sum.doneBytes());
	}

	static Totals read(ExecutionContext context) {
		return new Totals(value(context, "objects"), value(context, "copied"), value(context, "skipped"),
				value(context, "failed"), value(context, "skippedInvalidKey"), value(context, "archived"),
				value(context, "restorePending"), value(context, "bytes"), value(context, "doneBytes"));
	}

	private static long value(ExecutionContext context, String name) {
		Object value = context.get(PREFIX + name);
		return (value instanceof Number number) ? number.longValue() : 0;
	}

	/**
	 * On the manager: brings its counts up to what the partitions of the execution
	 * recorded so far.
	 * @param partitions the partitions of the copy step, as the job repository has them
	 */
	public synchronized void update(Collection<StepExecution> partitions) {
		Totals sum = Totals.NONE;
		@Nullable Long runId = null;
		for (StepExecution partition : partitions) {
			ExecutionContext context = partition.getExecutionContext();
			if (runId == null && context.containsKey("runId")) {
				runId = context.getLong("runId");
			}
			sum = sum.plus(read(context));
		}
		if (runId == null) {
			return;
		}
		// Counters only go up: a count that went back (a chunk counted, then rolled back
		// in a worker that went on) is made up when the partition passes it again.
		Totals grown = max(sum, this.added);
		this.progress.add(runId, grown.minus(this.added));
		this.added = grown;
	}

	/** The same, for a job execution. */
	public void update(JobExecution execution, String workerStepName) {
		update(execution.getStepExecutions()
			.stream()
			.filter((partition) -> partition.getStepName().startsWith(workerStepName + ":"))
			.toList());
	}

	private static Totals max(Totals a, Totals b) {
		return new Totals(Math.max(a.objects(), b.objects()), Math.max(a.copied(), b.copied()),
				Math.max(a.skipped(), b.skipped()), Math.max(a.failed(), b.failed()),
				Math.max(a.skippedInvalidKey(), b.skippedInvalidKey()), Math.max(a.archived(), b.archived()),
				Math.max(a.restorePending(), b.restorePending()), Math.max(a.bytes(), b.bytes()),
				Math.max(a.doneBytes(), b.doneBytes()));
	}

}
