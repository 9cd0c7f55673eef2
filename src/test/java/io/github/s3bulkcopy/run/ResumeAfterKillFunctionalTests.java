package io.github.s3bulkcopy.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.s3bulkcopy.testsupport.FaultInjectingProxy;
import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LedgerTotals;
import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run killed with SIGKILL in the middle of its copy step, in a real child JVM, then
 * resumed by running the same command again: every object lands once with the right
 * bytes, the report lists each object exactly once, and no object whose chunk had
 * committed is copied again.
 */
class ResumeAfterKillFunctionalTests implements LocalS3ProxyTest {

	private static final int OBJECTS = 2000;

	@TempDir
	Path dir;

	@Test
	void killedRunResumesWithoutCopyingCommittedChunksAgain() throws Exception {
		// given
		S3Client s3 = LocalS3ProxyTest.sourceClient();
		JobFixture fixture = seeded("kill", OBJECTS);
		String destination = fixture.destinationBucket;
		Path job = fixture.jobFile("kill-job", "", "", "type: listing",
				"copy:\n  partitions: 2\n  concurrency: 2\n  chunk-size: 20\n");

		// when: a child JVM runs the job and is killed once a few hundred objects have
		// landed
		Process child = startChild(fixture, job);
		waitForDestinationObjects(fixture, s3, destination, 300, child);
		child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		int landedBeforeKill = countObjects(s3, destination);
		assertThat(landedBeforeKill).as("the kill came before the copy step ended").isLessThan(OBJECTS);
		Map<String, Timestamp> committed = committedCopies(fixture);
		assertThat(committed).as("some chunks had committed before the kill").isNotEmpty();
		assertThat(LedgerTotals.assertKeptForEveryRun(fixture.databaseUrl()).get(0).copied())
			.isEqualTo(committed.size());
		String pendingKey = pendingDestinationKey(fixture);
		String leftover = s3.createMultipartUpload((create) -> create.bucket(destination).key(pendingKey)).uploadId();
		String foreign = s3.createMultipartUpload((create) -> create.bucket(destination).key("another-tool/upload"))
			.uploadId();
		Instant killed = Instant.now();
		Thread.sleep(1100);
		// The child was slowed down to be killed in time; the resume may go faster (a
		// changed job file is allowed).
		fixture.jobFile("kill-job", "", "", "type: listing", "copy:\n  partitions: 2\n  concurrency: 16\n");

		JobFixture.Result resumed = fixture.run("copy", "--job", job.toString());

		// then
		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(resumed.out()).contains("Run 1 of job kill-job (resumed)");
		assertThat(s3.listMultipartUploads((list) -> list.bucket(destination)).uploads())
			.as("the killed run's upload was aborted, another tool's was left alone")
			.extracting((upload) -> upload.uploadId())
			.containsExactly(foreign)
			.doesNotContain(leftover);
		s3.abortMultipartUpload((abort) -> abort.bucket(destination).key("another-tool/upload").uploadId(foreign));
		Map<String, Instant> lastModified = new HashMap<>();
		for (S3Object object : s3.listObjectsV2Paginator((list) -> list.bucket(destination)).contents()) {
			lastModified.put(object.key(), object.lastModified());
		}
		lastModified.remove("another-tool/upload");
		assertThat(lastModified).hasSize(OBJECTS);
		for (int i = 0; i < OBJECTS; i += 97) {
			assertThat(S3TestData.readBytes(s3, destination, key(i))).isEqualTo(content(i));
		}
		Map<String, Timestamp> afterResume = committedCopies(fixture);
		for (Map.Entry<String, Timestamp> copy : committed.entrySet()) {
			assertThat(afterResume.get(copy.getKey())).as("ledger row of %s", copy.getKey()).isEqualTo(copy.getValue());
			assertThat(lastModified.get(copy.getKey())).as("%s was not copied again", copy.getKey()).isBefore(killed);
		}
		List<Map<String, String>> rows = fixture.reportRows("kill-job", 1);
		assertThat(rows).hasSize(OBJECTS);
		assertThat(new HashSet<>(rows.stream().map((row) -> row.get("Key")).toList())).hasSize(OBJECTS);
		assertThat(rows).allSatisfy((row) -> assertThat(row.get("Outcome")).isEqualTo("COPIED"));
		assertThat(LedgerTotals.assertKeptForEveryRun(fixture.databaseUrl()).get(0).copied()).isEqualTo(OBJECTS);
	}

