package io.github.s3bulkcopy.ledger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

import io.github.s3bulkcopy.verify.Verdict;
import io.github.s3bulkcopy.verify.Verification;
import io.github.s3bulkcopy.verify.VerificationMethod;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * The ledger in the job database: the plan writes one row per object, the copy step
 * records each outcome, reports read it back. Every write is a JDBC batch, one round trip
 * per chunk, and takes part in the caller's transaction, so a chunk's ledger rows commit
 * together with Spring Batch's record of that chunk.
 */
public class JdbcLedger {

	static final String COLUMNS = "SEQ, SOURCE_BUCKET, SOURCE_KEY, VERSION_ID, OBJECT_SIZE, ETAG, CHECKSUM_ALGORITHM, "
			+ "STORAGE_CLASS, ENCRYPTION_STATUS, DESTINATION_KEY, STATUS, ERROR_CODE, HTTP_STATUS, MESSAGE, "
			+ "VERIFY_METHOD, SOURCE_CHECKSUM, DESTINATION_CHECKSUM, VERDICT, VERDICT_REASON, STARTED_AT, FINISHED_AT, "
			+ "LAST_MODIFIED, IS_LATEST, DELETE_MARKER, DESTINATION_VERSION_ID, PROVEN_RUN, PROVEN_SOURCE_ETAG, "
			+ "PROVEN_SIZE, PROVEN_DESTINATION_ETAG, PROVEN_DESTINATION_VERSION_ID";

	/**
	 * Rows per INSERT statement of {@link #insertPlanned}: one statement of many rows
	 * costs H2 less than many.
	 */
	static final int ROWS_PER_INSERT = 100;

	private static final String INSERT_INTO = "INSERT INTO BULK_LEDGER (ROW_KEY, RUN_ID, SEQ, SOURCE_BUCKET, "
			+ "SOURCE_KEY, VERSION_ID, OBJECT_SIZE, ETAG, CHECKSUM_ALGORITHM, STORAGE_CLASS, ENCRYPTION_STATUS, "
			+ "DESTINATION_KEY, LAST_MODIFIED, IS_LATEST, DELETE_MARKER, DESTINATION_VERSION_ID, STATUS) VALUES ";

	private static final String PLANNED_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')";

	private static final int PLANNED_PARAMETERS = 16;

	private static final String INSERT = INSERT_INTO + PLANNED_ROW;

	private static final String INSERT_ROWS = INSERT_INTO
			+ String.join(", ", Collections.nCopies(ROWS_PER_INSERT, PLANNED_ROW));

	private static final String RECORD = "UPDATE BULK_LEDGER SET STATUS = ?, OBJECT_SIZE = COALESCE(?, OBJECT_SIZE), "
			+ "ERROR_CODE = ?, HTTP_STATUS = ?, MESSAGE = ?, VERIFY_METHOD = ?, SOURCE_CHECKSUM = ?, "
			+ "DESTINATION_CHECKSUM = ?, VERDICT = ?, VERDICT_REASON = ?, STARTED_AT = ?, FINISHED_AT = ?, "
			+ "DESTINATION_VERSION_ID = COALESCE(?, DESTINATION_VERSION_ID), NOT_CARRIED = ? WHERE ROW_KEY = ?";

	/**
	 * {@link #RECORD} that also records the object's proof ({@link #recordProofs}): one
	 * statement per verified copy, not two.
	 */
	private static final String RECORD_PROVEN = RECORD.replace(" WHERE ROW_KEY = ?",
			", PROVEN_RUN = ?, PROVEN_SOURCE_ETAG = ?, PROVEN_SIZE = ?, PROVEN_DESTINATION_ETAG = ?, "
					+ "PROVEN_DESTINATION_VERSION_ID = ? WHERE ROW_KEY = ?");

	/**
	 * What {@link #recordOutcomes(long, List, Long, List)} adds to {@link #RECORD} and
	 * {@link #RECORD_PROVEN}: the row is still as the chunk read it, pending, without a
	 * verdict, of the size read (the last parameter).
	 */
	private static final String AS_READ = " AND STATUS = 'PENDING' AND VERDICT IS NULL "
			+ "AND OBJECT_SIZE IS NOT DISTINCT FROM ?";

	/**
	 * The condition that selects a run's rows, by their keys ({@link LedgerKey}): give it
	 * {@link #runKeys(long, Object...)}. {@code RUN_ID = ?} would scan every run's rows.
	 */
	static final String OF_RUN = "ROW_KEY BETWEEN ? AND ?";

	/** Rows per DELETE statement of {@link #deleteRun(long)}. */
	static final int DELETE_BATCH = 1000;

	private final JdbcTemplate jdbc;

	private final RunCounts totals;

	private final TransactionTemplate transactions;

	private final KeySortedRows.Limits sort;

