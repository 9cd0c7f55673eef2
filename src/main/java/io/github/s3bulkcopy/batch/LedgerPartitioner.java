package io.github.s3bulkcopy.batch;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.s3bulkcopy.ledger.JdbcLedger;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.util.Assert;

/**
 * Splits a run's ledger into contiguous sequence ranges of about equal size. A partition
 * is nothing but {@code (runId, minSeq, maxSeq)} in its execution context, so a worker in
 * another thread or on another machine sharing the job database can pick it up.
 */
public class LedgerPartitioner implements Partitioner {

	static final String RUN_ID = "runId";

	static final String MIN_SEQ = "minSeq";

	static final String MAX_SEQ = "maxSeq";

	private final JdbcLedger ledger;

	private final long runId;

	private final boolean wholeKeys;

	public LedgerPartitioner(JdbcLedger ledger, long runId) {
		this(ledger, runId, false);
	}

	/**
	 * @param wholeKeys whether a key's rows (its versions, next to each other in the
	 * plan) must stay in one partition, so that they are copied one after the other
	 */
	public LedgerPartitioner(JdbcLedger ledger, long runId, boolean wholeKeys) {
		Assert.notNull(ledger, "ledger is required");
		this.ledger = ledger;
		this.runId = runId;
		this.wholeKeys = wholeKeys;
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		long total = this.ledger.maxSeq(this.runId);
		int partitions = (int) Math.max(1, Math.min(gridSize, total));
		long size = (total + partitions - 1) / Math.max(1, partitions);
		Map<String, ExecutionContext> result = new LinkedHashMap<>();
		long min = 1;
		for (int i = 0; i < partitions && (min <= total || i == 0); i++) {
			long max = Math.min(total, (i + 1) * size);
			if (this.wholeKeys && max < total) {
				max = Math.max(max, this.ledger.lastOfKey(this.runId, max));
			}
			if (max < min && total > 0) {
				continue;
			}
			ExecutionContext context = new ExecutionContext();
			context.putLong(RUN_ID, this.runId);
			context.putLong(MIN_SEQ, min);
			context.putLong(MAX_SEQ, max);
			result.put("partition" + i, context);
			min = max + 1;
		}
		return result;
	}

}
