package io.github.s3bulkcopy.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.github.s3bulkcopy.verify.Verdict;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * A run's totals kept next to its ledger rows, so that {@code status} reads a few rows
 * however many objects the run has: BULK_RUN_COUNTS holds objects and bytes by status and
 * verdict, BULK_RUN_PACE the objects finished (and bytes copied) per
 * {@value #BUCKET_SECONDS} seconds.
 * <p>
 * Why they stay exact: every statement that changes a row's status, verdict or size, or
 * adds or removes rows, applies its change here in the same transaction, computed from
 * the rows themselves as read just before the change (without FOR UPDATE: a partition's
 * rows have one writer, a stale distributed worker's chunk rolls back with its counts on
 * Spring Batch's version check, and on H2 the row locks cost the copy step a third of its
 * speed), or, for the copy step's outcomes, from the rows as its chunk read them, which
 * the update itself checks they still are ({@code JdbcLedger.recordOutcomes} with the
 * rows as read), so a chunk's counts commit or roll back with its rows (kill -9 and
 * resume lose or repeat nothing, and {@code restart}'s reset of failed rows moves exactly
 * the rows it reset). Each writer adds to its own SLOT, the Spring Batch step execution
 * that writes (0 outside a step): the partitions of a run, in one process or several
 * workers, never wait for each other's counts nor race to insert the same row, since a
 * step execution runs in one thread at a time; the totals are the sums over the slots. A
 * run whose rows were written without counts (by an earlier version of the tool) has
 * none: it is counted from its rows, and counted once into a slot before anything changes
 * its rows here.
 */
final class RunCounts {

	/** The width of the throughput buckets. */
	static final long BUCKET_SECONDS = 5;

	/** The verdict column's value for rows without a verdict (pending ones). */
	private static final String NO_VERDICT = "";

	/** Row keys per FOR UPDATE read of {@link #states}: one statement text. */
	private static final int KEYS_PER_READ = 100;

	private static final String STATES = "SELECT ROW_KEY, STATUS, VERDICT, OBJECT_SIZE FROM BULK_LEDGER WHERE ROW_KEY IN ("
			+ String.join(", ", Collections.nCopies(KEYS_PER_READ, "?")) + ")";

	private final JdbcTemplate jdbc;

	/** Runs known to have counts, so that a write checks only once per process. */
	private final Set<Long> counted = ConcurrentHashMap.newKeySet();

	RunCounts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What a row counts as: its status, verdict ({@value #NO_VERDICT} for none) and size
	 * (0 when unknown).
	 */
	record State(String status, String verdict, long size) {

		static State pending(@Nullable Long size) {
			return new State(ObjectStatus.PENDING.name(), NO_VERDICT, (size != null) ? size : 0);
		}

		static State of(ObjectStatus status, @Nullable Verdict verdict, long size) {
			return new State(status.name(), (verdict != null) ? verdict.name() : NO_VERDICT, size);
		}

		State withSize(long size) {
			return new State(this.status, this.verdict, size);
		}

	}

	/**
	 * What one transaction changes of a run's totals: add rows as they were before the
	 * change with {@link #remove} and as they are after it with {@link #add}.
	 */
	static final class Change {

		private final Map<State, long[]> counts = new HashMap<>();

		private final Map<Long, long[]> pace = new TreeMap<>();

		Change add(State state) {
			return add(state, 1);
		}

		Change remove(State state) {
			return add(state, -1);
		}

		Change add(State state, long objects) {
			long[] total = this.counts.computeIfAbsent(new State(state.status(), state.verdict(), 0),
					(s) -> new long[2]);
			total[0] += objects;
			total[1] += objects * state.size();
			return this;
		}

		/** Adds objects of a status and verdict of so many bytes in all. */
		Change add(String status, String verdict, long objects, long bytes) {
			long[] total = this.counts.computeIfAbsent(new State(status, verdict, 0), (s) -> new long[2]);
			total[0] += objects;
			total[1] += bytes;
			return this;
		}

		/** Notes an object finished at a time, with the bytes it copied. */
		Change finished(Instant at, long copiedBytes) {
			long[] bucket = this.pace.computeIfAbsent(bucket(at), (b) -> new long[2]);
			bucket[0]++;
			bucket[1] += copiedBytes;
			return this;
		}

	}

	static long bucket(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), BUCKET_SECONDS) * BUCKET_SECONDS;
	}