	/** Whether the database is PostgreSQL, once asked. */
	private volatile @Nullable Boolean postgres;

	public JdbcLedger(JdbcTemplate jdbc) {
		this(jdbc, KeySortedRows.Limits.defaults());
	}

	JdbcLedger(JdbcTemplate jdbc, KeySortedRows.Limits sort) {
		Assert.notNull(jdbc, "jdbc is required");
		Assert.notNull(sort, "sort is required");
		this.jdbc = jdbc;
		this.totals = new RunCounts(jdbc);
		this.transactions = RunCounts.transactions(jdbc);
		this.sort = sort;
	}

	/**
	 * Adds planned objects to a run in one JDBC batch: statements of
	 * {@value #ROWS_PER_INSERT} rows each (standard multi-row VALUES), then one
	 * single-row statement per row left over.
	 */
	public void insertPlanned(long runId, List<PlannedObject> objects) {
		this.transactions.executeWithoutResult((transaction) -> {
			this.totals.ensure(runId);
			insert(runId, objects);
			RunCounts.Change change = new RunCounts.Change();
			objects.forEach((o) -> change.add(RunCounts.State.pending(o.size())));
			this.totals.apply(runId, change);
		});
	}

	private void insert(long runId, List<PlannedObject> objects) {
		int full = objects.size() - objects.size() % ROWS_PER_INSERT;
		if (full > 0) {
			this.jdbc.execute(INSERT_ROWS, (PreparedStatementCallback<int[]>) (ps) -> {
				for (int i = 0; i < full; i += ROWS_PER_INSERT) {
					for (int row = 0; row < ROWS_PER_INSERT; row++) {
						setPlanned(ps, row * PLANNED_PARAMETERS, runId, objects.get(i + row));
					}
					ps.addBatch();
				}
				return ps.executeBatch();
			});
		}
		List<PlannedObject> rest = objects.subList(full, objects.size());
		if (!rest.isEmpty()) {
			this.jdbc.batchUpdate(INSERT, rest, rest.size(), (ps, o) -> setPlanned(ps, 0, runId, o));
		}
	}

	private static void setPlanned(PreparedStatement ps, int offset, long runId, PlannedObject o) throws SQLException {
		ps.setLong(offset + 1, LedgerKey.of(runId, o.seq()));
		ps.setLong(offset + 2, runId);
		ps.setLong(offset + 3, o.seq());
		ps.setString(offset + 4, o.sourceBucket());
		ps.setString(offset + 5, o.sourceKey());
		ps.setString(offset + 6, o.versionId());
		setLong(ps, offset + 7, o.size());
		ps.setString(offset + 8, o.etag());
		ps.setString(offset + 9, o.checksumAlgorithm());
		ps.setString(offset + 10, o.storageClass());
		ps.setString(offset + 11, o.encryptionStatus());
		ps.setString(offset + 12, o.destinationKey());
		ps.setTimestamp(offset + 13, (o.lastModified() != null) ? Timestamp.from(o.lastModified()) : null);
		if (o.latest() != null) {
			ps.setBoolean(offset + 14, o.latest());
		}
		else {
			ps.setNull(offset + 14, Types.BOOLEAN);
		}
		ps.setBoolean(offset + 15, o.deleteMarker());
		ps.setString(offset + 16, o.destinationVersionId());
	}

	/**
	 * The parameters of {@link #OF_RUN} for a run: its first and last possible row keys.
	 */
	static Object[] runKeys(long runId, Object... more) {
		Object[] parameters = new Object[2 + more.length];
		parameters[0] = LedgerKey.first(runId);
		parameters[1] = LedgerKey.last(runId);
		System.arraycopy(more, 0, parameters, 2, more.length);
		return parameters;
	}

	/** Records the outcomes of one chunk, all in one batch. */
	public void recordOutcomes(long runId, List<ObjectOutcome> outcomes) {
		recordOutcomes(runId, outcomes, null);
	}

	/**
	 * Records the outcomes of one chunk, all in one batch, and with {@code run} the
	 * proofs among them as {@link #recordProofs} does, in the same statement as each
	 * object's outcome.
	 * @param run the run's number, as the reports name it; null records no proofs
	 */
	public void recordOutcomes(long runId, List<ObjectOutcome> outcomes, @Nullable Long run) {
		this.transactions.executeWithoutResult((transaction) -> {
			this.totals.ensure(runId);
			Map<Long, RunCounts.State> before = this.totals.states(runId,
					outcomes.stream().map(ObjectOutcome::seq).toList());
			update(runId, outcomes, run, null);
			this.totals.apply(runId, change(outcomes, before));
		});
	}

