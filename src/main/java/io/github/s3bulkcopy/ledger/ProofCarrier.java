package io.github.s3bulkcopy.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Gives each object a run plans the verified copy that the job's previous run recorded
 * for it ({@link LedgerProof}), so that its skip check can rely on it. Proofs go from run
 * to run this way: a run that copies an object again, or compares it anew, records its
 * own; one that skips it on the ledger keeps the one it was given.
 * <p>
 * Both runs' rows are read in one stream sorted by source key, the way
 * {@link VersionSequencer} pairs versions with earlier copies: a key's rows of both runs
 * are next to each other whatever order the database's collation gives keys, memory holds
 * one key's rows, and the key columns need no index. Updates commit a batch at a time
 * (its transaction template must start new transactions) and touch pending rows only, so
 * a second call after an interruption does the same again.
 */
public class ProofCarrier {

	/** Rows updated per transaction. */
	static final int BATCH = 1_000;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final JdbcLedger ledger;

	public ProofCarrier(JdbcTemplate jdbc, TransactionTemplate transactions) {
		Assert.notNull(jdbc, "jdbc is required");
		Assert.notNull(transactions, "transactions is required");
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.ledger = new JdbcLedger(jdbc);
	}

	/**
	 * Carries the earlier run's proofs into the run's pending rows.
	 * @return how many rows were given a proof
	 */
	public long carry(long runId, long earlierRunId) {
		long carried = 0;
		List<Map.Entry<Long, LedgerProof>> batch = new ArrayList<>();
		try (Stream<Row> rows = this.jdbc.queryForStream(connection -> {
			// Two ranges of the key, each read through it; one OR of both would have the
			// database scan every run.
			String select = "SELECT RUN_ID, " + JdbcLedger.COLUMNS + " FROM BULK_LEDGER WHERE ROW_KEY BETWEEN ? AND ?";
			var ps = connection.prepareStatement(
					select + " UNION ALL " + select + " AND PROVEN_RUN IS NOT NULL ORDER BY SOURCE_KEY, RUN_ID, SEQ");
			ps.setFetchSize(1000);
			ps.setLong(1, LedgerKey.first(runId));
			ps.setLong(2, LedgerKey.last(runId));
			ps.setLong(3, LedgerKey.first(earlierRunId));
			ps.setLong(4, LedgerKey.last(earlierRunId));
			return ps;
		}, (rs, n) -> new Row(rs.getLong("RUN_ID") == runId, JdbcLedger.mapPlanned(rs)))) {
			List<PlannedObject> planned = new ArrayList<>();
			List<PlannedObject> earlier = new ArrayList<>();
			for (Row row : (Iterable<Row>) rows::iterator) {
				if (!planned.isEmpty() || !earlier.isEmpty()) {
					String key = (!planned.isEmpty() ? planned : earlier).get(0).sourceKey();
					if (!key.equals(row.object().sourceKey())) {
						carried += pair(planned, earlier, batch);
						flushIfFull(runId, batch);
						planned.clear();
						earlier.clear();
					}
				}
				(row.planned() ? planned : earlier).add(row.object());
			}
			carried += pair(planned, earlier, batch);
		}
		flush(runId, batch);
		return carried;
	}

	/**
	 * A row of the stream: one the run plans, or one of the earlier run's with a proof.
	 */
	private record Row(boolean planned, PlannedObject object) {
	}

	private static int pair(List<PlannedObject> planned, List<PlannedObject> earlier,
			List<Map.Entry<Long, LedgerProof>> batch) {
		int paired = 0;
		for (PlannedObject object : planned) {
			LedgerProof proof = proofFor(object, earlier);
			if (proof != null) {
				batch.add(Map.entry(object.seq(), proof));
				paired++;
			}
		}
		return paired;
	}

	/**
	 * The earlier row's proof that speaks of the same object: same source and destination
	 * key, and the same source version when the row names one; else the key's current
	 * version there (the last, as versions are ordered oldest first). Whether the source
	 * and destination are still what it proved is for the skip check to find.
	 */
	static @Nullable LedgerProof proofFor(PlannedObject object, List<PlannedObject> earlier) {
		LedgerProof found = null;
		for (PlannedObject candidate : earlier) {
			if (candidate.proof() == null || !candidate.sourceBucket().equals(object.sourceBucket())
					|| !candidate.destinationKey().equals(object.destinationKey())) {
				continue;
			}
			if (object.versionId() != null) {
				if (object.versionId().equals(candidate.versionId())) {
					return candidate.proof();
				}
			}
			else if (!Objects.equals(candidate.latest(), Boolean.FALSE)) {
				found = candidate.proof();
			}
		}
		return found;
	}

	private void flushIfFull(long runId, List<Map.Entry<Long, LedgerProof>> batch) {
		if (batch.size() >= BATCH) {
			flush(runId, batch);
		}
	}

	private void flush(long runId, List<Map.Entry<Long, LedgerProof>> batch) {
		if (batch.isEmpty()) {
			return;
		}
		List<Map.Entry<Long, LedgerProof>> proofs = List.copyOf(batch);
		this.transactions.executeWithoutResult((status) -> this.ledger.carryProofs(runId, proofs));
		batch.clear();
	}

}
