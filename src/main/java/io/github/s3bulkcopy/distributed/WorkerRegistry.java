package io.github.s3bulkcopy.distributed;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.Assert;

/**
 * The workers of distributed runs and the partitions they own, in the job database
 * ({@code BULK_WORKER}, {@code BULK_PARTITION_OWNER}, {@code BULK_WORKER_SHARE}). A
 * worker is named as its JVM names itself, {@code pid@host}; it refreshes its heartbeat
 * while it lives, and is gone when the heartbeat is older than {@code staleAfter} or,
 * seen from its own host, its process has ended.
 */
public class WorkerRegistry {

	/** A worker and when it last showed it was alive. */
	public record Worker(String id, String jobName, Instant startedAt, Instant heartbeat) {
	}

	/**
	 * Who owns a partition (a step execution of a distributed run), since when, and how
	 * often it changed hands.
	 */
	public record Owner(long stepExecutionId, String workerId, Instant claimedAt, int takeovers) {
	}

	/** How many items (keys) a worker wrote to the ledger in one partition. */
	public record Share(long stepExecutionId, String workerId, long objects) {
	}

	private final JdbcTemplate jdbc;

	private final Duration staleAfter;

	public WorkerRegistry(JdbcTemplate jdbc, Duration staleAfter) {
		Assert.notNull(jdbc, "jdbc is required");
		this.jdbc = jdbc;
		this.staleAfter = staleAfter;
	}

	/** This process's worker id. */
	public static String thisProcess() {
		return ManagementFactory.getRuntimeMXBean().getName();
	}

	public Duration staleAfter() {
		return this.staleAfter;
	}

	public void register(String workerId, String jobName) {
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.update("DELETE FROM BULK_WORKER WHERE WORKER_ID = ?", workerId);
		this.jdbc.update("INSERT INTO BULK_WORKER (WORKER_ID, JOB_NAME, STARTED_AT, HEARTBEAT) VALUES (?, ?, ?, ?)",
				workerId, jobName, now, now);
	}

	public void beat(String workerId) {
		this.jdbc.update("UPDATE BULK_WORKER SET HEARTBEAT = ? WHERE WORKER_ID = ?", Timestamp.from(Instant.now()),
				workerId);
	}

	public void leave(String workerId) {
		this.jdbc.update("DELETE FROM BULK_WORKER WHERE WORKER_ID = ?", workerId);
	}

	public Optional<Worker> worker(String workerId) {
		return this.jdbc
			.query("SELECT WORKER_ID, JOB_NAME, STARTED_AT, HEARTBEAT FROM BULK_WORKER WHERE WORKER_ID = ?",
					(rs, n) -> new Worker(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
							rs.getTimestamp(4).toInstant()),
					workerId)
			.stream()
			.findFirst();
	}

	/** The workers that serve a job, alive or not, oldest first. */
	public List<Worker> workers(String jobName) {
		return this.jdbc.query(
				"SELECT WORKER_ID, JOB_NAME, STARTED_AT, HEARTBEAT FROM BULK_WORKER WHERE JOB_NAME = ? ORDER BY STARTED_AT",
				(rs, n) -> new Worker(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
						rs.getTimestamp(4).toInstant()),
				jobName);
	}

	/**
	 * Whether a worker is gone: no heartbeat for {@code staleAfter}, never registered, or
	 * a process of this host that has ended (then at once, as after a kill -9).
	 */
	public boolean isGone(String workerId) {
		if (isDeadLocalProcess(workerId)) {
			return true;
		}
		return worker(workerId).map((worker) -> worker.heartbeat().isBefore(Instant.now().minus(this.staleAfter)))
			.orElse(true);
	}

	public Optional<Owner> owner(long stepExecutionId) {
		return this.jdbc
			.query("SELECT STEP_EXECUTION_ID, WORKER_ID, CLAIMED_AT, TAKEOVERS FROM BULK_PARTITION_OWNER "
					+ "WHERE STEP_EXECUTION_ID = ?",
					(rs, n) -> new Owner(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getInt(4)),
					stepExecutionId)
			.stream()
			.findFirst();
	}

