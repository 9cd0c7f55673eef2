package io.github.s3bulkcopy.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.demo.InventoryReportBuilder;
import io.github.s3bulkcopy.testsupport.FaultInjectingProxy;
import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler with a one-second cron, one tick per invocation: each tick takes the
 * newest inventory report, does nothing when it was already copied, copies only new and
 * changed objects, and resumes a run a tick left failed. Once a run of the job has
 * completed, scheduled runs skip unchanged objects without {@code copy.skip-existing}.
 */
class ScheduleFunctionalTests implements LocalS3ProxyTest {

	@TempDir
	Path dir;

	private final S3Client s3 = LocalS3ProxyTest.sourceClient();

	@Test
	void eachTickTakesTheNewestInventoryAndCopiesOnlyWhatChanged() throws Exception {
		JobFixture fixture = seeded("sched", 10);
		Path inventory = this.dir.resolve("inventory");
		Path folder = inventory.resolve("inv/" + fixture.sourceBucket + "/daily");
		writeInventory(this.s3, fixture.sourceBucket, inventory, "2026-11-01T01:00:00Z");
		Path job = fixture.jobFile("nightly", "", "", "type: inventory\nlocation: " + folder + "/",
				"copy:\n  skip-existing: true\nschedule:\n  cron: \"* * * * * *\"\n");

		JobFixture.Result first = fixture.run("schedule", "--job", job.toString(), "--max-runs", "1");

		assertThat(first.exitCode()).as(first.toString()).isZero();
		assertThat(first.out()).contains("Run 1 of job nightly: COMPLETED").contains("10 copied");

		JobFixture.Result idle = fixture.run("schedule", "--job", job.toString(), "--max-runs", "1");

		assertThat(idle.out()).contains("nothing new for job nightly: the newest inventory report, " + folder
				+ "/2026-11-01T01-00Z/manifest.json, was copied by run 1");
		assertThat(fixture.run("status", "--job", job.toString()).out()).doesNotContain("     2  ");

		S3TestData.put(this.s3, fixture.sourceBucket, "data/3.txt", "changed content of 3");
		S3TestData.put(this.s3, fixture.sourceBucket, "data/new-a.txt", "new a");
		S3TestData.put(this.s3, fixture.sourceBucket, "data/new-b.txt", "new b");
		writeInventory(this.s3, fixture.sourceBucket, inventory, "2026-11-02T01:00:00Z");

		JobFixture.Result second = fixture.run("schedule", "--job", job.toString(), "--max-runs", "1");

		assertThat(second.exitCode()).as(second.toString()).isZero();
		assertThat(second.out()).contains("Run 2 of job nightly: COMPLETED").contains("3 copied, 9 skipped");
		List<Map<String, String>> rows = fixture.reportRows("nightly", 2);
		assertThat(rows.stream().filter((row) -> row.get("Outcome").equals("COPIED")).map((row) -> row.get("Key")))
			.containsExactlyInAnyOrder("data/3.txt", "data/new-a.txt", "data/new-b.txt");
		assertThat(Files.readString(fixture.reports().resolve("nightly/2/summary.json")))
			.contains("2026-11-02T01-00Z/manifest.json");
		assertThat(S3TestData.readString(this.s3, fixture.destinationBucket, "data/3.txt"))
			.isEqualTo("changed content of 3");

		S3TestData.put(this.s3, fixture.sourceBucket, "data/new-c.txt", "new c");
		writeInventory(this.s3, fixture.sourceBucket, inventory, "2026-11-03T01:00:00Z");
		Files.createDirectories(fixture.reports());
		Files.writeString(fixture.reports().resolve("nightly/3"), "a file where run 3's report folder should be");

		JobFixture.Result failing = fixture.run("schedule", "--job", job.toString(), "--max-runs", "1");

		assertThat(failing.out()).contains("Run 3 of job nightly").contains("FAILED");
		Files.delete(fixture.reports().resolve("nightly/3"));

		JobFixture.Result resumed = fixture.run("schedule", "--job", job.toString(), "--max-runs", "1");

		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(resumed.out()).contains("Run 3 of job nightly (resumed): COMPLETED");
		assertThat(Files.readString(fixture.reports().resolve("nightly/3/summary.json")))
			.contains("2026-11-03T01-00Z/manifest.json");
		JsonNode index = JsonMapper.builder()
			.build()
			.readTree(fixture.reports().resolve("nightly/index.json").toFile());
		assertThat(index).hasSize(3);
		assertThat(index.get(0).get("run").asLong()).isEqualTo(3);
		assertThat(index.get(0).get("status").asString()).isEqualTo("COMPLETED");
		assertThat(index.get(1).get("objects").get("copied").asLong()).isEqualTo(3);
		assertThat(index.get(2).get("manifest").asString()).endsWith("2026-11-01T01-00Z/manifest.json");
		String html = Files.readString(fixture.reports().resolve("nightly/index.html"));
		assertThat(html).contains("Runs of job nightly").contains("href=\"2/report.html\"");
		javax.xml.parsers.DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(fixture.reports().resolve("nightly/index.html").toFile());
	}