	@Test
	void sigtermStopsTheRunAfterItsChunksInFlightWithExitCodeThreeAndTheRunResumes() throws Exception {
		S3Client s3 = LocalS3ProxyTest.sourceClient();
		JobFixture fixture = seeded("term", OBJECTS);
		Path job = fixture.jobFile("term-job", "", "", "type: listing",
				"copy:\n  partitions: 2\n  concurrency: 2\n  chunk-size: 20\n");

		Process child = startChild(fixture, job);
		waitForDestinationObjects(fixture, s3, fixture.destinationBucket, 300, child);
		child.destroy();
		assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child stopped in time").isTrue();

		String log = Files.readString(this.dir.resolve("child.log"), StandardCharsets.UTF_8);
		assertThat(child.exitValue()).as(log).isEqualTo(3);
		assertThat(log).contains("SIGTERM: stopping").contains("STOPPED: run the same command again");
		assertThat(countObjects(s3, fixture.destinationBucket)).isLessThan(OBJECTS);
		assertThat(fixture.run("status", "--job", job.toString()).out()).contains("STOPPED");
		fixture.jobFile("term-job", "", "", "type: listing", "copy:\n  partitions: 2\n  concurrency: 16\n");

		JobFixture.Result resumed = fixture.run("copy", "--job", job.toString());

		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(resumed.out()).contains("(resumed)");
		assertThat(countObjects(s3, fixture.destinationBucket)).isEqualTo(OBJECTS);
		List<Map<String, String>> rows = fixture.reportRows("term-job", 1);
		assertThat(rows).hasSize(OBJECTS);
		assertThat(new HashSet<>(rows.stream().map((row) -> row.get("Key")).toList())).hasSize(OBJECTS);
	}

	@Test
	void killedWhilePlanningResumesThePlanWithoutLosingOrRepeatingAnObject() throws Exception {
		S3Client s3 = LocalS3ProxyTest.sourceClient();
		int objects = 3000;
		JobFixture onServer = seeded("plan", objects);
		try (FaultInjectingProxy proxy = new FaultInjectingProxy(LocalS3ProxyTest.s3Proxy().endpoint(), 0, 0)) {
			// Each listing request is held back 1.5 s, so the plan takes several seconds.
			// Requests 1 and 2 look for a single folder to descend into (the root holds
			// only data/), and the answer to 2 is page 1 of data/; then come its other
			// pages, one after another: request 4 (page 3) goes out when page 2 arrives,
			// by which time page 1's chunk has committed and page 3's, the last, has not.
			proxy.delay("list-type=2", 1500);
			JobFixture fixture = onServer.through(proxy.endpoint());
			Path job = fixture.jobFile("plan-kill", "", "", "type: listing", "");
			Process child = startChild(fixture, job);
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (proxy.delayed() < 4 && System.nanoTime() < deadline && child.isAlive()) {
				Thread.sleep(20);
			}
			Thread.sleep(300);
			child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			long planned = ledgerRows(fixture);
			assertThat(planned).as("killed in the middle of the plan").isGreaterThan(0).isLessThan(objects);
			assertThat(LedgerTotals.assertKeptForEveryRun(fixture.databaseUrl()).get(0).total()).isEqualTo(planned);
			assertThat(countObjects(s3, fixture.destinationBucket)).isZero();
			proxy.delay("list-type=2", 0);

			JobFixture.Result resumed = fixture.run("copy", "--job", job.toString());

			assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
			assertThat(resumed.out()).contains("(resumed)").contains("3,000 planned, 3,000 copied");
			assertThat(countObjects(s3, fixture.destinationBucket)).isEqualTo(objects);
			List<Map<String, String>> rows = fixture.reportRows("plan-kill", 1);
			assertThat(rows).hasSize(objects);
			assertThat(new HashSet<>(rows.stream().map((row) -> row.get("Key")).toList())).hasSize(objects);
			assertThat(ledgerRows(fixture)).isEqualTo(objects);
			assertThat(LedgerTotals.assertKeptForEveryRun(fixture.databaseUrl()).get(0).copied()).isEqualTo(objects);
		}
	}

