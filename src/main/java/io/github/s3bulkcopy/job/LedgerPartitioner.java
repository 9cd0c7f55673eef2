package io.github.s3bulkcopy.job;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.s3bulkcopy.ledger.JdbcLedger;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.util.Assert;

/**
 * Splits a run's ledger into contiguous sequence ranges of about equal size. A partition is nothing but
 * {@code (runId, minSeq, maxSeq)} in its execution context, so a worker in another thread or on another machine
 * sharing the job database can pick it up.
 */
public class LedgerPartitioner implements Partitioner {

	static final String RUN_ID = "runId";

	static final String MIN_SEQ = "minSeq";

	static final String MAX_SEQ = "maxSeq";

	private final JdbcLedger ledger;

	private final long runId;

	public LedgerPartitioner(JdbcLedger ledger, long runId) {
		Assert.notNull(ledger, "ledger is required");
		this.ledger = ledger;
		this.runId = runId;
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		long total = this.ledger.maxSeq(this.runId);
		int partitions = (int) Math.max(1, Math.min(gridSize, total));
		long size = (total + partitions - 1) / Math.max(1, partitions);
		Map<String, ExecutionContext> result = new LinkedHashMap<>();
		for (int i = 0; i < partitions; i++) {
			ExecutionContext context = new ExecutionContext();
			context.putLong(RUN_ID, this.runId);
			context.putLong(MIN_SEQ, i * size + 1);
			context.putLong(MAX_SEQ, Math.min(total, (i + 1) * size));
			result.put("partition" + i, context);
		}
		return result;
	}

}