	/**
	 * Records the outcomes of one chunk as {@link #recordOutcomes(long, List, Long)}
	 * does, given the rows they are of as the chunk read them (pending): each row's
	 * statement writes it only if it is still as read, and the run's totals change from
	 * those rows as read instead of from the rows read again; a row found otherwise is
	 * read, then written, as without them. The totals stay exact either way, and the copy
	 * step spares a query per 100 rows.
	 * @param run the run's number, as the reports name it; null records no proofs
	 * @param asRead the rows the outcomes are of, as read while pending
	 */
	public void recordOutcomes(long runId, List<ObjectOutcome> outcomes, @Nullable Long run,
			List<? extends PlannedObject> asRead) {
		Map<Long, PlannedObject> read = new HashMap<>();
		asRead.forEach((row) -> read.put(row.seq(), row));
		this.transactions.executeWithoutResult((transaction) -> {
			this.totals.ensure(runId);
			List<ObjectOutcome> expected = new ArrayList<>(outcomes.size());
			List<ObjectOutcome> otherwise = new ArrayList<>();
			for (ObjectOutcome o : outcomes) {
				(read.containsKey(o.seq()) ? expected : otherwise).add(o);
			}
			Set<Long> written = update(runId, expected, run, read);
			Map<Long, RunCounts.State> before = new HashMap<>();
			for (ObjectOutcome o : expected) {
				if (written.contains(o.seq())) {
					before.put(o.seq(), RunCounts.State.pending(read.get(o.seq()).size()));
				}
				else {
					otherwise.add(o);
				}
			}
			if (!otherwise.isEmpty()) {
				before.putAll(this.totals.states(runId, otherwise.stream().map(ObjectOutcome::seq).toList()));
				update(runId, otherwise, run, null);
			}
			this.totals.apply(runId, change(outcomes, before));
		});
	}

	/**
	 * What outcomes change of the totals, from the rows as they were before (rows not
	 * there change nothing).
	 */
	private static RunCounts.Change change(List<ObjectOutcome> outcomes, Map<Long, RunCounts.State> before) {
		RunCounts.Change change = new RunCounts.Change();
		for (ObjectOutcome o : outcomes) {
			RunCounts.State was = before.remove(o.seq());
			if (was == null) {
				continue;
			}
			long size = (o.size() != null) ? o.size() : was.size();
			change.remove(was).add(RunCounts.State.of(o.status(), o.verification().verdict(), size));
			if (o.status().isDone()) {
				change.finished(o.finishedAt(), (o.status() == ObjectStatus.COPIED) ? size : 0);
			}
		}
		return change;
	}

	/**
	 * Writes the outcomes; with {@code read}, only into rows still as read
	 * ({@link #AS_READ}).
	 * @return with {@code read}, the positions of the rows written; else empty
	 */
	private Set<Long> update(long runId, List<ObjectOutcome> outcomes, @Nullable Long run,
			@Nullable Map<Long, PlannedObject> read) {
		List<ObjectOutcome> plain = outcomes;
		List<Map.Entry<ObjectOutcome, LedgerProof>> proven = List.of();
		if (run != null) {
			plain = new ArrayList<>();
			proven = new ArrayList<>(outcomes.size());
			for (ObjectOutcome outcome : outcomes) {
				LedgerProof proof = LedgerProof.of(run, outcome);
				if (proof != null) {
					proven.add(Map.entry(outcome, proof));
				}
				else {
					plain.add(outcome);
				}
			}
		}
		Set<Long> written = new HashSet<>();
		if (!plain.isEmpty()) {
			int[][] counts = this.jdbc.batchUpdate((read != null) ? RECORD + AS_READ : RECORD, plain, plain.size(),
					(ps, o) -> {
						setOutcome(ps, o);
						ps.setLong(15, LedgerKey.of(runId, o.seq()));
						if (read != null) {
							setLong(ps, 16, read.get(o.seq()).size());
						}
					});
			if (read != null) {
				collectWritten(plain, ObjectOutcome::seq, counts, written);
			}
		}
		if (!proven.isEmpty()) {
			int[][] counts = this.jdbc.batchUpdate((read != null) ? RECORD_PROVEN + AS_READ : RECORD_PROVEN, proven,
					proven.size(), (ps, entry) -> {
						setOutcome(ps, entry.getKey());
						setProof(ps, 15, entry.getValue());
						ps.setLong(20, LedgerKey.of(runId, entry.getKey().seq()));
						if (read != null) {
							setLong(ps, 21, read.get(entry.getKey().seq()).size());
						}
					});
			if (read != null) {
				collectWritten(proven, (entry) -> entry.getKey().seq(), counts, written);
			}
		}
		return written;
	}

	/**
	 * Adds the positions of the items whose statement wrote a row. A database that does
	 * not say how many rows each statement of a batch wrote cannot be told from one that
	 * wrote none, and the totals would go wrong: refused.
	 */
	private static <T> void collectWritten(List<T> items, ToLongFunction<T> seq, int[][] counts, Set<Long> written) {
		int i = 0;
		for (int[] batch : counts) {
			for (int count : batch) {
				if (count == 1) {
					written.add(seq.applyAsLong(items.get(i)));
				}
				else if (count != 0) {
					throw new IllegalStateException("the job database reported " + count
							+ " rows written by an update of one ledger row; it must report the count");
				}
				i++;
			}
		}
	}