	@Test
	void killedWhileWritingTheReportResumesAndWritesTheWholeSet() throws Exception {
		S3Client s3 = LocalS3ProxyTest.sourceClient();
		String reportBucket = S3TestData.createBucket(s3, "rep-reports");
		JobFixture onServer = seeded("rep", OBJECTS);
		try (FaultInjectingProxy proxy = new FaultInjectingProxy(LocalS3ProxyTest.s3Proxy().endpoint(), 0, 0)) {
			// Uploads of the report set are held back, so the kill lands while the report
			// step writes.
			proxy.delay("PUT /" + reportBucket + "/", 3000);
			JobFixture fixture = onServer.through(proxy.endpoint());
			Path job = fixture.jobFile("report-kill", "", "", "type: listing", "");
			Files.writeString(job,
					Files.readString(job)
						.replaceFirst("(?m)^  location: .*$", "  location: s3://" + reportBucket
								+ "/audit/\n  local-directory: " + fixture.reports().toAbsolutePath()));
			Process child = startChild(fixture, job);
			// A child JVM copies 2,000 objects first: on a busy 2-core machine that took
			// over a minute.
			long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
			while (proxy.delayed() < 1 && System.nanoTime() < deadline && child.isAlive()) {
				Thread.sleep(20);
			}
			assertThat(proxy.delayed()).as("the report upload had started").isPositive();
			child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			assertThat(countObjects(s3, fixture.destinationBucket)).isEqualTo(OBJECTS);
			proxy.delay("PUT /" + reportBucket + "/", 0);

			JobFixture.Result resumed = fixture.run("copy", "--job", job.toString());

			assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
			assertThat(resumed.out()).contains("Run 1 of job report-kill (resumed)")
				.contains("2,000 planned, 2,000 copied");
			List<String> uploaded = s3.listObjectsV2Paginator((list) -> list.bucket(reportBucket))
				.contents()
				.stream()
				.map((object) -> object.key())
				.toList();
			assertThat(uploaded).contains("audit/report-kill/1/completion-report.csv",
					"audit/report-kill/1/summary.json", "audit/report-kill/1/SHA256SUMS");
			assertThat(fixture.reportRows("report-kill", 1)).hasSize(OBJECTS);
			assertThat(
					fixture.run("report", "verify", fixture.reports().resolve("report-kill/1").toString()).exitCode())
				.isZero();
		}
	}

	/**
	 * A fixture on the shared S3Proxy whose source bucket holds the first {@code count}
	 * objects of {@link #key} and {@link #content}.
	 */
	private JobFixture seeded(String hint, int count) {
		JobFixture fixture = JobFixture.onS3Proxy(this.dir, hint);
		S3TestData.putMany(LocalS3ProxyTest.sourceAsyncClient(), fixture.sourceBucket, count,
				ResumeAfterKillFunctionalTests::key, ResumeAfterKillFunctionalTests::content);
		return fixture;
	}

