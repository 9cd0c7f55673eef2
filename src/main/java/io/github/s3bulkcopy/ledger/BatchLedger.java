package io.github.s3bulkcopy.ledger;

import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * What the Batch Operations steps ask of the ledger beyond {@link JdbcLedger}: sizes
 * learned by HEAD, the rows for Batch Operations' manifest, and finding a report row's
 * object. Same table, same transactions.
 */
public class BatchLedger {

	private final JdbcTemplate jdbc;

	private final RunCounts totals;

	private final TransactionTemplate transactions;

	public BatchLedger(JdbcTemplate jdbc) {
		Assert.notNull(jdbc, "jdbc is required");
		this.jdbc = jdbc;
		this.totals = new RunCounts(jdbc);
		this.transactions = RunCounts.transactions(jdbc);
	}

	/** Pending rows whose size the manifest did not state, in plan order. */
	public List<PlannedObject> pendingWithoutSize(long runId, int limit) {
		return this.jdbc.query("SELECT " + JdbcLedger.COLUMNS + " FROM BULK_LEDGER WHERE " + JdbcLedger.OF_RUN
				+ " AND STATUS = 'PENDING' AND OBJECT_SIZE IS NULL ORDER BY ROW_KEY FETCH FIRST " + limit
				+ " ROWS ONLY", JdbcLedger.PLANNED_MAPPER, JdbcLedger.runKeys(runId));
	}

	public void setSize(long runId, long seq, long size) {
		this.transactions.executeWithoutResult((transaction) -> {
			this.totals.ensure(runId);
			RunCounts.State was = this.totals.states(runId, List.of(seq)).get(seq);
			this.jdbc.update("UPDATE BULK_LEDGER SET OBJECT_SIZE = ? WHERE ROW_KEY = ?", size,
					LedgerKey.of(runId, seq));
			if (was != null) {
				this.totals.apply(runId, new RunCounts.Change().remove(was).add(was.withSize(size)));
			}
		});
	}

	/**
	 * Pending rows up to {@code maxSize} bytes, in plan order: what Batch Operations
	 * copies. Close the stream.
	 */
	public Stream<PlannedObject> pendingUpTo(long runId, long maxSize) {
		return this.jdbc.queryForStream(
				"SELECT " + JdbcLedger.COLUMNS + " FROM BULK_LEDGER WHERE " + JdbcLedger.OF_RUN
						+ " AND STATUS = 'PENDING' AND OBJECT_SIZE <= ? ORDER BY ROW_KEY",
				JdbcLedger.PLANNED_MAPPER, JdbcLedger.runKeys(runId, maxSize));
	}

	public long countPendingAbove(long runId, long maxSize) {
		Long count = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM BULK_LEDGER WHERE " + JdbcLedger.OF_RUN
						+ " AND STATUS = 'PENDING' AND OBJECT_SIZE > ?",
				Long.class, JdbcLedger.runKeys(runId, maxSize));
		return (count != null) ? count : 0;
	}

	/**
	 * The plan position of an object in a run; a version-less row matches a report row
	 * that names a version.
	 */
	public @Nullable Long find(long runId, String key, @Nullable String versionId) {
		List<Long> exact = (versionId != null) ? this.jdbc.queryForList(
				"SELECT SEQ FROM BULK_LEDGER WHERE " + JdbcLedger.OF_RUN + " AND SOURCE_KEY = ? AND VERSION_ID = ?",
				Long.class, JdbcLedger.runKeys(runId, key, versionId)) : List.of();
		if (!exact.isEmpty()) {
			return exact.get(0);
		}
		List<Long> latest = this.jdbc.queryForList(
				"SELECT SEQ FROM BULK_LEDGER WHERE " + JdbcLedger.OF_RUN + " AND SOURCE_KEY = ? AND VERSION_ID IS NULL",
				Long.class, JdbcLedger.runKeys(runId, key));
		return latest.isEmpty() ? null : latest.get(0);
	}

	/**
	 * Up to {@code limit} source keys of which the run's plan names more than one version
	 * (a row without a version id names the latest), in key order.
	 */
	public List<String> keysWithSeveralVersions(long runId, int limit) {
		return this.jdbc.queryForList("SELECT SOURCE_KEY FROM BULK_LEDGER WHERE " + JdbcLedger.OF_RUN
				+ " GROUP BY SOURCE_KEY HAVING COUNT(DISTINCT COALESCE(VERSION_ID, '')) > 1 ORDER BY SOURCE_KEY "
				+ "FETCH FIRST " + limit + " ROWS ONLY", String.class, JdbcLedger.runKeys(runId));
	}

	/**
	 * Whether every row Batch Operations gets names a version (its CSV needs all or
	 * none).
	 */
	public boolean allNameVersions(long runId, long maxSize) {
		Long without = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM BULK_LEDGER WHERE " + JdbcLedger.OF_RUN
						+ " AND STATUS = 'PENDING' AND OBJECT_SIZE <= ? AND VERSION_ID IS NULL",
				Long.class, JdbcLedger.runKeys(runId, maxSize));
		return without != null && without == 0;
	}

}
