package io.github.s3bulkcopy.distributed;

import java.time.Instant;

import io.github.s3bulkcopy.copy.MultipartJanitor;
import io.github.s3bulkcopy.ledger.JdbcLedger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Aborts the multipart uploads a gone worker left for the objects of a partition taken
 * over from it: those of keys still pending in the partition's range, begun before the
 * takeover. Other partitions' uploads, in flight on live workers, are left alone.
 */
class PartitionUploadsCleanup implements PartitionRequestListener.TakeoverCleanup {

	private static final Logger logger = LoggerFactory.getLogger(PartitionUploadsCleanup.class);

	private final MultipartJanitor janitor;

	private final JdbcLedger ledger;

	private final String destinationPrefix;

	private final java.util.function.@Nullable Consumer<StepExecution> counters;

	PartitionUploadsCleanup(MultipartJanitor janitor, JdbcLedger ledger, String destinationPrefix,
			java.util.function.@Nullable Consumer<StepExecution> counters) {
		this.janitor = janitor;
		this.ledger = ledger;
		this.destinationPrefix = destinationPrefix;
		this.counters = counters;
	}

	@Override
	public void afterTakeover(StepExecution partition) {
		ExecutionContext context = partition.getExecutionContext();
		if (!context.containsKey("runId") || !context.containsKey("minSeq") || !context.containsKey("maxSeq")) {
			return;
		}
		long runId = context.getLong("runId");
		long minSeq = context.getLong("minSeq");
		long maxSeq = context.getLong("maxSeq");
		try {
			this.janitor.abortLeftovers(this.destinationPrefix,
					(key) -> this.ledger.isPendingDestination(runId, minSeq, maxSeq, key), Instant.now());
		}
		catch (RuntimeException ex) {
			// The run's resume aborts what is still left; the partition must not wait for
			// it.
			logger.warn("Could not abort the multipart uploads left by the gone worker: {}", ex.getMessage());
		}
	}

	@Override
	public void afterRun(StepExecution partition) {
		if (this.counters == null) {
			return;
		}
		try {
			this.counters.accept(partition);
		}
		catch (RuntimeException ex) {
			// The report then misses this worker's retry and request counts; the copies
			// are recorded.
			logger.warn("Could not record this worker's request counts for {}: {}", partition.getStepName(),
					ex.getMessage());
		}
	}

}