	/**
	 * Claims a partition nobody owns.
	 * @return whether this worker now owns it
	 */
	public boolean claim(long stepExecutionId, String workerId) {
		try {
			this.jdbc.update("INSERT INTO BULK_PARTITION_OWNER (STEP_EXECUTION_ID, WORKER_ID, CLAIMED_AT, TAKEOVERS) "
					+ "VALUES (?, ?, ?, 0)", stepExecutionId, workerId, Timestamp.from(Instant.now()));
			return true;
		}
		catch (DataIntegrityViolationException ex) {
			return false;
		}
	}

	/**
	 * Takes a partition over from its owner, only if that is still {@code from} (two
	 * workers that both find the owner gone cannot both take it).
	 * @return whether this worker now owns it
	 */
	public boolean takeOver(long stepExecutionId, String from, String to) {
		return this.jdbc.update(
				"UPDATE BULK_PARTITION_OWNER SET WORKER_ID = ?, CLAIMED_AT = ?, TAKEOVERS = "
						+ "TAKEOVERS + 1 WHERE STEP_EXECUTION_ID = ? AND WORKER_ID = ?",
				to, Timestamp.from(Instant.now()), stepExecutionId, from) == 1;
	}

	/**
	 * Gives up a worker's ownership of a partition, so that the next worker claims it.
	 */
	public void release(long stepExecutionId, String workerId) {
		this.jdbc.update("DELETE FROM BULK_PARTITION_OWNER WHERE STEP_EXECUTION_ID = ? AND WORKER_ID = ?",
				stepExecutionId, workerId);
	}

	/** Adds to what a worker wrote in a partition. */
	public void addShare(long stepExecutionId, String workerId, long objects) {
		if (objects <= 0) {
			return;
		}
		int updated = this.jdbc.update(
				"UPDATE BULK_WORKER_SHARE SET OBJECTS = OBJECTS + ? WHERE STEP_EXECUTION_ID = ? " + "AND WORKER_ID = ?",
				objects, stepExecutionId, workerId);
		if (updated == 0) {
			this.jdbc.update("INSERT INTO BULK_WORKER_SHARE (STEP_EXECUTION_ID, WORKER_ID, OBJECTS, BYTES) "
					+ "VALUES (?, ?, ?, 0)", stepExecutionId, workerId, objects);
		}
	}

	/** What is recorded of the workers' shares of a partition. */
	public long sharedObjects(long stepExecutionId) {
		Long sum = this.jdbc.queryForObject(
				"SELECT COALESCE(SUM(OBJECTS), 0) FROM BULK_WORKER_SHARE WHERE STEP_EXECUTION_ID = ?", Long.class,
				stepExecutionId);
		return (sum != null) ? sum : 0;
	}

	/** The shares of the partitions of a job execution. */
	public List<Share> shares(long jobExecutionId) {
		return this.jdbc.query("SELECT s.STEP_EXECUTION_ID, s.WORKER_ID, s.OBJECTS FROM BULK_WORKER_SHARE s "
				+ "JOIN BATCH_STEP_EXECUTION e ON e.STEP_EXECUTION_ID = s.STEP_EXECUTION_ID WHERE e.JOB_EXECUTION_ID = ? "
				+ "ORDER BY s.STEP_EXECUTION_ID, s.WORKER_ID",
				(rs, n) -> new Share(rs.getLong(1), rs.getString(2), rs.getLong(3)), jobExecutionId);
	}

	/** The owners of the partitions of a job execution. */
	public List<Owner> owners(long jobExecutionId) {
		return this.jdbc.query("SELECT o.STEP_EXECUTION_ID, o.WORKER_ID, o.CLAIMED_AT, o.TAKEOVERS FROM "
				+ "BULK_PARTITION_OWNER o JOIN BATCH_STEP_EXECUTION e ON e.STEP_EXECUTION_ID = o.STEP_EXECUTION_ID "
				+ "WHERE e.JOB_EXECUTION_ID = ? ORDER BY o.STEP_EXECUTION_ID",
				(rs, n) -> new Owner(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getInt(4)),
				jobExecutionId);
	}

	/** Whether a worker id names a process of this host that has ended. */
	static boolean isDeadLocalProcess(String workerId) {
		String self = thisProcess();
		int at = workerId.indexOf('@');
		if (at <= 0 || !workerId.substring(at + 1).equals(self.substring(self.indexOf('@') + 1))) {
			return false;
		}
		try {
			long pid = Long.parseLong(workerId.substring(0, at));
			return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map((p) -> !p.isAlive()).orElse(true);
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

}