	/**
	 * A proof's five columns, in the order {@code PROVEN_RUN, PROVEN_SOURCE_ETAG,
	 * PROVEN_SIZE, PROVEN_DESTINATION_ETAG, PROVEN_DESTINATION_VERSION_ID}, from
	 * parameter {@code first} on.
	 */
	private static void setProof(PreparedStatement ps, int first, LedgerProof proof) throws SQLException {
		ps.setLong(first, proof.run());
		ps.setString(first + 1, proof.sourceEtag());
		ps.setLong(first + 2, proof.size());
		ps.setString(first + 3, proof.destinationEtag());
		ps.setString(first + 4, proof.destinationVersionId());
	}

	/** The first 14 parameters of {@link #RECORD}: what an outcome says. */
	private static void setOutcome(PreparedStatement ps, ObjectOutcome o) throws SQLException {
		Verification v = o.verification();
		ps.setString(1, o.status().name());
		setLong(ps, 2, o.size());
		ps.setString(3, o.errorCode());
		if (o.httpStatus() != null) {
			ps.setInt(4, o.httpStatus());
		}
		else {
			ps.setNull(4, Types.INTEGER);
		}
		ps.setString(5, truncate(o.message(), 4000));
		ps.setString(6, v.method().name());
		ps.setString(7, v.sourceValue());
		ps.setString(8, v.destinationValue());
		ps.setString(9, v.verdict().name());
		ps.setString(10, truncate(v.reason(), 1000));
		ps.setTimestamp(11, Timestamp.from(o.startedAt()));
		ps.setTimestamp(12, Timestamp.from(o.finishedAt()));
		ps.setString(13, o.destinationVersionId());
		if (o.notCarried() != 0) {
			ps.setInt(14, o.notCarried());
		}
		else {
			ps.setNull(14, Types.INTEGER);
		}
	}

	/**
	 * Records the verified copies among a chunk's outcomes ({@link LedgerProof#of}) as
	 * the objects' latest proof, for later runs of the job to rely on; an outcome that
	 * proves nothing new leaves the proof the row had. The copy step records them with
	 * the outcomes instead ({@link #recordOutcomes(long, List, Long)}); this, the proofs
	 * alone, is what the tests compare that with.
	 * @param run the run's number, as the reports name it
	 */
	void recordProofs(long runId, long run, List<ObjectOutcome> outcomes) {
		List<Map.Entry<Long, LedgerProof>> proofs = new ArrayList<>();
		for (ObjectOutcome outcome : outcomes) {
			LedgerProof proof = LedgerProof.of(run, outcome);
			if (proof != null) {
				proofs.add(Map.entry(outcome.seq(), proof));
			}
		}
		setProofs(runId, proofs, "");
	}

	/**
	 * Gives a run's pending rows the proofs an earlier run recorded for the same objects
	 * ({@link ProofCarrier}). Rows already dealt with keep their own.
	 */
	void carryProofs(long runId, List<Map.Entry<Long, LedgerProof>> proofs) {
		setProofs(runId, proofs, " AND STATUS = 'PENDING'");
	}

	private void setProofs(long runId, List<Map.Entry<Long, LedgerProof>> proofs, String condition) {
		this.jdbc.batchUpdate("UPDATE BULK_LEDGER SET PROVEN_RUN = ?, PROVEN_SOURCE_ETAG = ?, PROVEN_SIZE = ?, "
				+ "PROVEN_DESTINATION_ETAG = ?, PROVEN_DESTINATION_VERSION_ID = ? WHERE ROW_KEY = ?" + condition,
				proofs, proofs.size(), (ps, entry) -> {
					setProof(ps, 1, entry.getValue());
					ps.setLong(6, LedgerKey.of(runId, entry.getKey()));
				});
	}

	/**
	 * Notes that copying these pending objects begins, when their copies must not be
	 * repeated unnoticed (each makes a version at a versioned destination): a resume then
	 * looks for copies that landed before the run was cut short. Commit it before the
	 * copies start, apart from the chunk's transaction, which an interruption rolls back.
	 */
	public void markAttempted(long runId, List<? extends PlannedObject> objects, Instant at) {
		this.jdbc.batchUpdate("UPDATE BULK_LEDGER SET STARTED_AT = ? WHERE ROW_KEY = ? AND STATUS = 'PENDING'", objects,
				objects.size(), (ps, o) -> {
					ps.setTimestamp(1, Timestamp.from(at));
					ps.setLong(2, LedgerKey.of(runId, o.seq()));
				});
	}

