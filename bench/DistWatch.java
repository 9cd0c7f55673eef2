import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The failover measurement of the distributed scenario, on the run's job database (PostgreSQL):
 * DistWatch JDBC-URL victim: waits until a worker owns a running partition that has committed two chunks and prints
 * that worker's process id and the partition's step execution id;
 * DistWatch JDBC-URL failover STEP-EXECUTION-ID KILLED-AT-MS: polls every 50 ms until another worker has taken the
 * partition over and until the partition commits again, and prints both as seconds after KILLED-AT-MS (epoch ms);
 * DistWatch JDBC-URL copy-seconds: prints how long the latest run's copy step took, in seconds.
 */
public class DistWatch {

	public static void main(String[] args) throws Exception {
		try (Connection db = DriverManager.getConnection(args[0], "postgres", "")) {
			long deadline = System.currentTimeMillis() + 600_000;
			if (args[1].equals("copy-seconds")) {
				try (ResultSet rs = db.createStatement().executeQuery("SELECT EXTRACT(EPOCH FROM END_TIME - START_TIME) "
						+ "FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'copy' ORDER BY STEP_EXECUTION_ID DESC LIMIT 1")) {
					System.out.println(rs.next() ? rs.getDouble(1) : 0);
				}
				return;
			}
			if (args[1].equals("victim")) {
				PreparedStatement query = db.prepareStatement("SELECT o.WORKER_ID, e.STEP_EXECUTION_ID FROM "
						+ "BULK_PARTITION_OWNER o JOIN BATCH_STEP_EXECUTION e ON e.STEP_EXECUTION_ID = "
						+ "o.STEP_EXECUTION_ID WHERE e.STATUS = 'STARTED' AND e.COMMIT_COUNT >= 2 ORDER BY "
						+ "e.STEP_EXECUTION_ID LIMIT 1");
				while (System.currentTimeMillis() < deadline) {
					try (ResultSet rs = query.executeQuery()) {
						if (rs.next()) {
							String worker = rs.getString(1);
							System.out.println(worker.substring(0, worker.indexOf('@')) + " " + rs.getLong(2));
							return;
						}
					}
					catch (java.sql.SQLException ex) {
						// the tables are not there yet
					}
					Thread.sleep(100);
				}
				System.exit(1);
			}
			long partition = Long.parseLong(args[2]);
			long killedAt = Long.parseLong(args[3]);
			PreparedStatement query = db.prepareStatement("SELECT o.TAKEOVERS, e.COMMIT_COUNT, e.STATUS FROM "
					+ "BATCH_STEP_EXECUTION e LEFT JOIN BULK_PARTITION_OWNER o ON o.STEP_EXECUTION_ID = "
					+ "e.STEP_EXECUTION_ID WHERE e.STEP_EXECUTION_ID = ?");
			query.setLong(1, partition);
			long commits = -1;
			double takenOver = -1;
			while (System.currentTimeMillis() < deadline) {
				try (ResultSet rs = query.executeQuery()) {
					rs.next();
					long now = System.currentTimeMillis();
					if (commits < 0) {
						commits = rs.getLong(2);
					}
					if (takenOver < 0 && rs.getInt(1) > 0) {
						takenOver = (now - killedAt) / 1000.0;
					}
					if (takenOver >= 0 && (rs.getLong(2) > commits || !rs.getString(3).equals("STARTED"))) {
						System.out.printf(java.util.Locale.ROOT, "%.2f %.2f%n", takenOver, (now - killedAt) / 1000.0);
						return;
					}
				}
				Thread.sleep(50);
			}
			System.exit(1);
		}
	}

}
