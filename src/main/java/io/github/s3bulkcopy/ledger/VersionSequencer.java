package io.github.s3bulkcopy.ledger;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Puts a run's plan in the order every version of each key must be copied in: a key's
 * versions next to each other, oldest first, a delete marker only as a key's last version
 * (earlier delete markers are dropped: copying them would only add versions nobody can
 * read). The plan step numbers rows in manifest order, which for versions is no order at
 * all (S3 lists a key's versions newest first; a CSV may list them anyhow); this
 * renumbers them.
 * <p>
 * It works in two passes that commit as they go (its transaction template must start new
 * transactions), so a run killed half-way through resumes: the first moves every row
 * {@link #PARKED} positions up; the second reads the parked rows sorted by key and gives
 * each key's versions, sorted by date, the next positions from 1. Rows below
 * {@link #PARKED} are then ordered and rows above it are not yet, and the ordered rows
 * are always a prefix of the order, so a second call continues where the first stopped.
 * Done in the database, not in memory: a plan may hold many millions of rows.
 */
public class VersionSequencer {

	/**
	 * Where rows wait to be ordered: above any plan's last position, below
	 * {@link LedgerKey#MAX_SEQ}.
	 */
	static final long PARKED = 1L << 39;

	/** Rows moved per statement, each statement committed on its own. */
	static final int PARK_BATCH = 10_000;

	/**
	 * Rows renumbered per transaction (whole keys only, so a key's versions move
	 * together).
	 */
	static final int ORDER_BATCH = 1_000;

	private static final String RENUMBER = "UPDATE BULK_LEDGER SET ROW_KEY = ?, SEQ = ?, LAST_MODIFIED = ?, "
			+ "IS_LATEST = ?, DELETE_MARKER = ?, DESTINATION_VERSION_ID = ?, PROVEN_RUN = ?, PROVEN_SOURCE_ETAG = ?, "
			+ "PROVEN_SIZE = ?, PROVEN_DESTINATION_ETAG = ?, PROVEN_DESTINATION_VERSION_ID = ? WHERE ROW_KEY = ?";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final RunCounts totals;

	public VersionSequencer(JdbcTemplate jdbc, TransactionTemplate transactions) {
		Assert.notNull(jdbc, "jdbc is required");
		Assert.notNull(transactions, "transactions is required");
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.totals = new RunCounts(jdbc);
	}

	/**
	 * Orders a run's plan, or goes on ordering it after an interruption.
	 * @param dates where the dates of versions come from when the manifest stated none,
	 * for keys with more than one version
	 * @return the run's last position once ordered
	 */
	public long sequence(long runId, VersionFacts.Source dates) {
		return sequence(runId, dates, null);
	}

	/**
	 * As {@link #sequence(long, VersionFacts.Source)}, and gives each version the
	 * destination version that an earlier run recorded for the same source version, for
	 * skip checks and verify runs to compare with, and the verified copy it recorded
	 * ({@link LedgerProof}), for skip checks to rely on.
	 * @param earlierRunId the run whose rows say which destination version holds which
	 * source version, or null
	 */
	public long sequence(long runId, VersionFacts.Source dates, @Nullable Long earlierRunId) {
		Long lowest = firstSeq(runId, 0, PARKED - 1);
		boolean parking = firstSeq(runId, PARKED, LedgerKey.MAX_SEQ) == null;
		if (parking || (lowest != null && lowest != 1)) {
			// Not parked yet, or parking was cut short (its first batch, which holds
			// position 1, went through).
			park(runId, (lowest != null) ? lowest : 1);
		}
		return order(runId, dates, earlierRunId);
	}

	private @Nullable Long firstSeq(long runId, long from, long to) {
		List<Long> first = this.jdbc.queryForList(
				"SELECT SEQ FROM BULK_LEDGER WHERE ROW_KEY BETWEEN ? AND ? "
						+ "ORDER BY ROW_KEY FETCH FIRST 1 ROWS ONLY",
				Long.class, LedgerKey.of(runId, from), LedgerKey.of(runId, to));
		return first.isEmpty() ? null : first.get(0);
	}

	private void park(long runId, long from) {
		Long last = lastSeq(runId);
		long lastSeq = (last != null) ? last : 0;
		for (long start = from; start <= lastSeq; start += PARK_BATCH) {
			long end = Math.min(lastSeq, start + PARK_BATCH - 1);
			long startKey = LedgerKey.of(runId, start);
			long endKey = LedgerKey.of(runId, end);
			this.transactions.executeWithoutResult((status) -> this.jdbc.update(
					"UPDATE BULK_LEDGER SET ROW_KEY = ROW_KEY + ?, SEQ = SEQ + ? WHERE ROW_KEY BETWEEN ? AND ?", PARKED,
					PARKED, startKey, endKey));
		}
	}

	private long order(long runId, VersionFacts.Source dates, @Nullable Long earlierRunId) {
		Long ordered = lastSeq(runId);
		Renumbering renumbering = new Renumbering(runId, (ordered != null) ? ordered : 0);
		// The earlier run's rows come in the same stream, sorted with the parked ones:
		// rows of one key are next to each other whatever order the database's collation
		// gives keys, so no second sort has to agree with it. Two ranges of the key, each
		// read through it; one OR of both would have the database scan every run.
		String select = "SELECT RUN_ID, " + JdbcLedger.COLUMNS + " FROM BULK_LEDGER WHERE ROW_KEY BETWEEN ? AND ?";
		String earlier = (earlierRunId != null)
				? " UNION ALL " + select + " AND (DESTINATION_VERSION_ID IS NOT NULL OR PROVEN_RUN IS NOT NULL)" : "";
		try (Stream<Row> rows = this.jdbc.queryForStream(connection -> {
			var ps = connection.prepareStatement(select + earlier + " ORDER BY SOURCE_KEY, RUN_ID, SEQ");
			ps.setFetchSize(1000);
			ps.setLong(1, LedgerKey.of(runId, PARKED));
			ps.setLong(2, LedgerKey.last(runId));
			if (earlierRunId != null) {
				ps.setLong(3, LedgerKey.first(earlierRunId));
				ps.setLong(4, LedgerKey.last(earlierRunId));
			}
			return ps;
		}, (rs, n) -> new Row(rs.getLong("RUN_ID") == runId, JdbcLedger.mapPlanned(rs)))) {
			List<PlannedObject> key = new ArrayList<>();
			Map<@Nullable String, PlannedObject> copies = new HashMap<>();
			rows.forEach((row) -> {
				if (!key.isEmpty() && !key.get(0).sourceKey().equals(row.object().sourceKey())) {
					renumbering.add(key, inOrder(withCopies(key, copies), dates));
					key.clear();
					copies.clear();
				}
				if (row.parked()) {
					key.add(row.object());
				}
				else {
					copies.put(row.object().versionId(), row.object());
				}
			});
			if (!key.isEmpty()) {
				renumbering.add(key, inOrder(withCopies(key, copies), dates));
			}
		}
		renumbering.flush();
		return renumbering.last;
	}

	/**
	 * A row of the ordering stream: one of the run's parked rows, or an earlier run's.
	 */
	private record Row(boolean parked, PlannedObject object) {
	}

	/**
	 * The key's versions, each with the destination version and the proof an earlier run
	 * recorded for it.
	 */
	private static List<PlannedObject> withCopies(List<PlannedObject> key,
			Map<@Nullable String, PlannedObject> copies) {
		if (copies.isEmpty()) {
			return key;
		}
		List<PlannedObject> known = new ArrayList<>(key.size());
		for (PlannedObject version : key) {
			PlannedObject copy = copies.get(version.versionId());
			PlannedObject withCopy = version;
			if (copy != null && copy.destinationKey().equals(version.destinationKey())) {
				if (withCopy.destinationVersionId() == null && copy.destinationVersionId() != null) {
					withCopy = withCopy.withDestinationVersionId(copy.destinationVersionId());
				}
				if (withCopy.proof() == null && copy.proof() != null) {
					withCopy = withCopy.withProof(copy.proof());
				}
			}
			known.add(withCopy);
		}
		return known;
	}

	private @Nullable Long lastSeq(long runId) {
		List<Long> last = this.jdbc.queryForList(
				"SELECT SEQ FROM BULK_LEDGER WHERE ROW_KEY BETWEEN ? AND ? "
						+ "ORDER BY ROW_KEY DESC FETCH FIRST 1 ROWS ONLY",
				Long.class, LedgerKey.first(runId), LedgerKey.of(runId, PARKED - 1));
		return last.isEmpty() ? null : last.get(0);
	}

	/**
	 * The first key of which the run plans more than one version, with how many, or null
	 * when every key is planned once. Reads the run sorted by key, a cursor at a time.
	 */
	public Map.@Nullable Entry<String, Integer> keyWithVersions(long runId) {
		try (Stream<String> keys = this.jdbc.queryForStream(connection -> {
			var ps = connection.prepareStatement(
					"SELECT SOURCE_KEY FROM BULK_LEDGER WHERE " + JdbcLedger.OF_RUN + " ORDER BY SOURCE_KEY");
			ps.setFetchSize(1000);
			ps.setLong(1, LedgerKey.first(runId));
			ps.setLong(2, LedgerKey.last(runId));
			return ps;
		}, (rs, n) -> rs.getString(1))) {
			String previous = null;
			int count = 0;
			for (String key : (Iterable<String>) keys::iterator) {
				if (key.equals(previous)) {
					count++;
				}
				else if (count > 1) {
					return Map.entry(previous, count);
				}
				else {
					previous = key;
					count = 1;
				}
			}
			return (count > 1) ? Map.entry(previous, count) : null;
		}
	}

	/**
	 * One key's versions oldest first, delete markers that are not the key's last version
	 * left out.
	 */
	static List<PlannedObject> inOrder(List<PlannedObject> versions, VersionFacts.Source dates) {
		List<PlannedObject> dated = versions;
		if (versions.size() > 1 && versions.stream().anyMatch((v) -> v.lastModified() == null)) {
			PlannedObject first = versions.get(0);
			dated = withDates(versions, dates.versionsOf(first.sourceBucket(), first.sourceKey()));
		}
		List<PlannedObject> sorted = new ArrayList<>(dated);
		// Equal dates (S3 keeps milliseconds, some stores seconds): the current version
		// last, else the manifest's order.
		sorted.sort(Comparator.comparing(PlannedObject::lastModified, Comparator.nullsFirst(Comparator.naturalOrder()))
			.thenComparing((v) -> Boolean.TRUE.equals(v.latest()))
			.thenComparingLong(PlannedObject::seq));
		List<PlannedObject> kept = new ArrayList<>(sorted.size());
		for (int i = 0; i < sorted.size(); i++) {
			if (!sorted.get(i).deleteMarker() || i == sorted.size() - 1) {
				kept.add(sorted.get(i));
			}
		}
		return kept;
	}

	private static List<PlannedObject> withDates(List<PlannedObject> versions, Map<String, VersionFacts> facts) {
		List<PlannedObject> dated = new ArrayList<>(versions.size());
		for (PlannedObject version : versions) {
			VersionFacts fact = (version.versionId() != null) ? facts.get(version.versionId()) : null;
			if (fact == null || version.lastModified() != null) {
				// A version the source no longer has sorts first: its copy fails, and
				// nothing after it is held up.
				dated.add(version);
				continue;
			}
			dated.add(version.withVersionFacts(fact.lastModified(), fact.latest(), fact.deleteMarker()));
		}
		return dated;
	}

	/** New positions for ordered keys, written a batch of whole keys per transaction. */
	private final class Renumbering {

		private final long runId;

		private long last;

		private final List<PlannedObject[]> pending = new ArrayList<>();

		private final List<PlannedObject> dropped = new ArrayList<>();

		private int keysRows;

		Renumbering(long runId, long last) {
			this.runId = runId;
			this.last = last;
		}

		void add(List<PlannedObject> key, List<PlannedObject> kept) {
			for (PlannedObject version : kept) {
				this.last++;
				this.pending.add(new PlannedObject[] { version, version.withSeq(this.last) });
			}
			if (kept.size() < key.size()) {
				for (PlannedObject version : key) {
					if (!kept.contains(version)) {
						this.dropped.add(version);
					}
				}
			}
			this.keysRows += key.size();
			if (this.keysRows >= ORDER_BATCH) {
				flush();
			}
		}

		void flush() {
			if (this.pending.isEmpty() && this.dropped.isEmpty()) {
				return;
			}
			List<PlannedObject[]> moves = List.copyOf(this.pending);
			List<PlannedObject> drops = List.copyOf(this.dropped);
			VersionSequencer.this.transactions.executeWithoutResult((status) -> {
				RunCounts totals = VersionSequencer.this.totals;
				totals.ensure(this.runId);
				RunCounts.Change change = new RunCounts.Change();
				totals.states(this.runId, drops.stream().map(PlannedObject::seq).toList())
					.values()
					.forEach(change::remove);
				VersionSequencer.this.jdbc.batchUpdate("DELETE FROM BULK_LEDGER WHERE ROW_KEY = ?", drops, drops.size(),
						(ps, row) -> ps.setLong(1, LedgerKey.of(this.runId, row.seq())));
				totals.apply(this.runId, change);
				VersionSequencer.this.jdbc.batchUpdate(RENUMBER, moves, moves.size(), (ps, move) -> {
					PlannedObject to = move[1];
					ps.setLong(1, LedgerKey.of(this.runId, to.seq()));
					ps.setLong(2, to.seq());
					ps.setTimestamp(3, timestamp(to.lastModified()));
					if (to.latest() != null) {
						ps.setBoolean(4, to.latest());
					}
					else {
						ps.setNull(4, Types.BOOLEAN);
					}
					ps.setBoolean(5, to.deleteMarker());
					ps.setString(6, to.destinationVersionId());
					LedgerProof proof = to.proof();
					if (proof != null) {
						ps.setLong(7, proof.run());
						ps.setString(8, proof.sourceEtag());
						ps.setLong(9, proof.size());
						ps.setString(10, proof.destinationEtag());
						ps.setString(11, proof.destinationVersionId());
					}
					else {
						ps.setNull(7, Types.BIGINT);
						ps.setNull(8, Types.VARCHAR);
						ps.setNull(9, Types.BIGINT);
						ps.setNull(10, Types.VARCHAR);
						ps.setNull(11, Types.VARCHAR);
					}
					ps.setLong(12, LedgerKey.of(this.runId, move[0].seq()));
				});
			});
			this.pending.clear();
			this.dropped.clear();
			this.keysRows = 0;
		}

	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