	/**
	 * Before changing a run's rows, in the transaction of the change: gives a run that
	 * has rows but no counts (written by an earlier version) its counts, from the rows.
	 */
	void ensure(long runId) {
		if (this.counted.contains(runId)) {
			return;
		}
		Integer counts = this.jdbc.queryForObject("SELECT COUNT(*) FROM BULK_RUN_COUNTS WHERE RUN_ID = ?",
				Integer.class, runId);
		if (counts != null && counts > 0) {
			this.counted.add(runId);
		}
		else {
			// Not remembered: the transaction may still roll the counts back.
			this.jdbc.update("INSERT INTO BULK_RUN_COUNTS (RUN_ID, SLOT, STATUS, VERDICT, OBJECTS, BYTES) SELECT "
					+ "RUN_ID, 0, STATUS, COALESCE(VERDICT, ''), COUNT(*), COALESCE(SUM(OBJECT_SIZE), 0) FROM "
					+ "BULK_LEDGER WHERE " + JdbcLedger.OF_RUN + " GROUP BY RUN_ID, STATUS, COALESCE(VERDICT, '')",
					JdbcLedger.runKeys(runId));
		}
	}

	/**
	 * The rows at these positions of a run as they are now; positions without a row are
	 * left out.
	 */
	Map<Long, State> states(long runId, List<Long> seqs) {
		Map<Long, State> states = new HashMap<>();
		for (int from = 0; from < seqs.size(); from += KEYS_PER_READ) {
			List<Long> part = seqs.subList(from, Math.min(seqs.size(), from + KEYS_PER_READ));
			Object[] keys = new Object[KEYS_PER_READ];
			for (int i = 0; i < KEYS_PER_READ; i++) {
				keys[i] = LedgerKey.of(runId, part.get(Math.min(i, part.size() - 1)));
			}
			this.jdbc.query(STATES, (rs) -> {
				String verdict = rs.getString(3);
				states.put(rs.getLong(1) & LedgerKey.MAX_SEQ,
						new State(rs.getString(2), (verdict != null) ? verdict : NO_VERDICT, rs.getLong(4)));
			}, keys);
		}
		return states;
	}

	/** Applies a change to a run's totals, in the caller's transaction. */
	void apply(long runId, Change change) {
		long slot = slot();
		List<Object[]> counts = new ArrayList<>();
		change.counts.forEach((state, total) -> {
			if (total[0] != 0 || total[1] != 0) {
				counts.add(new Object[] { total[0], total[1], runId, slot, state.status(), state.verdict() });
			}
		});
		upsert("UPDATE BULK_RUN_COUNTS SET OBJECTS = OBJECTS + ?, BYTES = BYTES + ? WHERE RUN_ID = ? AND SLOT = ? "
				+ "AND STATUS = ? AND VERDICT = ?",
				"INSERT INTO BULK_RUN_COUNTS (OBJECTS, BYTES, RUN_ID, SLOT, STATUS, VERDICT) VALUES (?, ?, ?, ?, ?, ?)",
				counts);
		List<Object[]> pace = new ArrayList<>();
		change.pace.forEach((bucket, total) -> pace.add(new Object[] { total[0], total[1], runId, bucket, slot }));
		upsert("UPDATE BULK_RUN_PACE SET OBJECTS = OBJECTS + ?, COPIED_BYTES = COPIED_BYTES + ? WHERE RUN_ID = ? "
				+ "AND BUCKET = ? AND SLOT = ?",
				"INSERT INTO BULK_RUN_PACE (OBJECTS, COPIED_BYTES, RUN_ID, BUCKET, SLOT) VALUES (?, ?, ?, ?, ?)", pace);
	}

