import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Samples a run's progress from its job database while the run holds it, for the scale scenario:
 * LedgerWatch DB SECONDS STOP-FILE [STATUS-SECONDS]. DB is the H2 file's path without .mv.db, opened by the run with
 * AUTO_SERVER=TRUE. Every SECONDS this prints one CSV line: milliseconds since start, the latest plan step's read and
 * write counts (Spring Batch records them with each chunk: rows read from the manifest, rows written to the ledger),
 * its status, the database file's size in bytes, and every STATUS-SECONDS (0: never; -1: once, when the plan
 * step has completed, before a dry run drops its rows) the milliseconds the ledger queries of `status` took on that
 * run's rows (the same SQL as JdbcLedger.counts and RunCatalog.progress: a run's counts by
 * status and verdict, and what finished in the last five minutes), run in the run's own database server as `status`
 * runs them. It connects only once the run has the database open (its lock file is there), so it never opens the
 * database itself, and ends when STOP-FILE exists or the connection is lost. One long-lived connection and a query of
 * one row between the status queries: the run pays next to nothing for being watched.
 */
public class LedgerWatch {

	// As ledger.RunCounts reads a run's totals and its recent pace for `status`.
	private static final String COUNTS = "SELECT STATUS, VERDICT, SUM(OBJECTS), SUM(BYTES) FROM BULK_RUN_COUNTS "
			+ "WHERE RUN_ID = ? GROUP BY STATUS, VERDICT";

	private static final String RECENT = "SELECT COALESCE(SUM(OBJECTS), 0), COALESCE(SUM(COPIED_BYTES), 0) FROM "
			+ "BULK_RUN_PACE WHERE RUN_ID = ? AND BUCKET >= ?";

	public static void main(String[] args) throws Exception {
		Path db = Path.of(args[0]);
		long every = Math.round(Double.parseDouble(args[1]) * 1000);
		Path stop = Path.of(args[2]);
		long statusEvery = (args.length > 3) ? Math.round(Double.parseDouble(args[3]) * 1000) : 0;
		Path file = Path.of(db + ".mv.db");
		Path lock = Path.of(db + ".lock.db");
		long start = System.currentTimeMillis();
		while (!Files.exists(lock)) {
			if (Files.exists(stop)) {
				return;
			}
			Thread.sleep(50);
		}
		System.out.println("ms,read,written,status,db_bytes,status_query_ms");
		long lastStatus = 0;
		boolean timedOnce = false;
		try (Connection connection = connect(db, lock); Statement statement = connection.createStatement()) {
			while (!Files.exists(stop)) {
				long read = 0;
				long written = 0;
				long run = -1;
				String status = "-";
				try (ResultSet rs = statement.executeQuery("SELECT S.READ_COUNT, S.WRITE_COUNT, S.STATUS, "
						+ "E.JOB_INSTANCE_ID FROM BATCH_STEP_EXECUTION S JOIN BATCH_JOB_EXECUTION E "
						+ "ON S.JOB_EXECUTION_ID = E.JOB_EXECUTION_ID WHERE S.STEP_NAME = 'plan' "
						+ "ORDER BY S.STEP_EXECUTION_ID DESC FETCH FIRST 1 ROWS ONLY")) {
					if (rs.next()) {
						read = rs.getLong(1);
						written = rs.getLong(2);
						status = rs.getString(3);
						run = rs.getLong(4);
					}
				}
				catch (SQLException early) {
					if (early.getSQLState() == null || !early.getSQLState().startsWith("42")) {
						throw early;
					}
					// the run has not made its tables yet
				}
				long bytes = Files.exists(file) ? Files.size(file) : 0;
				String statusMs = "";
				long now = System.currentTimeMillis();
				if (statusEvery > 0 && run >= 0 && now - lastStatus >= statusEvery) {
					lastStatus = now;
					statusMs = Long.toString(statusQueries(connection, run));
				}
				else if (statusEvery < 0 && !timedOnce && "COMPLETED".equals(status)) {
					timedOnce = true;
					statusMs = Long.toString(statusQueries(connection, run));
				}
				System.out.println((now - start) + "," + read + "," + written + "," + status + "," + bytes + ","
						+ statusMs);
				System.out.flush();
				Thread.sleep(every);
			}
		}
		catch (SQLException ended) {
			// the run closed the database: nothing more to watch
		}
	}

	/** Runs the ledger queries `status` makes for a run going on; their milliseconds. */
	private static long statusQueries(Connection connection, long run) throws SQLException {
		long started = System.nanoTime();
		try (PreparedStatement counts = connection.prepareStatement(COUNTS);
				PreparedStatement recent = connection.prepareStatement(RECENT)) {
			counts.setLong(1, run);
			try (ResultSet rs = counts.executeQuery()) {
				while (rs.next()) {
					rs.getLong(3);
				}
			}
			recent.setLong(1, run);
			// Every bucket: as costly as the last five minutes' buckets that status sums.
			recent.setLong(2, 0);
			try (ResultSet rs = recent.executeQuery()) {
				rs.next();
			}
		}
		return (System.nanoTime() - started) / 1_000_000;
	}

	/** Connects to the run's server; its address is in the lock file, which may be written a moment after it exists. */
	private static Connection connect(Path db, Path lock) throws Exception {
		SQLException last = null;
		for (int attempt = 0; attempt < 50 && Files.exists(lock); attempt++) {
			try {
				return DriverManager.getConnection("jdbc:h2:file:" + db + ";IFEXISTS=TRUE;AUTO_SERVER=TRUE", "sa", "");
			}
			catch (SQLException notYet) {
				last = notYet;
				Thread.sleep(200);
			}
		}
		throw (last != null) ? last : new SQLException("the run closed its database");
	}

}