	private static long ledgerRows(JobFixture fixture) throws SQLException {
		try (Connection connection = DriverManager.getConnection(fixture.databaseUrl(), "sa", "");
				ResultSet rs = connection.createStatement()
					.executeQuery("SELECT COUNT(*), COUNT(DISTINCT SEQ), MAX(SEQ) FROM BULK_LEDGER")) {
			rs.next();
			assertThat(rs.getLong(2)).as("sequence numbers are unique").isEqualTo(rs.getLong(1));
			assertThat(rs.getLong(3)).as("sequence numbers are dense").isEqualTo(rs.getLong(1));
			return rs.getLong(1);
		}
	}

	private static String pendingDestinationKey(JobFixture fixture) throws SQLException {
		try (Connection connection = DriverManager.getConnection(fixture.databaseUrl(), "sa", "");
				ResultSet rs = connection.createStatement()
					.executeQuery(
							"SELECT DESTINATION_KEY FROM BULK_LEDGER WHERE STATUS = 'PENDING' ORDER BY SEQ DESC")) {
			assertThat(rs.next()).as("a pending object").isTrue();
			return rs.getString(1);
		}
	}

	@Test
	void sigtermToTheSchedulerStopsItsRunResumably() throws Exception {
		S3Client s3 = LocalS3ProxyTest.sourceClient();
		JobFixture fixture = seeded("sched-term", OBJECTS);
		Path job = fixture.jobFile("sched-term", "", "", "type: listing",
				"copy:\n  partitions: 2\n  concurrency: 2\n  chunk-size: 20\n");

		Process child = startChild(fixture, "schedule", "--job", job.toString(), "--cron", "* * * * * *");
		waitForDestinationObjects(fixture, s3, fixture.destinationBucket, 300, child);
		child.destroy();
		assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the scheduler stopped in time").isTrue();

		String log = Files.readString(this.dir.resolve("child.log"), StandardCharsets.UTF_8);
		assertThat(child.exitValue()).as(log).isEqualTo(3);
		assertThat(log).contains("SIGTERM: stopping").contains("schedule stopped");
		assertThat(fixture.run("status", "--job", job.toString()).out()).contains("STOPPED");
		fixture.jobFile("sched-term", "", "", "type: listing", "copy:\n  partitions: 2\n  concurrency: 16\n");

		JobFixture.Result resumed = fixture.run("copy", "--job", job.toString());

		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(resumed.out()).contains("Run 1 of job sched-term (resumed)");
		assertThat(countObjects(s3, fixture.destinationBucket)).isEqualTo(OBJECTS);
	}

	private Process startChild(JobFixture fixture, Path job) throws IOException {
		return startChild(fixture, "copy", "--job", job.toString());
	}

	private Process startChild(JobFixture fixture, String... args) throws IOException {
		return fixture.startChild(args);
	}

	private void waitForDestinationObjects(JobFixture fixture, S3Client s3, String bucket, int count, Process child)
			throws Exception {
		fixture.awaitChild(child, () -> countObjects(s3, bucket) >= count, "copy " + count + " objects");
	}

	private static int countObjects(S3Client s3, String bucket) {
		return (int) s3.listObjectsV2Paginator((list) -> list.bucket(bucket)).contents().stream().count();
	}

	/** Source key to FINISHED_AT of every object the ledger records as copied. */
	private static Map<String, Timestamp> committedCopies(JobFixture fixture) throws SQLException {
		Map<String, Timestamp> copies = new HashMap<>();
		try (Connection connection = DriverManager.getConnection(fixture.databaseUrl(), "sa", "");
				ResultSet rs = connection.createStatement()
					.executeQuery("SELECT SOURCE_KEY, FINISHED_AT FROM BULK_LEDGER WHERE STATUS = 'COPIED'")) {
			while (rs.next()) {
				copies.put(rs.getString(1), rs.getTimestamp(2));
			}
		}
		return copies;
	}

	private static String key(int i) {
		return String.format("data/%05d.bin", i);
	}

	private static byte[] content(int i) {
		return ("object " + i + " " + "x".repeat(i % 50)).getBytes(StandardCharsets.UTF_8);
	}

}