	/**
	 * Adds to existing rows, and inserts those not there yet: only this slot's writer
	 * (one thread) touches its rows, so no other transaction inserts them meanwhile.
	 */
	private void upsert(String update, String insert, List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		int[] updated = this.jdbc.batchUpdate(update, rows);
		List<Object[]> missing = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			if (updated[i] == 0) {
				missing.add(rows.get(i));
			}
		}
		if (!missing.isEmpty()) {
			this.jdbc.batchUpdate(insert, missing);
		}
	}

	/**
	 * The slot of the writer on this thread: the step execution it runs in, else 0 (the
	 * launcher, between steps).
	 */
	private static long slot() {
		StepContext context = StepSynchronizationManager.getContext();
		Long id = (context != null) ? context.getStepExecution().getId() : null;
		return (id != null) ? id : 0;
	}

	/** A run's totals, or null when it has no counts (see the class comment). */
	@Nullable LedgerCounts counts(long runId) {
		Map<ObjectStatus, long[]> byStatus = new EnumMap<>(ObjectStatus.class);
		Map<Verdict, Long> byVerdict = new EnumMap<>(Verdict.class);
		boolean[] any = { false };
		this.jdbc.query("SELECT STATUS, VERDICT, SUM(OBJECTS), SUM(BYTES) FROM BULK_RUN_COUNTS WHERE RUN_ID = ? "
				+ "GROUP BY STATUS, VERDICT", (rs) -> {
					any[0] = true;
					long[] status = byStatus.computeIfAbsent(ObjectStatus.valueOf(rs.getString(1)), (s) -> new long[2]);
					status[0] += rs.getLong(3);
					status[1] += rs.getLong(4);
					String verdict = rs.getString(2);
					if (!NO_VERDICT.equals(verdict)) {
						byVerdict.merge(Verdict.valueOf(verdict), rs.getLong(3), Long::sum);
					}
				}, runId);
		return any[0] ? LedgerCounts.of(byStatus, byVerdict) : null;
	}

	/**
	 * The objects of a run finished since a moment (from the start of its bucket) and the
	 * bytes copied among them, or null when the run has no counts.
	 */
	@Nullable RecentWork finishedSince(long runId, Instant since) {
		if (this.jdbc
			.queryForList("SELECT RUN_ID FROM BULK_RUN_COUNTS WHERE RUN_ID = ? FETCH FIRST 1 ROWS ONLY", Long.class,
					runId)
			.isEmpty()) {
			return null;
		}
		return this.jdbc.queryForObject(
				"SELECT COALESCE(SUM(OBJECTS), 0), COALESCE(SUM(COPIED_BYTES), 0) FROM "
						+ "BULK_RUN_PACE WHERE RUN_ID = ? AND BUCKET >= ?",
				(rs, n) -> new RecentWork(rs.getLong(1), rs.getLong(2)), runId, bucket(since));
	}

	/**
	 * Transactions on the ledger's database that join the caller's, if there is one: a
	 * change of rows and of their counts commits as one.
	 */
	static TransactionTemplate transactions(JdbcTemplate jdbc) {
		DataSource dataSource = jdbc.getDataSource();
		Assert.notNull(dataSource, "jdbc needs a data source");
		return new TransactionTemplate(new JdbcTransactionManager(dataSource));
	}

	/** Removes a run's totals: before its rows are removed. */
	void delete(long runId) {
		this.counted.remove(runId);
		this.jdbc.update("DELETE FROM BULK_RUN_COUNTS WHERE RUN_ID = ?", runId);
		this.jdbc.update("DELETE FROM BULK_RUN_PACE WHERE RUN_ID = ?", runId);
	}

}