	/**
	 * The destination version recorded for the row just before {@code seq} when it is of
	 * the same source key (the previous version, with every version copied), or null.
	 */
	public @Nullable String destinationVersionBefore(long runId, long seq, String sourceKey) {
		if (seq <= 1) {
			return null;
		}
		List<String> before = this.jdbc.queryForList(
				"SELECT DESTINATION_VERSION_ID FROM BULK_LEDGER WHERE ROW_KEY = ? " + "AND SOURCE_KEY = ?",
				String.class, LedgerKey.of(runId, seq - 1), sourceKey);
		return before.isEmpty() ? null : before.get(0);
	}

	/** The highest planned sequence number of a run; 0 when nothing is planned. */
	public long maxSeq(long runId) {
		// In key order, so the database reads one index entry (H2 scans the whole run for
		// MAX(SEQ)).
		List<Long> max = this.jdbc.queryForList(
				"SELECT SEQ FROM BULK_LEDGER WHERE " + OF_RUN + " ORDER BY ROW_KEY DESC FETCH FIRST 1 ROWS ONLY",
				Long.class, runKeys(runId));
		return max.isEmpty() ? 0 : max.get(0);
	}

	/**
	 * The last position of the key at {@code seq}: where its rows end, when the plan
	 * keeps each key's rows next to each other.
	 */
	public long lastOfKey(long runId, long seq) {
		List<String> key = this.jdbc.queryForList("SELECT SOURCE_KEY FROM BULK_LEDGER WHERE ROW_KEY = ?", String.class,
				LedgerKey.of(runId, seq));
		if (key.isEmpty()) {
			return seq;
		}
		// In key order from seq, so the database stops at the first row of another key.
		List<Long> next = this.jdbc.queryForList(
				"SELECT SEQ FROM BULK_LEDGER WHERE ROW_KEY > ? AND ROW_KEY <= ? "
						+ "AND SOURCE_KEY <> ? ORDER BY ROW_KEY FETCH FIRST 1 ROWS ONLY",
				Long.class, LedgerKey.of(runId, seq), LedgerKey.last(runId), key.get(0));
		return next.isEmpty() ? maxSeq(runId) : next.get(0) - 1;
	}

	/**
	 * Object counts and bytes of a run by status, straight from the ledger, in one pass
	 * over its rows.
	 */
	public LedgerCounts counts(long runId) {
		Map<ObjectStatus, long[]> byStatus = new EnumMap<>(ObjectStatus.class);
		Map<Verdict, Long> byVerdict = new EnumMap<>(Verdict.class);
		this.jdbc.query("SELECT STATUS, VERDICT, COUNT(*), COALESCE(SUM(OBJECT_SIZE), 0) FROM BULK_LEDGER " + "WHERE "
				+ OF_RUN + " GROUP BY STATUS, VERDICT", rs -> {
					long[] status = byStatus.computeIfAbsent(ObjectStatus.valueOf(rs.getString(1)), s -> new long[2]);
					status[0] += rs.getLong(3);
					status[1] += rs.getLong(4);
					String verdict = rs.getString(2);
					if (verdict != null) {
						byVerdict.merge(Verdict.valueOf(verdict), rs.getLong(3), Long::sum);
					}
				}, runKeys(runId));
		return LedgerCounts.of(byStatus, byVerdict);
	}

	/**
	 * A run's totals as the ledger keeps them next to its rows ({@link RunCounts}): the
	 * same as {@link #counts(long)}, without reading the rows, so it takes as long at ten
	 * million objects as at ten; counted from the rows for a run that has no such totals
	 * (written by an earlier version of the tool).
	 */
	public LedgerCounts totals(long runId) {
		LedgerCounts counts = this.totals.counts(runId);
		return (counts != null) ? counts : counts(runId);
	}

	/**
	 * The planned objects of a run by the source storage class the manifest stated, in
	 * class order.
	 */
	public List<StorageClassCount> storageClassCounts(long runId) {
		return this.jdbc.query(
				"SELECT STORAGE_CLASS, COUNT(*), COALESCE(SUM(OBJECT_SIZE), 0) FROM BULK_LEDGER WHERE " + OF_RUN
						+ " GROUP BY STORAGE_CLASS ORDER BY STORAGE_CLASS",
				(rs, n) -> new StorageClassCount(rs.getString(1), rs.getLong(2), rs.getLong(3)), runKeys(runId));
	}

	/**
	 * Up to {@code limit} planned objects of a run in plan order, for previews such as a
	 * dry run.
	 */
	public List<PlannedObject> first(long runId, int limit) {
		// ORDER BY the key: H2 then reads the first rows of the index instead of sorting
		// the run.
		return this.jdbc.query("SELECT " + COLUMNS + " FROM BULK_LEDGER WHERE " + OF_RUN + " ORDER BY ROW_KEY "
				+ "FETCH FIRST " + limit + " ROWS ONLY", (rs, n) -> mapPlanned(rs), runKeys(runId));
	}

