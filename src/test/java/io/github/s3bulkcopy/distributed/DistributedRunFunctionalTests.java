package io.github.s3bulkcopy.distributed;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.github.s3bulkcopy.cli.Main;
import io.github.s3bulkcopy.ledger.JobDatabase;
import io.github.s3bulkcopy.testsupport.FaultInjectingProxy;
import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LatencyRelay;
import io.github.s3bulkcopy.testsupport.LocalPostgres;
import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Distributed runs on one machine: PostgreSQL (the suite's local server), a manager JVM
 * with its embedded broker and worker JVMs, S3Proxy behind a proxy or the latency relay
 * that holds every request back so partitions take seconds. A worker killed with SIGKILL
 * mid-partition, and a manager killed mid-run, lose and duplicate nothing.
 */
class DistributedRunFunctionalTests implements LocalS3ProxyTest {

	private static final int OBJECTS = 2000;

	private static final String LARGE_KEY = "big/large-object.bin";

	@TempDir
	Path dir;

	private final List<Process> children = new ArrayList<>();

	private S3Client s3;

	private JobFixture fixture;

	private FaultInjectingProxy proxy;

	private @Nullable LatencyRelay relay;

	private LocalPostgres.Database database;

	private JdbcTemplate jdbc;

	private int brokerPort;

	@BeforeEach
	void setUp() throws IOException {
		this.s3 = LocalS3ProxyTest.sourceClient();
		String source = S3TestData.createBucket(this.s3, "dist-src");
		String destination = S3TestData.createBucket(this.s3, "dist-dst");
		S3TestData.putMany(LocalS3ProxyTest.sourceAsyncClient(), source, OBJECTS, DistributedRunFunctionalTests::key,
				DistributedRunFunctionalTests::content);
		this.proxy = new FaultInjectingProxy(LocalS3ProxyTest.s3Proxy().endpoint(), 0, 0);
		// Every request held back: a chunk of 20 objects takes a second or so
		this.proxy.delay("HTTP/1.1", 40);
		this.fixture = new JobFixture(this.dir, this.proxy.endpoint(), LocalS3ProxyTest.SOURCE_ACCOUNT, source,
				destination);
		this.database = LocalPostgres.database();
		System.setProperty("spring.datasource.url", this.database.url());
		System.setProperty("spring.datasource.username", LocalPostgres.Database.USER);
		System.setProperty("spring.datasource.password", "");
		this.jdbc = new JdbcTemplate(this.database.dataSource());
		try (ServerSocket socket = new ServerSocket(0)) {
			this.brokerPort = socket.getLocalPort();
		}
	}

	@AfterEach
	void tearDown() throws Exception {
		for (Process child : this.children) {
			child.destroyForcibly();
		}
		// workers the killed manager had started
		if (this.jdbc != null) {
			for (String worker : this.jdbc.queryForList("SELECT WORKER_ID FROM BULK_WORKER", String.class)) {
				ProcessHandle.of(Long.parseLong(worker.substring(0, worker.indexOf('@'))))
					.ifPresent(ProcessHandle::destroyForcibly);
			}
		}
		this.proxy.close();
		if (this.relay != null) {
			this.relay.close();
		}
		// The processes' output, for a failure in CI
		Path logs = Path.of("target", "distributed-logs", this.dir.getFileName().toString());
		Files.createDirectories(logs);
		try (var files = Files.walk(this.dir)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".log")).toList()) {
				Files.copy(file, logs.resolve(this.dir.relativize(file).toString().replace('/', '-')));
			}
		}
		System.clearProperty("spring.datasource.url");
		System.clearProperty("spring.datasource.username");
		System.clearProperty("spring.datasource.password");
	}

	@Test
	void aWorkerKilledMidPartitionLosesAndRepeatsNothingAndAWorkerWithAnotherJobFileIsRefused() throws Exception {
		// given: S3 40 ms away, and a manager that has sent its partitions
		throughLatencyRelay(Duration.ofMillis(40));
		Path job = this.fixture.jobFile("dist-job", "", "", "type: listing",
				"copy:\n  partitions: 12\n  concurrency: 4\n  chunk-size: 20\n");
		auditLedgerUpdates();
		Process manager = start("manager", "copy", "--job", job.toString(), "--distributed", "--broker-bind",
				"127.0.0.1:" + this.brokerPort);
		await(manager, () -> partitions("1 = 1") == 12, "send its 12 partitions");

		// a worker with another job file (same job name) is refused (the run waits for
		// workers meanwhile)
		Path other = this.dir.resolve("other/dist-job.yml");
		Files.createDirectories(other.getParent());
		Files.writeString(other, Files.readString(job).replace("chunk-size: 20", "chunk-size: 21"));
		JobFixture.Result refused = this.fixture.run("worker", "--job", other.toString(), "--broker",
				"tcp://127.0.0.1:" + this.brokerPort);
		assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
		assertThat(refused.err()).contains("is not the one run 1 of job 'dist-job' was started with");

		// when: the second of three workers is killed once it has committed two chunks of
		// a partition
		List<Process> workers = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			workers.add(start("worker-" + i, "worker", "--job", job.toString(), "--broker",
					"tcp://127.0.0.1:" + this.brokerPort, "--slots", "2"));
		}
		String victim = workers.get(1).pid() + "@";
		await(manager,
				() -> partitions(
						"o.WORKER_ID LIKE '" + victim + "%' AND e.STATUS = 'STARTED' " + "AND e.COMMIT_COUNT >= 2") > 0,
				"let worker 2 commit two chunks of a partition");
		List<Long> victimsPartitions = this.jdbc.queryForList("SELECT o.STEP_EXECUTION_ID FROM BULK_PARTITION_OWNER o "
				+ "JOIN BATCH_STEP_EXECUTION e ON e.STEP_EXECUTION_ID = o.STEP_EXECUTION_ID WHERE o.WORKER_ID LIKE '"
				+ victim + "%' AND e.STATUS = 'STARTED'", Long.class);
		workers.get(1).destroyForcibly().waitFor(10, TimeUnit.SECONDS);

		// then
		assertThat(manager.waitFor(180, TimeUnit.SECONDS)).as(log("manager")).isTrue();
		assertThat(manager.exitValue()).as(log("manager")).isZero();
		assertEveryObjectOnceWithItsBytes();
		for (Long partition : victimsPartitions) {
			assertThat(this.jdbc.queryForObject("SELECT STATUS FROM BATCH_STEP_EXECUTION WHERE STEP_EXECUTION_ID = ?",
					String.class, partition))
				.isEqualTo("COMPLETED");
			Map<String, Object> owner = this.jdbc.queryForMap(
					"SELECT WORKER_ID, TAKEOVERS FROM BULK_PARTITION_OWNER WHERE STEP_EXECUTION_ID = ?", partition);
			assertThat((String) owner.get("WORKER_ID")).as("taken over").doesNotStartWith(victim);
			assertThat(((Number) owner.get("TAKEOVERS")).intValue()).isEqualTo(1);
		}
		for (int i : new int[] { 0, 2 }) {
			assertThat(workers.get(i).waitFor(30, TimeUnit.SECONDS)).as("worker ends with the run").isTrue();
			assertThat(workers.get(i).exitValue()).as(log("worker-" + (i + 1))).isZero();
		}
		assertThat(log("worker-1") + log("worker-3")).contains("Taking over copy-partition");
		JobFixture.Result status = this.fixture.run("status", "--job", job.toString());
		assertThat(status.out()).as(status.toString())
			.contains("Partitions: 12 (12 done, 0 running or waiting)")
			.contains("owner " + workers.get(0).pid() + "@");
		Map<?, ?> summary = JsonMapper.builder()
			.build()
			.readValue(this.fixture.reports().resolve("dist-job/1/summary.json").toFile(), Map.class);
		Map<?, ?> shares = (Map<?, ?>) summary.get("workers");
		assertThat(shares.values().stream().mapToLong((share) -> ((Number) share).longValue()).sum())
			.as("what the workers wrote: %s", shares)
			.isEqualTo(OBJECTS);
		assertThat(shares.keySet()).as("the killed worker's committed share counts too")
			.anySatisfy((worker) -> assertThat((String) worker).startsWith(victim));
		long killedShare = shares.entrySet()
			.stream()
			.filter((share) -> ((String) share.getKey()).startsWith(victim))
			.mapToLong((share) -> ((Number) share.getValue()).longValue())
			.sum();
		assertThat(((Number) ((Map<?, ?>) summary.get("requests")).get("total")).longValue())
			.as("the requests of the workers that lived are counted with the manager's (a copy or more per object; "
					+ "the killed worker's counts died with it)")
			.isGreaterThanOrEqualTo(OBJECTS - killedShare);
	}

	@Test
	void aManagerKilledMidRunIsRecoveredByTheNextCopy() throws Exception {
		// given: a manager with two local workers, killed mid-run
		Path job = this.fixture.jobFile("dist-job", "", "", "type: listing",
				"copy:\n  partitions: 8\n  concurrency: 4\n  chunk-size: 20\n");
		String[] copy = { "copy", "--job", job.toString(), "--distributed", "--broker-bind",
				"127.0.0.1:" + this.brokerPort, "--workers", "2" };
		auditLedgerUpdates();
		Process manager = start("manager", copy);
		await(manager, () -> copied() >= 400, "copy 400 objects");
		manager.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

		// when: the same command again (the old workers, still running, reconnect to the
		// new broker)
		Process again = start("manager-again", copy);

		// then
		assertThat(again.waitFor(180, TimeUnit.SECONDS)).as(log("manager-again")).isTrue();
		assertThat(again.exitValue()).as(log("manager-again")).isZero();
		assertThat(log("manager-again")).contains("Run 1 of job dist-job (resumed)");
		assertEveryObjectOnceWithItsBytes();
	}

	@Test
	void theMultipartUploadOfAKilledWorkerIsAbortedWhenItsPartitionIsTakenOver() throws Exception {
		// given: a large object copied in 5 MiB parts, each part held back 3 s, and the
		// only worker killed while the parts are on their way
		byte[] large = S3TestData.randomBytes(40 * 1024 * 1024);
		S3TestData.put(this.s3, this.fixture.sourceBucket, LARGE_KEY, large);
		this.proxy.delay("partNumber=", 3000);
		Path job = this.fixture.jobFile("dist-job", "", "", "type: listing",
				"copy:\n  partitions: 4\n  concurrency: 4\n"
						+ "  chunk-size: 20\n  multipart-threshold: 5MiB\n  part-size: 5MiB\n");
		auditLedgerUpdates();
		Process manager = start("manager", "copy", "--job", job.toString(), "--distributed", "--broker-bind",
				"127.0.0.1:" + this.brokerPort);
		await(manager, () -> partitions("1 = 1") == 4, "send its 4 partitions");
		Process first = start("worker-1", "worker", "--job", job.toString(), "--broker",
				"tcp://127.0.0.1:" + this.brokerPort, "--slots", "4");
		await(manager, () -> !uploads().isEmpty(), "begin the large object's multipart upload");
		String leftover = uploads().get(0);

		// when
		first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		Process second = start("worker-2", "worker", "--job", job.toString(), "--broker",
				"tcp://127.0.0.1:" + this.brokerPort, "--slots", "4");

		// then
		assertThat(manager.waitFor(180, TimeUnit.SECONDS)).as(log("manager")).isTrue();
		assertThat(manager.exitValue()).as(log("manager") + log("worker-2")).isZero();
		assertThat(second.waitFor(30, TimeUnit.SECONDS)).as("worker ends with the run").isTrue();
		assertThat(this.s3.listMultipartUploads((list) -> list.bucket(this.fixture.destinationBucket)).uploads())
			.as("the killed worker's upload %s", leftover)
			.isEmpty();
		assertThat(log("worker-2")).contains("Taking over copy-partition")
			.contains("Aborted 1 incomplete multipart upload(s)");
		assertThat(S3TestData.readBytes(this.s3, this.fixture.destinationBucket, LARGE_KEY)).isEqualTo(large);
		assertThat(this.jdbc.queryForList("SELECT STATUS, COUNT(*) AS N FROM BULK_LEDGER GROUP BY STATUS"))
			.containsExactly(Map.of("status", "COPIED", "n", (long) OBJECTS + 1));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM LEDGER_AUDIT", Long.class)).isZero();
		assertThat(this.s3.listObjectsV2Paginator((list) -> list.bucket(this.fixture.destinationBucket)).contents())
			.hasSize(OBJECTS + 1);
	}

	@Test
	void aWorkerStoppedWithSigtermHandsItsPartitionsBackAtAChunkBoundary() throws Exception {
		// given: two workers running two partitions each
		Path job = this.fixture.jobFile("dist-job", "", "", "type: listing",
				"copy:\n  partitions: 4\n  concurrency: 4\n  chunk-size: 20\n");
		auditLedgerUpdates();
		Process manager = start("manager", "copy", "--job", job.toString(), "--distributed", "--broker-bind",
				"127.0.0.1:" + this.brokerPort);
		await(manager, () -> partitions("1 = 1") == 4, "send its 4 partitions");
		Process first = start("worker-1", "worker", "--job", job.toString(), "--broker",
				"tcp://127.0.0.1:" + this.brokerPort, "--slots", "2");
		Process second = start("worker-2", "worker", "--job", job.toString(), "--broker",
				"tcp://127.0.0.1:" + this.brokerPort, "--slots", "2");
		String stopped = first.pid() + "@";
		String other = second.pid() + "@";
		await(manager,
				() -> partitions("o.WORKER_ID LIKE '" + stopped + "%' AND e.COMMIT_COUNT >= 2") == 2
						&& partitions("o.WORKER_ID LIKE '" + other + "%'") == 2,
				"let worker 1 commit chunks of two partitions while worker 2 runs the other two");
		List<Long> handedBack = this.jdbc.queryForList(
				"SELECT STEP_EXECUTION_ID FROM BULK_PARTITION_OWNER WHERE WORKER_ID LIKE '" + stopped + "%'",
				Long.class);

		// when
		first.destroy();

		// then: it leaves after its chunks in flight, with exit code 3
		assertThat(first.waitFor(60, TimeUnit.SECONDS)).as(log("worker-1")).isTrue();
		assertThat(first.exitValue()).as(log("worker-1")).isEqualTo(3);
		assertThat(log("worker-1")).contains("2 partition(s) handed back at a chunk boundary");
		assertThat(manager.waitFor(180, TimeUnit.SECONDS)).as(log("manager")).isTrue();
		assertThat(manager.exitValue()).as(log("manager") + log("worker-2")).isZero();
		assertEveryObjectOnceWithItsBytes();
		assertThat(log("manager")).as("the manager's progress line counts what the workers copy")
			.containsPattern("progress: [1-9][\\d,]*/2,000 objects \\(.*, (?!0\\.0 )[\\d,]+\\.\\d objects/s");
		for (Long partition : handedBack) {
			assertThat(this.jdbc.queryForObject(
					"SELECT TAKEOVERS FROM BULK_PARTITION_OWNER WHERE STEP_EXECUTION_ID = ?", Integer.class, partition))
				.as("claimed again, not taken over from a worker seen gone")
				.isZero();
			Long share = this.jdbc.queryForObject("SELECT OBJECTS FROM BULK_WORKER_SHARE WHERE STEP_EXECUTION_ID = ? "
					+ "AND WORKER_ID LIKE '" + stopped + "%'", Long.class, partition);
			assertThat(share).as("worker 1 wrote whole chunks of 20 objects").isPositive();
			assertThat(share % 20).isZero();
		}
	}

	/**
	 * Points the job at the performance tests' latency relay in front of S3Proxy instead
	 * of the proxy, every request held for {@code latency}.
	 */
	private void throughLatencyRelay(Duration latency) throws IOException {
		this.relay = LatencyRelay.start(LocalS3ProxyTest.s3Proxy().endpoint(), LatencyRelay.Settings.latency(latency));
		this.fixture = new JobFixture(this.dir, this.relay.endpoint(), LocalS3ProxyTest.SOURCE_ACCOUNT,
				this.fixture.sourceBucket, this.fixture.destinationBucket);
		// the fixture points the job database at H2; these tests' is PostgreSQL
		System.setProperty("spring.datasource.url", this.database.url());
	}

	/** The destination's incomplete multipart uploads, by upload id. */
	private List<String> uploads() {
		return this.s3.listMultipartUploads((list) -> list.bucket(this.fixture.destinationBucket))
			.uploads()
			.stream()
			.map((upload) -> upload.uploadId())
			.toList();
	}

	private void assertEveryObjectOnceWithItsBytes() throws IOException {
		assertThat(this.jdbc.queryForList("SELECT STATUS, COUNT(*) AS N FROM BULK_LEDGER GROUP BY STATUS"))
			.containsExactly(Map.of("status", "COPIED", "n", (long) OBJECTS));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM LEDGER_AUDIT", Long.class))
			.as("ledger rows written again after their outcome was recorded")
			.isZero();
		List<Map<String, String>> rows = this.fixture.reportRows("dist-job", 1);
		assertThat(rows).hasSize(OBJECTS).allSatisfy((row) -> assertThat(row.get("Outcome")).isEqualTo("COPIED"));
		assertThat(new HashSet<>(rows.stream().map((row) -> row.get("Key")).toList())).hasSize(OBJECTS);
		assertThat(this.s3.listObjectsV2Paginator((list) -> list.bucket(this.fixture.destinationBucket)).contents())
			.hasSize(OBJECTS);
		for (int i = 0; i < OBJECTS; i += 7) {
			assertThat(S3TestData.readBytes(this.s3, this.fixture.destinationBucket, key(i))).isEqualTo(content(i));
		}
		assertThat(this.s3.listMultipartUploads((list) -> list.bucket(this.fixture.destinationBucket)).uploads())
			.isEmpty();
	}

	/**
	 * Creates the job database's tables and records in them every update of a ledger row
	 * whose outcome was already recorded (none should happen).
	 */
	private void auditLedgerUpdates() {
		new JobDatabase(this.database.dataSource()).initialize();
		this.jdbc.execute("CREATE TABLE IF NOT EXISTS LEDGER_AUDIT (ROW_KEY BIGINT, OLD_STATUS VARCHAR(32), "
				+ "NEW_STATUS VARCHAR(32))");
		this.jdbc.execute("""
				CREATE OR REPLACE FUNCTION ledger_audit() RETURNS trigger AS $$
				BEGIN
				  IF OLD.STATUS <> 'PENDING' AND OLD.STATUS <> 'FAILED' THEN
				    INSERT INTO LEDGER_AUDIT VALUES (OLD.ROW_KEY, OLD.STATUS, NEW.STATUS);
				  END IF;
				  RETURN NEW;
				END $$ LANGUAGE plpgsql""");
		this.jdbc.execute("DROP TRIGGER IF EXISTS ledger_audit ON BULK_LEDGER");
		this.jdbc.execute("CREATE TRIGGER ledger_audit BEFORE UPDATE OF STATUS ON BULK_LEDGER FOR EACH ROW "
				+ "EXECUTE FUNCTION ledger_audit()");
	}

	private long partitions(String where) {
		try {
			Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION e LEFT JOIN "
					+ "BULK_PARTITION_OWNER o ON o.STEP_EXECUTION_ID = e.STEP_EXECUTION_ID WHERE e.STEP_NAME LIKE "
					+ "'copy-partition:%' AND " + where, Long.class);
			return (count != null) ? count : 0;
		}
		catch (RuntimeException ex) {
			return 0; // the schema is not there yet
		}
	}

	private long copied() {
		try {
			Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM BULK_LEDGER WHERE STATUS = 'COPIED'",
					Long.class);
			return (count != null) ? count : 0;
		}
		catch (RuntimeException ex) {
			return 0;
		}
	}

	private Process start(String name, String... args) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx256m");
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-Dspring.datasource.url=" + this.database.url());
		command.add("-Dspring.datasource.username=" + LocalPostgres.Database.USER);
		command.add("-Daws.accessKeyId=" + System.getProperty("aws.accessKeyId"));
		command.add("-Daws.secretAccessKey=" + System.getProperty("aws.secretAccessKey"));
		command.add("-Daws.disableEc2Metadata=true");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(Main.class.getName());
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).directory(this.dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.dir.resolve(name + ".log").toFile())
			.start();
		this.children.add(process);
		return process;
	}

	private void await(Process child, BooleanSupplier done, String what) throws Exception {
		// Generous: three worker JVMs start slowly on a busy two-core machine
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
		while (System.nanoTime() < deadline) {
			if (done.getAsBoolean()) {
				return;
			}
			if (!child.isAlive()) {
				fail("the manager ended before it could " + what + ":\n" + log("manager"));
			}
			Thread.sleep(100);
		}
		fail("the run did not " + what + " in time:\n" + log("manager"));
	}

	private String log(String name) {
		try {
			Path file = this.dir.resolve(name + ".log");
			return Files.exists(file) ? name + ":\n" + Files.readString(file, StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	private static String key(int i) {
		return String.format("data/%02d/object-%05d.bin", i % 10, i);
	}

	private static byte[] content(int i) {
		return ("object " + i + " ").repeat(1 + i % 50).getBytes(StandardCharsets.UTF_8);
	}

}
