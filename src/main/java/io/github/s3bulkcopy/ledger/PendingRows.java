package io.github.s3bulkcopy.ledger;

import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;

/**
 * What a partition of the copy or verify step reads: its pending rows, in plan order.
 */
public final class PendingRows {

	private PendingRows() {
	}

	/**
	 * A reader of the pending rows of {@code SEQ} {@code minSeq..maxSeq} of a run, a page
	 * at a time. It keeps no position for a restart: what is done is no longer pending.
	 */
	public static JdbcPagingItemReader<PlannedObject> reader(DataSource dataSource, long runId, long minSeq,
			long maxSeq, int pageSize) throws Exception {
		return new JdbcPagingItemReaderBuilder<PlannedObject>().name("pendingObjects")
			.dataSource(dataSource)
			.selectClause("SELECT ROW_KEY, " + JdbcLedger.COLUMNS)
			.fromClause("FROM BULK_LEDGER")
			.whereClause("WHERE ROW_KEY BETWEEN :minKey AND :maxKey AND STATUS = 'PENDING'")
			.parameterValues(Map.of("minKey", LedgerKey.of(runId, minSeq), "maxKey", LedgerKey.of(runId, maxSeq)))
			// By the key: H2 then walks the index in order, where ORDER BY SEQ made every
			// page sort all the partition's remaining rows.
			.sortKeys(Map.of("ROW_KEY", Order.ASCENDING))
			.pageSize(pageSize)
			.rowMapper(JdbcLedger.PLANNED_MAPPER)
			.saveState(false)
			.build();
	}

}