	/**
	 * Every row of a run sorted by source key (then version), as
	 * {@code ORDER BY SOURCE_KEY, VERSION_ID, SEQ} sorts them, in constant memory. On H2
	 * the rows are read in plan order and sorted here ({@link KeySortedRows}), a run
	 * larger than memory through temporary files in {@code java.io.tmpdir}: H2's own sort
	 * of a run costs more per row the larger the run. PostgreSQL sorts them itself, in
	 * less time than this sort takes (docs/performance.md). The stream holds a database
	 * cursor or those files: close it.
	 */
	public Stream<LedgerRow> streamByKey(long runId) {
		return streamByKey(runId, false);
	}

	/**
	 * Every row of a run sorted by source key (then version), as
	 * {@link #streamByKey(long)}; when the caller knows the plan's order to be that order
	 * already (a listing's plan), the rows are read as they are, on H2 without sorting
	 * them: one pass, nothing held in memory or written to temporary files. PostgreSQL
	 * sorts by its collation, which may differ, and sorts as before.
	 * @param planInKeyOrder whether the plan step saw every row come after the one before
	 * it in {@link #streamByKey(long)}'s order
	 */
	public Stream<LedgerRow> streamByKey(long runId, boolean planInKeyOrder) {
		if (postgresql()) {
			return stream(runId, "SOURCE_KEY, VERSION_ID, SEQ");
		}
		if (planInKeyOrder) {
			return streamInPlanOrder(runId);
		}
		return KeySortedRows.sort(streamInPlanOrder(runId), this.sort);
	}

	private boolean postgresql() {
		Boolean postgres = this.postgres;
		if (postgres == null) {
			postgres = JobDatabase.isPostgresql(this.jdbc);
			this.postgres = postgres;
		}
		return postgres;
	}

	/**
	 * Every row of a run in plan order, read lazily: for a pass over the rows whose order
	 * does not matter (a sum). The rows come in the order of the table's key, so the
	 * database reads them without sorting the run first: on a run of 200,000 rows, a
	 * twelfth of the CPU of the database's {@code ORDER BY SOURCE_KEY}. The stream holds
	 * a database cursor: close it.
	 */
	public Stream<LedgerRow> streamInPlanOrder(long runId) {
		return stream(runId, "ROW_KEY");
	}

	private Stream<LedgerRow> stream(long runId, String orderBy) {
		return this.jdbc.queryForStream(connection -> {
			JobDatabase.readByFetchSize(connection);
			var ps = connection.prepareStatement(
					"SELECT " + COLUMNS + ", NOT_CARRIED FROM BULK_LEDGER WHERE " + OF_RUN + " ORDER BY " + orderBy);
			ps.setFetchSize(1000);
			ps.setLong(1, LedgerKey.first(runId));
			ps.setLong(2, LedgerKey.last(runId));
			return ps;
		}, (rs, n) -> mapRow(rs));
	}

	/**
	 * Gives a run's failed objects another try: on resume they are pending again, so the
	 * copy step copies them along with those it had not reached.
	 * @return how many objects were reset
	 */
	public int resetFailed(long runId) {
		Integer reset = this.transactions.execute((transaction) -> {
			this.totals.ensure(runId);
			RunCounts.Change change = new RunCounts.Change();
			this.jdbc.query("SELECT VERDICT, COUNT(*), COALESCE(SUM(OBJECT_SIZE), 0) FROM BULK_LEDGER WHERE " + OF_RUN
					+ " AND STATUS = 'FAILED' GROUP BY VERDICT", (rs) -> {
						String verdict = rs.getString(1);
						change.add(ObjectStatus.FAILED.name(), (verdict != null) ? verdict : "", -rs.getLong(2),
								-rs.getLong(3));
						change.add(ObjectStatus.PENDING.name(), "", rs.getLong(2), rs.getLong(3));
					}, runKeys(runId));
			int rows = resetFailedRows(runId);
			this.totals.apply(runId, change);
			return rows;
		});
		return (reset != null) ? reset : 0;
	}

	private int resetFailedRows(long runId) {
		return this.jdbc.update("UPDATE BULK_LEDGER SET STATUS = 'PENDING', ERROR_CODE = NULL, HTTP_STATUS = NULL, "
				+ "MESSAGE = NULL, VERIFY_METHOD = NULL, SOURCE_CHECKSUM = NULL, DESTINATION_CHECKSUM = NULL, "
				+ "VERDICT = NULL, VERDICT_REASON = NULL, STARTED_AT = NULL, FINISHED_AT = NULL, NOT_CARRIED = NULL "
				+ "WHERE " + OF_RUN + " AND STATUS = 'FAILED'", runKeys(runId));
	}