	@Test
	void scheduledRunsAfterTheFirstSkipUnchangedObjectsUnlessTheJobFileSaysNot() throws Exception {
		JobFixture fixture = seeded("incr", 5);
		String schedule = "schedule:\n  cron: \"* * * * * *\"\n";
		Path job = fixture.jobFile("incremental", "", "", "type: listing", schedule);

		JobFixture.Result first = fixture.run("schedule", "--job", job.toString(), "--max-runs", "1");

		assertThat(first.exitCode()).as(first.toString()).isZero();
		assertThat(first.out()).contains("Run 1 of job incremental: COMPLETED").contains("5 copied, 0 skipped");

		S3TestData.put(this.s3, fixture.sourceBucket, "data/2.txt", "changed content of 2");
		S3TestData.put(this.s3, fixture.sourceBucket, "data/new.txt", "new");

		JobFixture.Result second = fixture.run("schedule", "--job", job.toString(), "--max-runs", "1");

		assertThat(second.exitCode()).as(second.toString()).isZero();
		assertThat(second.out()).contains("Run 2 of job incremental: COMPLETED").contains("2 copied, 4 skipped");
		List<Map<String, String>> rows = fixture.reportRows("incremental", 2);
		assertThat(rows.stream().filter((row) -> row.get("Outcome").equals("COPIED")).map((row) -> row.get("Key")))
			.containsExactlyInAnyOrder("data/2.txt", "data/new.txt");
		assertThat(rows.stream().filter((row) -> row.get("Outcome").equals("SKIPPED_UNCHANGED"))).hasSize(4);
		assertThat(S3TestData.readString(this.s3, fixture.destinationBucket, "data/2.txt"))
			.isEqualTo("changed content of 2");

		// A run by hand follows the job file alone, which does not ask to skip.
		JobFixture.Result byHand = fixture.run("copy", "--job", job.toString());

		assertThat(byHand.out()).as(byHand.toString()).contains("Run 3 of job incremental").contains("6 copied");

		Path everything = fixture.jobFile("everything", "", "", "type: listing",
				"copy:\n  skip-existing: false\n" + schedule);
		fixture.run("schedule", "--job", everything.toString(), "--max-runs", "1");

		JobFixture.Result again = fixture.run("schedule", "--job", everything.toString(), "--max-runs", "1");

		assertThat(again.exitCode()).as(again.toString()).isZero();
		assertThat(again.out()).contains("Run 2 of job everything: COMPLETED").contains("6 copied, 0 skipped");
	}

	@Test
	void aResumedScheduledRunSkipsAsItDidWhenItStarted() throws Exception {
		JobFixture onServer = seeded("resume", 5);
		try (FaultInjectingProxy proxy = new FaultInjectingProxy(LocalS3ProxyTest.s3Proxy().endpoint(), 0, 0)) {
			JobFixture fixture = onServer.through(proxy.endpoint());
			// One partition, one chunk: a run-level failure of one object leaves every
			// object of the run pending.
			Path job = fixture.jobFile("resumed", "", "", "type: listing",
					"copy:\n  partitions: 1\n  chunk-size: 100\n  max-attempts: 1\n"
							+ "schedule:\n  cron: \"* * * * * *\"\n");
			JobFixture.Result first = fixture.run("schedule", "--job", job.toString(), "--max-runs", "1");
			assertThat(first.out()).as(first.toString()).contains("5 copied, 0 skipped");
			S3TestData.put(this.s3, fixture.sourceBucket, "data/new.txt", "new");
			proxy.answer("PUT /" + fixture.destinationBucket + "/data/new.txt", 500, "InternalError", Map.of());

			JobFixture.Result failed = fixture.run("schedule", "--job", job.toString(), "--max-runs", "1");

			assertThat(failed.out()).as(failed.toString()).contains("Run 2 of job resumed").contains("FAILED");
			proxy.clearAnswers();

			// Resumed by hand: the job file does not ask to skip, the run that started on
			// schedule did.
			JobFixture.Result resumed = fixture.run("copy", "--job", job.toString());

			assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
			assertThat(resumed.out()).contains("Run 2 of job resumed (resumed): COMPLETED")
				.contains("1 copied, 5 skipped");
		}
	}

	/** Writes an inventory report of the source as it is now, dated {@code created}. */
	/**
	 * A fixture on the shared S3Proxy whose source bucket holds {@code data/0.txt} to
	 * {@code data/<count - 1>.txt}, each {@code object <i>}.
	 */
	private JobFixture seeded(String hint, int count) {
		JobFixture fixture = JobFixture.onS3Proxy(this.dir, hint);
		for (int i = 0; i < count; i++) {
			S3TestData.put(this.s3, fixture.sourceBucket, "data/" + i + ".txt", "object " + i);
		}
		return fixture;
	}

	private static void writeInventory(S3Client s3, String source, Path root, String created) throws IOException {
		InventoryReportBuilder builder = new InventoryReportBuilder(source, "inventory-bucket", "inv", 100);
		for (S3Object object : s3.listObjectsV2Paginator((list) -> list.bucket(source)).contents()) {
			builder.add(new InventoryReportBuilder.Row(object.key(), object.size(), S3TestData.unquoted(object.eTag()),
					false));
		}
		for (Map.Entry<String, byte[]> file : builder.build(Instant.parse(created)).files().entrySet()) {
			Path path = root.resolve(file.getKey());
			Files.createDirectories(path.getParent());
			Files.write(path, file.getValue());
		}
	}

}
