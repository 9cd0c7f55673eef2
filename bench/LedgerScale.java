import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.ledger.JobDatabase;
import io.github.s3bulkcopy.ledger.LedgerCounts;
import io.github.s3bulkcopy.ledger.LedgerRow;
import io.github.s3bulkcopy.ledger.ObjectOutcome;
import io.github.s3bulkcopy.ledger.ObjectStatus;
import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.verify.Verdict;
import io.github.s3bulkcopy.verify.Verification;
import io.github.s3bulkcopy.verify.VerificationMethod;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The ledger at scale, without S3: LedgerScale DB ROWS [index] [orderby] [heap]. Builds a job database (an H2 file at DB,
 * without .mv.db, opened as the tool opens its own: WRITE_DELAY=0, PAGE_SIZE=65536; or, when DB is a jdbc:postgresql: URL, that empty
 * PostgreSQL database, user postgres, as bench/Postgres.java starts it) holding one run of ROWS planned objects through the
 * ledger's own statements (JdbcLedger.insertPlanned, 1,000 rows a transaction, as the plan step writes them; keys in
 * 997 folders, not in key order, as bench/Inventory.java writes them), records outcomes for the first half
 * (JdbcLedger.recordOutcomes, 100 a chunk, every 50th failed), then times what `status` asks of the ledger (the kept
 * totals and the last five minutes' throughput) against counting the rows, and the report's read of every row in key
 * order (JdbcLedger.streamByKey: read in plan order, sorted in Java), with the heap's peak during that read. With
 * "orderby", then the same rows read sorted by the database (ORDER BY SOURCE_KEY, VERSION_ID, SEQ), as streamByKey did
 * before it sorted in Java. With "heap", the heap in use after a full GC every 2 s during streamByKey's read (its
 * times are then not comparable). With "index", an index on (RUN_ID, SOURCE_KEY, VERSION_ID, SEQ) is created before
 * planning: what it costs the plan and the database (the report's query, by row key range, does not use it; run F's
 * read along it selected WHERE RUN_ID = ? ORDER BY RUN_ID, SOURCE_KEY, VERSION_ID, SEQ). Prints wall and CPU time per measure (CPU: of the
 * thread that runs the embedded database's work too). It leaves the run as a job going on (an execution STARTED, the
 * job's lock held), so that `s3-bulk-copy status` can be timed against the database.
 */
public class LedgerScale {

	public static void main(String[] args) throws Exception {
		boolean h2 = !args[0].startsWith("jdbc:");
		Path db = h2 ? Path.of(args[0]).toAbsolutePath() : Path.of("");
		long rows = Long.parseLong(args[1]);
		List<String> options = List.of(args).subList(2, args.length);
		boolean index = options.contains("index");
		SingleConnectionDataSource dataSource;
		if (h2) {
			Files.deleteIfExists(Path.of(db + ".mv.db"));
			dataSource = new SingleConnectionDataSource("jdbc:h2:file:" + db + ";WRITE_DELAY=0;PAGE_SIZE=65536", "sa", "", true);
		}
		else {
			// outside a transaction PostgreSQL's driver reads a whole result at once, whatever the fetch size
			dataSource = new SingleConnectionDataSource(args[0], "postgres", "postgres", true);
			dataSource.setAutoCommit(false);
		}
		new JobDatabase(dataSource).initialize();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		if (index) {
			jdbc.execute("CREATE INDEX BULK_LEDGER_RUN_KEY_IX ON BULK_LEDGER (RUN_ID, SOURCE_KEY, VERSION_ID, SEQ)");
		}
		JdbcLedger ledger = new JdbcLedger(jdbc);
		long runId = 1;
		jdbc.update("INSERT INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY) VALUES (?, 0, "
				+ "'bench-ledger-scale', 'k')", runId);
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.update("INSERT INTO BATCH_JOB_EXECUTION (JOB_EXECUTION_ID, VERSION, JOB_INSTANCE_ID, CREATE_TIME, "
				+ "START_TIME, STATUS, EXIT_CODE, EXIT_MESSAGE, LAST_UPDATED) VALUES (1, 0, ?, ?, ?, 'STARTED', "
				+ "'UNKNOWN', '', ?)", runId, now, now, now);

		long start = System.nanoTime();
		markCpu();
		List<PlannedObject> batch = new ArrayList<>();
		for (long seq = 1; seq <= rows; seq++) {
			String key = String.format(Locale.ROOT, "folder-%03d/object-%09d.bin", (seq * 7919) % 997, seq);
			batch.add(new PlannedObject(seq, "scale-src", key, null, 16L, "\"e\"", null, "STANDARD", null, key));
			if (batch.size() == 1000 || seq == rows) {
				ledger.insertPlanned(runId, batch);
				batch.clear();
			}
		}
		double plan = seconds(start);
		print("plan", rows, plan, "rows/s", rows / plan);
		System.out.printf(Locale.ROOT, "plan CPU: %.1f s, %.1f us/row%n", cpuSeconds(), cpuSeconds() * 1e6 / rows);

		start = System.nanoTime();
		markCpu();
		Verification verified = new Verification(VerificationMethod.ETAG, "e", "e", Verdict.VERIFIED, null);
		List<ObjectOutcome> chunk = new ArrayList<>();
		long copied = rows / 2;
		for (long seq = 1; seq <= copied; seq++) {
			Instant at = Instant.now();
			chunk.add((seq % 50 == 0)
					? new ObjectOutcome(seq, ObjectStatus.FAILED, null, "InternalError", 500, "m",
							Verification.notVerified("failed"), at, at)
					: new ObjectOutcome(seq, ObjectStatus.COPIED, 16L, null, null, null, verified, at, at));
			if (chunk.size() == 100 || seq == copied) {
				ledger.recordOutcomes(runId, chunk);
				chunk.clear();
			}
		}
		double record = seconds(start);
		print("record outcomes", copied, record, "rows/s", copied / record);
		System.out.printf(Locale.ROOT, "record CPU: %.1f s, %.1f us/row%n", cpuSeconds(), cpuSeconds() * 1e6 / copied);
		if (h2) {
			jdbc.execute("CHECKPOINT SYNC");
			System.out.printf(Locale.ROOT, "database file: %,d bytes, %,.0f bytes per row%n",
					Files.size(Path.of(db + ".mv.db")), Files.size(Path.of(db + ".mv.db")) / (double) rows);
		}

		Instant since = Instant.now().minusSeconds(300);
		for (int i = 0; i < 3; i++) {
			start = System.nanoTime();
			markCpu();
			LedgerCounts totals = ledger.totals(runId);
			ledger.finishedSince(runId, since);
			System.out.printf(Locale.ROOT, "status from kept totals: %.1f ms, CPU %.1f ms (%,d planned, %,d done)%n",
					seconds(start) * 1000, cpuSeconds() * 1000, totals.total(), totals.done());
		}
		start = System.nanoTime();
		markCpu();
		LedgerCounts counted = ledger.counts(runId);
		double count = seconds(start);
		System.out.printf(Locale.ROOT, "status counting the rows: %.1f ms, CPU %.1f ms, same as kept: %s%n",
				count * 1000, cpuSeconds() * 1000, counted.equals(ledger.totals(runId)));

		System.gc();
		ManagementFactory.getMemoryPoolMXBeans().forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
		LiveHeap live = options.contains("heap") ? LiveHeap.sample() : null;
		start = System.nanoTime();
		markCpu();
		long read = 0;
		String previous = "";
		try (Stream<LedgerRow> byKey = ledger.streamByKey(runId)) {
			for (LedgerRow row : (Iterable<LedgerRow>) byKey::iterator) {
				if (row.planned().sourceKey().compareTo(previous) < 0) {
					throw new IllegalStateException("out of key order at " + row.planned().sourceKey());
				}
				previous = row.planned().sourceKey();
				read++;
			}
		}
		double report = seconds(start);
		System.out.printf(Locale.ROOT, "report read in key order: %,d rows in %.1f s, %.1f us/row; CPU %.1f us/row%n",
				read, report, report * 1e6 / read, cpuSeconds() * 1e6 / read);
		System.out.printf(Locale.ROOT, "report read peak heap (sum of the heap pools' peaks, garbage included): %,d MiB%n",
				peakHeap() / (1024 * 1024));
		if (live != null) {
			System.out.printf(Locale.ROOT, "report read live heap (after a full GC every 2 s): at most %,d MiB%n",
					live.maximum() / (1024 * 1024));
		}
		if (options.contains("orderby")) {
			orderByRead(dataSource, runId);
		}
		jdbc.update("INSERT INTO BULK_JOB_LOCK (JOB_NAME, OWNER, HEARTBEAT) VALUES ('bench-ledger-scale', 'bench', ?)",
				Timestamp.from(Instant.now()));
		if (!h2) {
			dataSource.getConnection().commit();
		}
		dataSource.destroy();
		if (h2) {
			System.out.printf(Locale.ROOT, "database file once closed: %,d bytes, %,.0f bytes per row%n",
					Files.size(Path.of(db + ".mv.db")), Files.size(Path.of(db + ".mv.db")) / (double) rows);
		}
	}

	/**
	 * The same rows read sorted by the database (ORDER BY SOURCE_KEY, VERSION_ID, SEQ), every column fetched: how
	 * streamByKey read them before it sorted them itself. Run after it, so the database's cache is as warm for this.
	 */
	private static void orderByRead(DataSource dataSource, long runId) throws SQLException {
		System.gc();
		ManagementFactory.getMemoryPoolMXBeans().forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
		long start = System.nanoTime();
		markCpu();
		long read = 0;
		Connection connection = dataSource.getConnection();
		try (PreparedStatement ps = connection.prepareStatement("SELECT * FROM BULK_LEDGER WHERE ROW_KEY BETWEEN ? AND ? "
				+ "ORDER BY SOURCE_KEY, VERSION_ID, SEQ")) {
			ps.setFetchSize(1000);
			// the run's range of ROW_KEY = RUN_ID * 2^40 + SEQ (ledger.LedgerKey)
			ps.setLong(1, runId << 40);
			ps.setLong(2, ((runId + 1) << 40) - 1);
			try (ResultSet rs = ps.executeQuery()) {
				int columns = rs.getMetaData().getColumnCount();
				while (rs.next()) {
					for (int i = 1; i <= columns; i++) {
						rs.getObject(i);
					}
					read++;
				}
			}
		}
		double seconds = seconds(start);
		System.out.printf(Locale.ROOT, "database ORDER BY read: %,d rows in %.1f s, %.1f us/row; CPU %.1f us/row%n",
				read, seconds, seconds * 1e6 / read, cpuSeconds() * 1e6 / read);
		System.out.printf(Locale.ROOT, "database ORDER BY read peak heap: %,d MiB%n", peakHeap() / (1024 * 1024));
	}

	/** The heap in use right after a full GC, every 2 s: what is live (and distorts the times: a run of its own). */
	private static final class LiveHeap extends Thread {

		private volatile boolean running = true;

		private volatile long max;

		static LiveHeap sample() {
			LiveHeap live = new LiveHeap();
			live.setDaemon(true);
			live.start();
			return live;
		}

		@Override
		public void run() {
			while (this.running) {
				System.gc();
				this.max = Math.max(this.max, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
				try {
					Thread.sleep(2000);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

		long maximum() {
			this.running = false;
			return this.max;
		}

	}

	private static long peakHeap() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == java.lang.management.MemoryType.HEAP)
			.mapToLong((pool) -> pool.getPeakUsage().getUsed())
			.sum();
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

	/** CPU seconds of this thread (it runs the embedded database's work too) since {@link #cpuMark}. */
	private static double cpuSeconds() {
		return (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuMark) / 1e9;
	}

	private static long cpuMark;

	private static void markCpu() {
		cpuMark = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
	}

	private static void print(String what, long n, double seconds, String unit, double rate) {
		System.out.printf(Locale.ROOT, "%s: %,d in %.1f s, %,.0f %s%n", what, n, seconds, rate, unit);
	}

}
