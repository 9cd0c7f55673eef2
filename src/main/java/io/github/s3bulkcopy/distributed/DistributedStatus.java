package io.github.s3bulkcopy.distributed;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What {@code status} adds for a job's distributed run: its workers (alive or gone, by
 * heartbeat) and the latest run's partitions (state, owner, items written). Plain queries
 * of the job database: no broker is involved.
 */
public final class DistributedStatus {

	private record Partition(String name, String status, long written, String owner) {
	}

	private DistributedStatus() {
	}

	/**
	 * Prints the workers and partitions of the job's latest execution, if it ran
	 * distributed; else nothing.
	 */
	public static void print(PrintWriter out, JdbcTemplate jdbc, String jobName, Duration staleAfter) {
		Long execution = jdbc.queryForObject(
				"SELECT MAX(e.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION e JOIN "
						+ "BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = ?",
				Long.class, jobName);
		if (execution == null) {
			return;
		}
		List<Partition> partitions = jdbc.query("SELECT e.STEP_NAME, e.STATUS, e.WRITE_COUNT, o.WORKER_ID FROM "
				+ "BATCH_STEP_EXECUTION e LEFT JOIN BULK_PARTITION_OWNER o ON o.STEP_EXECUTION_ID = e.STEP_EXECUTION_ID "
				+ "WHERE e.JOB_EXECUTION_ID = ? AND e.STEP_NAME LIKE 'copy-partition:%' ORDER BY e.STEP_EXECUTION_ID",
				(rs, n) -> new Partition(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)), execution);
		List<WorkerRegistry.Worker> workers = new WorkerRegistry(jdbc, staleAfter).workers(jobName);
		if (workers.isEmpty() && partitions.stream().allMatch((partition) -> partition.owner() == null)) {
			return;
		}
		Instant now = Instant.now();
		out.println("Workers: " + workers.size());
		for (WorkerRegistry.Worker worker : workers) {
			long ago = Duration.between(worker.heartbeat(), now).toSeconds();
			boolean alive = worker.heartbeat().isAfter(now.minus(staleAfter))
					&& !WorkerRegistry.isDeadLocalProcess(worker.id());
			out.printf("  %-40s %-5s heartbeat %d s ago%n", worker.id(), alive ? "alive" : "gone", ago);
		}
		long done = partitions.stream().filter((partition) -> "COMPLETED".equals(partition.status())).count();
		long running = partitions.stream()
			.filter((partition) -> "STARTED".equals(partition.status()) || "STARTING".equals(partition.status()))
			.count();
		out.printf("Partitions: %d (%d done, %d running or waiting)%n", partitions.size(), done, running);
		for (Partition partition : partitions) {
			out.printf("  %-28s %-9s %8d written  %s%n", partition.name(), partition.status(), partition.written(),
					(partition.owner() != null) ? "owner " + partition.owner() : "not taken yet");
		}
	}

}