	/**
	 * Whether a destination key belongs to an object of the run that is still to be
	 * copied.
	 */
	public boolean isPendingDestination(long runId, String destinationKey) {
		Integer count = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM BULK_LEDGER WHERE " + OF_RUN + " AND DESTINATION_KEY = ? AND STATUS = 'PENDING'",
				Integer.class, runKeys(runId, destinationKey));
		return count != null && count > 0;
	}

	/**
	 * Whether a destination key is still pending among one partition's rows ({@code SEQ}
	 * {@code minSeq..maxSeq} of a run).
	 */
	public boolean isPendingDestination(long runId, long minSeq, long maxSeq, String destinationKey) {
		Integer count = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM BULK_LEDGER WHERE ROW_KEY BETWEEN ? AND ? "
						+ "AND DESTINATION_KEY = ? AND STATUS = 'PENDING'",
				Integer.class, LedgerKey.of(runId, minSeq), LedgerKey.of(runId, maxSeq), destinationKey);
		return count != null && count > 0;
	}

	/**
	 * How many of a run's objects have each status, error code and verdict: what a verify
	 * run's findings are counted from.
	 */
	public List<OutcomeCount> outcomeCounts(long runId) {
		return this.jdbc.query(
				"SELECT STATUS, ERROR_CODE, VERDICT, COUNT(*) FROM BULK_LEDGER WHERE " + OF_RUN
						+ " GROUP BY STATUS, ERROR_CODE, VERDICT",
				(rs, n) -> new OutcomeCount(ObjectStatus.valueOf(rs.getString(1)), rs.getString(2),
						(rs.getString(3) != null) ? Verdict.valueOf(rs.getString(3)) : null, rs.getLong(4)),
				runKeys(runId));
	}

	/**
	 * The objects of a run dealt with since a moment, and the bytes copied among them:
	 * the recent throughput {@code status} shows. Read from the run's throughput buckets
	 * ({@link RunCounts}), which count from the start of the bucket that holds
	 * {@code since} ({@value RunCounts#BUCKET_SECONDS} s); from the rows for a run
	 * without them.
	 */
	public RecentWork finishedSince(long runId, Instant since) {
		RecentWork recent = this.totals.finishedSince(runId, since);
		if (recent != null) {
			return recent;
		}
		return this.jdbc.queryForObject(
				"SELECT COUNT(*), COALESCE(SUM(CASE WHEN STATUS = 'COPIED' THEN OBJECT_SIZE ELSE 0 END), 0) "
						+ "FROM BULK_LEDGER WHERE " + OF_RUN + " AND STATUS <> 'PENDING' AND FINISHED_AT >= ?",
				(rs, n) -> new RecentWork(rs.getLong(1), rs.getLong(2)), runKeys(runId, Timestamp.from(since)));
	}

	/**
	 * Removes a run's rows: used when a plan is started over from scratch and after a dry
	 * run. Deletes {@value #DELETE_BATCH} rows per statement, each committed on its own
	 * when no transaction is active: one statement for a million rows keeps every deleted
	 * row in H2's undo log until the end and took three times as long.
	 */
	public void deleteRun(long runId) {
		// The totals first: rows left by a deletion cut short are counted again from the
		// rows (RunCounts.ensure).
		this.totals.delete(runId);
		// A plan's positions are dense: from the run's first row, every DELETE_BATCH
		// positions are one full batch, found without reading the keys first (reading
		// them cost half as much again as deleting).
		List<Long> first = this.jdbc.queryForList(
				"SELECT ROW_KEY FROM BULK_LEDGER WHERE " + OF_RUN + " ORDER BY ROW_KEY FETCH FIRST 1 ROWS ONLY",
				Long.class, runKeys(runId));
		if (!first.isEmpty()) {
			long from = first.get(0);
			long last = LedgerKey.last(runId);
			int deleted = DELETE_BATCH;
			while (deleted == DELETE_BATCH && from <= last) {
				long to = Math.min(from + DELETE_BATCH - 1, last);
				deleted = this.jdbc.update("DELETE FROM BULK_LEDGER WHERE ROW_KEY BETWEEN ? AND ?", from, to);
				from = to + 1;
			}
		}
		// Rows past a gap in the positions: batches end at the DELETE_BATCH-th key still
		// there, as a run may hold rows at any position (VersionSequencer parks rows far
		// above the plan while it orders them).
		while (true) {
			List<Long> end = this.jdbc.queryForList("SELECT ROW_KEY FROM BULK_LEDGER WHERE " + OF_RUN
					+ " ORDER BY ROW_KEY OFFSET " + (DELETE_BATCH - 1) + " ROWS FETCH NEXT 1 ROWS ONLY", Long.class,
					runKeys(runId));
			if (end.isEmpty()) {
				break;
			}
			this.jdbc.update("DELETE FROM BULK_LEDGER WHERE ROW_KEY BETWEEN ? AND ?", LedgerKey.first(runId),
					end.get(0));
		}
		this.jdbc.update("DELETE FROM BULK_LEDGER WHERE " + OF_RUN, runKeys(runId));
	}

	/** Maps the planned part of a row selected with {@link #COLUMNS}. */
	static final RowMapper<PlannedObject> PLANNED_MAPPER = (rs, n) -> mapPlanned(rs);

	static PlannedObject mapPlanned(ResultSet rs) throws SQLException {
		return new PlannedObject(rs.getLong("SEQ"), rs.getString("SOURCE_BUCKET"), rs.getString("SOURCE_KEY"),
				rs.getString("VERSION_ID"), getLong(rs, "OBJECT_SIZE"), rs.getString("ETAG"),
				rs.getString("CHECKSUM_ALGORITHM"), rs.getString("STORAGE_CLASS"), rs.getString("ENCRYPTION_STATUS"),
				rs.getString("DESTINATION_KEY"), optionalInstant(rs.getTimestamp("LAST_MODIFIED")),
				getBoolean(rs, "IS_LATEST"), rs.getBoolean("DELETE_MARKER"), rs.getString("DESTINATION_VERSION_ID"),
				"PENDING".equals(rs.getString("STATUS")) ? optionalInstant(rs.getTimestamp("STARTED_AT")) : null,
				proof(rs));
	}

	private static @Nullable LedgerProof proof(ResultSet rs) throws SQLException {
		Long run = getLong(rs, "PROVEN_RUN");
		Long size = getLong(rs, "PROVEN_SIZE");
		String source = rs.getString("PROVEN_SOURCE_ETAG");
		String destination = rs.getString("PROVEN_DESTINATION_ETAG");
		if (run == null || size == null || source == null || destination == null) {
			return null;
		}
		return new LedgerProof(run, source, size, destination, rs.getString("PROVEN_DESTINATION_VERSION_ID"));
	}

	private static @Nullable Instant optionalInstant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static @Nullable Boolean getBoolean(ResultSet rs, String column) throws SQLException {
		boolean value = rs.getBoolean(column);
		return rs.wasNull() ? null : value;
	}

	static LedgerRow mapRow(ResultSet rs) throws SQLException {
		PlannedObject planned = mapPlanned(rs);
		ObjectStatus status = ObjectStatus.valueOf(rs.getString("STATUS"));
		if (status == ObjectStatus.PENDING) {
			return new LedgerRow(planned, status, null);
		}
		String method = rs.getString("VERIFY_METHOD");
		String verdict = rs.getString("VERDICT");
		Verification verification = new Verification(
				(method != null) ? VerificationMethod.valueOf(method) : VerificationMethod.NONE,
				rs.getString("SOURCE_CHECKSUM"), rs.getString("DESTINATION_CHECKSUM"),
				(verdict != null) ? Verdict.valueOf(verdict) : Verdict.NOT_VERIFIED, rs.getString("VERDICT_REASON"));
		Integer http = rs.getInt("HTTP_STATUS");
		if (rs.wasNull()) {
			http = null;
		}
		ObjectOutcome outcome = new ObjectOutcome(planned.seq(), status, planned.size(), rs.getString("ERROR_CODE"),
				http, rs.getString("MESSAGE"), verification, instant(rs.getTimestamp("STARTED_AT")),
				instant(rs.getTimestamp("FINISHED_AT")), planned.destinationVersionId(), rs.getInt("NOT_CARRIED"));
		return new LedgerRow(planned, status, outcome);
	}

	private static Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : Instant.EPOCH;
	}

	private static @Nullable Long getLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static void setLong(PreparedStatement ps, int index, @Nullable Long value) throws SQLException {
		if (value != null) {
			ps.setLong(index, value);
		}
		else {
			ps.setNull(index, Types.BIGINT);
		}
	}

	private static @Nullable String truncate(@Nullable String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

	/**
	 * For a run copied by the workers of a distributed run, the items (keys) each worker
	 * wrote to the ledger, summed over the run's executions; empty for a run copied in
	 * one process.
	 */
	public Map<String, Long> workerShares(long runId) {
		Map<String, Long> shares = new java.util.TreeMap<>();
		this.jdbc.query("SELECT s.WORKER_ID, SUM(s.OBJECTS) FROM BULK_WORKER_SHARE s JOIN BATCH_STEP_EXECUTION e ON "
				+ "e.STEP_EXECUTION_ID = s.STEP_EXECUTION_ID JOIN BATCH_JOB_EXECUTION j ON j.JOB_EXECUTION_ID = "
				+ "e.JOB_EXECUTION_ID WHERE j.JOB_INSTANCE_ID = ? GROUP BY s.WORKER_ID", (rs) -> {
					shares.put(rs.getString(1), rs.getLong(2));
				}, runId);
		return shares;
	}

}
