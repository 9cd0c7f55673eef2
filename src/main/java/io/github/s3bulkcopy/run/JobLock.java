package io.github.s3bulkcopy.run;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.Assert;

/**
 * Makes sure one process at a time works on a job, across machines that share the job
 * database. The holder refreshes a heartbeat; a lock whose heartbeat is older than
 * {@code staleAfter} was left by a process that died (kill -9, power loss) and is taken
 * over, so a resume never needs a manual database edit.
 */
public class JobLock implements AutoCloseable {

	/** Who holds a job's lock, and when it last showed it was alive. */
	public record Holder(String owner, Instant heartbeat) {
	}

	private final JdbcTemplate jdbc;

	private final String jobName;

	private final Duration staleAfter;

	private final String owner;

	private ScheduledExecutorService heartbeat;

	public JobLock(JdbcTemplate jdbc, String jobName, Duration staleAfter) {
		Assert.notNull(jdbc, "jdbc is required");
		Assert.hasText(jobName, "jobName is required");
		this.jdbc = jdbc;
		this.jobName = jobName;
		this.staleAfter = staleAfter;
		this.owner = ManagementFactory.getRuntimeMXBean().getName();
	}

	/**
	 * Takes the lock, taking over a stale one.
	 * @return empty when taken, or the live holder that keeps it
	 */
	public synchronized Optional<Holder> tryAcquire() {
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.update("DELETE FROM BULK_JOB_LOCK WHERE JOB_NAME = ? AND HEARTBEAT < ?", this.jobName,
				Timestamp.from(Instant.now().minus(this.staleAfter)));
		holder().filter((holder) -> isDeadLocalProcess(holder.owner()))
			.ifPresent((dead) -> this.jdbc.update("DELETE FROM BULK_JOB_LOCK WHERE JOB_NAME = ? AND OWNER = ?",
					this.jobName, dead.owner()));
		try {
			this.jdbc.update("INSERT INTO BULK_JOB_LOCK (JOB_NAME, OWNER, HEARTBEAT) VALUES (?, ?, ?)", this.jobName,
					this.owner, now);
		}
		catch (DataIntegrityViolationException ex) {
			return Optional.of(holder().orElse(new Holder("another process", Instant.now())));
		}
		long period = Math.max(1, this.staleAfter.toMillis() / 4);
		this.heartbeat = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "job-lock-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		this.heartbeat.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
		return Optional.empty();
	}

	/** The current holder of a job's lock, if any. */
	public Optional<Holder> holder() {
		return this.jdbc
			.query("SELECT OWNER, HEARTBEAT FROM BULK_JOB_LOCK WHERE JOB_NAME = ?",
					(rs, n) -> new Holder(rs.getString(1), rs.getTimestamp(2).toInstant()), this.jobName)
			.stream()
			.findFirst();
	}

	/**
	 * Whether an owner ({@code pid@host}, as the JVM names itself) is a process of this
	 * machine that has ended: then its lock is taken over at once instead of after
	 * {@code staleAfter}.
	 */
	boolean isDeadLocalProcess(String owner) {
		int at = owner.indexOf('@');
		if (at <= 0 || !owner.substring(at + 1).equals(this.owner.substring(this.owner.indexOf('@') + 1))) {
			return false;
		}
		try {
			long pid = Long.parseLong(owner.substring(0, at));
			return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map((p) -> !p.isAlive()).orElse(true);
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private void beat() {
		try {
			this.jdbc.update("UPDATE BULK_JOB_LOCK SET HEARTBEAT = ? WHERE JOB_NAME = ? AND OWNER = ?",
					Timestamp.from(Instant.now()), this.jobName, this.owner);
		}
		catch (RuntimeException ex) {
			// A missed beat is harmless unless it lasts longer than staleAfter; the next
			// beat tries again.
		}
	}

	@Override
	public synchronized void close() {
		if (this.heartbeat != null) {
			this.heartbeat.shutdownNow();
			this.heartbeat = null;
			this.jdbc.update("DELETE FROM BULK_JOB_LOCK WHERE JOB_NAME = ? AND OWNER = ?", this.jobName, this.owner);
		}
	}

}
