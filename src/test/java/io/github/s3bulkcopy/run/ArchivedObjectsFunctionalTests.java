package io.github.s3bulkcopy.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.demo.InventoryReportBuilder;
import io.github.s3bulkcopy.testsupport.FaultInjectingProxy;
import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.StorageClass;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Archived source objects (GLACIER, DEEP_ARCHIVE, Intelligent-Tiering archive tiers) are
 * skipped as SKIPPED_ARCHIVED, or, with {@code copy.restore}, restored and copied by a
 * later run. S3Proxy stores the storage class an object is PUT with and answers it on
 * HEAD, but copies archived objects as any other and has no RestoreObject; so a proxy
 * answers on the wire what S3 answers and S3Proxy cannot: InvalidObjectState to a copy of
 * an archived object, 202 to RestoreObject, 409 RestoreAlreadyInProgress, and the
 * {@code x-amz-restore} and {@code x-amz-archive-status} headers of HEAD answers.
 */
class ArchivedObjectsFunctionalTests implements LocalS3ProxyTest {

	private static final String RESTORED = "ongoing-request=\"false\", expiry-date=\"Fri, 11 Dec 2026 00:00:00 GMT\"";

	@TempDir
	Path dir;

	private final S3Client s3 = LocalS3ProxyTest.sourceClient();

	private JobFixture fixture;

	@BeforeEach
	void buckets() {
		this.fixture = JobFixture.onS3Proxy(this.dir, "arch");
		put("plain-1.txt", StorageClass.STANDARD);
		put("plain-2.txt", StorageClass.STANDARD);
		put("glacier-1.txt", StorageClass.GLACIER);
		put("glacier-2.txt", StorageClass.GLACIER);
		put("deep-1.txt", StorageClass.DEEP_ARCHIVE);
		put("tiered-1.txt", StorageClass.INTELLIGENT_TIERING);
	}

	@Test
	void archivedObjectsAreSkippedNotFailedAndTheDryRunCountsThem() throws IOException {
		Path manifest = writeInventory().resolve(reportManifestKey());
		try (FaultInjectingProxy proxy = new FaultInjectingProxy(LocalS3ProxyTest.s3Proxy().endpoint(), 0, 0)) {
			// The manifest names it INTELLIGENT_TIERING only: the copy is what finds it
			// archived.
			proxy.answer("PUT /" + this.fixture.destinationBucket + "/tiered-1.txt ", 403, "InvalidObjectState",
					Map.of());
			JobFixture proxied = this.fixture.through(proxy.endpoint());
			// Not one failure is tolerated: archived objects are not failures.
			Path job = proxied.jobFile("archived", "", "", "type: inventory\nlocation: " + manifest,
					"copy:\n  max-failures: 0\n");

			JobFixture.Result dryRun = proxied.run("copy", "--job", job.toString(), "--dry-run");

			assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
			assertThat(dryRun.out()).contains("objects: 6")
				.contains("archived: 3 objects, " + 3 * 13 + " B (GLACIER, DEEP_ARCHIVE in the manifest): not copied "
						+ "unless already restored");

			JobFixture.Result result = proxied.run("copy", "--job", job.toString());

			assertThat(result.exitCode()).as(result.toString()).isZero();
			assertThat(result.out()).contains("2 copied")
				.contains("0 failed")
				.contains("archived:     4 not copied: archived and not restored (SKIPPED_ARCHIVED)");
			Map<String, Map<String, String>> rows = rows(proxied, "archived", 1);
			assertThat(rows.get("plain-1.txt").get("Outcome")).isEqualTo("COPIED");
			for (String key : List.of("glacier-1.txt", "glacier-2.txt", "deep-1.txt", "tiered-1.txt")) {
				Map<String, String> row = rows.get(key);
				assertThat(row.get("Outcome")).as(key).isEqualTo("SKIPPED_ARCHIVED");
				assertThat(row.get("TaskStatus")).as(key).isEqualTo("skipped");
				assertThat(row.get("ErrorCode")).as(key).isEmpty();
				assertThat(row.get("ResultMessage")).as(key).contains("copy.restore");
				assertThatExceptionOfType(NoSuchKeyException.class).as(key)
					.isThrownBy(() -> S3TestData.readString(this.s3, this.fixture.destinationBucket, key));
			}
			assertThat(rows.get("glacier-1.txt").get("ResultMessage")).startsWith("Skipped: archived in GLACIER");
			assertThat(rows.get("deep-1.txt").get("ResultMessage")).startsWith("Skipped: archived in DEEP_ARCHIVE");
			assertThat(S3TestData.readString(this.s3, this.fixture.destinationBucket, "plain-2.txt"))
				.isEqualTo(content("plain-2.txt"));
			JsonNode objects = summary(proxied, "archived", 1).get("objects");
			assertThat(objects.get("archived").asLong()).isEqualTo(4);
			assertThat(objects.get("failed").asLong()).isZero();
			assertThat(objects.get("restorePending").asLong()).isZero();
			assertThat(Files.readString(proxied.reports().resolve("archived/1/report.html")))
				.contains("Archived (not copied)");
		}
	}

	@Test
	void restoresAreRequestedAndALaterRunCopiesTheRestoredObjects() throws IOException {
		Path folder = writeInventory().resolve("inv/" + this.fixture.sourceBucket + "/daily");
		try (FaultInjectingProxy proxy = new FaultInjectingProxy(LocalS3ProxyTest.s3Proxy().endpoint(), 0, 0)) {
			proxy.succeed("POST /" + this.fixture.sourceBucket + "/glacier-1.txt?restore", 202);
			proxy.addAnswerHeaders("HEAD /" + this.fixture.sourceBucket + "/glacier-2.txt ",
					Map.of("x-amz-restore", "ongoing-request=\"true\""));
			proxy.answer("POST /" + this.fixture.sourceBucket + "/deep-1.txt?restore", 409, "RestoreAlreadyInProgress",
					Map.of());
			proxy.answer("PUT /" + this.fixture.destinationBucket + "/tiered-1.txt ", 403, "InvalidObjectState",
					Map.of());
			proxy.addAnswerHeaders("HEAD /" + this.fixture.sourceBucket + "/tiered-1.txt ",
					Map.of("x-amz-archive-status", "ARCHIVE_ACCESS"));
			proxy.succeed("POST /" + this.fixture.sourceBucket + "/tiered-1.txt?restore", 202);
			JobFixture proxied = this.fixture.through(proxy.endpoint());
			Path job = proxied.jobFile("restore", "", "", "type: inventory\nlocation: " + folder + "/",
					"copy:\n  max-failures: 0\n  restore:\n    days: 3\n    tier: bulk\n");

			JobFixture.Result first = proxied.run("copy", "--job", job.toString());

			assertThat(first.exitCode()).as(first.toString()).isZero();
			assertThat(first.out()).contains("2 copied")
				.contains("0 failed")
				.contains("restores:     4 pending (RESTORE_PENDING): a later run (or the next scheduled tick) copies "
						+ "them once restored");
			Map<String, Map<String, String>> rows = rows(proxied, "restore", 1);
			for (String key : List.of("glacier-1.txt", "glacier-2.txt", "deep-1.txt", "tiered-1.txt")) {
				assertThat(rows.get(key).get("Outcome")).as(key).isEqualTo("RESTORE_PENDING");
				assertThat(rows.get(key).get("TaskStatus")).as(key).isEqualTo("skipped");
			}
			assertThat(rows.get("glacier-1.txt").get("ResultMessage"))
				.contains("restore requested (tier bulk, 3 days)");
			assertThat(rows.get("glacier-2.txt").get("ResultMessage")).contains("a restore is under way");
			assertThat(rows.get("deep-1.txt").get("ResultMessage")).contains("RestoreAlreadyInProgress");
			assertThat(rows.get("tiered-1.txt").get("ResultMessage"))
				.contains("INTELLIGENT_TIERING (ARCHIVE_ACCESS), restore requested (tier bulk)");
			Map<String, String> restores = new HashMap<>();
			proxy.answered()
				.stream()
				.filter((request) -> request.requestLine().startsWith("POST "))
				.forEach((request) -> restores.put(request.requestLine().split("[ ?]")[1], request.body()));
			// No new restore for the one under way; Intelligent-Tiering takes a tier but
			// no days.
			assertThat(restores).containsOnlyKeys("/" + this.fixture.sourceBucket + "/glacier-1.txt",
					"/" + this.fixture.sourceBucket + "/deep-1.txt", "/" + this.fixture.sourceBucket + "/tiered-1.txt");
			assertThat(restores.get("/" + this.fixture.sourceBucket + "/glacier-1.txt")).contains("<Days>3</Days>")
				.contains("<Tier>Bulk</Tier>");
			assertThat(restores.get("/" + this.fixture.sourceBucket + "/tiered-1.txt")).contains("<Tier>Bulk</Tier>")
				.doesNotContain("<Days>");
			assertThat(summary(proxied, "restore", 1).get("objects").get("restorePending").asLong()).isEqualTo(4);

			// The restores finish: a restored copy is there to read, the tiered object is
			// back in Frequent Access.
			proxy.clearAnswers();
			for (String key : List.of("glacier-1.txt", "glacier-2.txt", "deep-1.txt")) {
				proxy.addAnswerHeaders("HEAD /" + this.fixture.sourceBucket + "/" + key + " ",
						Map.of("x-amz-restore", RESTORED));
			}
			JobFixture.Result second = proxied.run("copy", "--job", job.toString());

			assertThat(second.exitCode()).as(second.toString()).isZero();
			assertThat(second.out()).contains("Run 2 of job restore").contains("6 copied").doesNotContain("restores:");
			assertThat(rows(proxied, "restore", 2).values()).extracting((row) -> row.get("Outcome"))
				.containsOnly("COPIED");
			for (String key : List.of("glacier-1.txt", "glacier-2.txt", "deep-1.txt", "tiered-1.txt")) {
				assertThat(S3TestData.readString(this.s3, this.fixture.destinationBucket, key)).as(key)
					.isEqualTo(content(key));
			}

			// Nothing left pending: the same report is not run again.
			JobFixture.Result third = proxied.run("copy", "--job", job.toString());
			assertThat(third.exitCode()).as(third.toString()).isZero();
			assertThat(third.out() + third.err()).contains("nothing new");
		}
	}

	@Test
	void expeditedRestoresOfDeepArchiveAreNotRequestedAndSaySo() throws IOException {
		Path manifest = writeInventory().resolve(reportManifestKey());
		try (FaultInjectingProxy proxy = new FaultInjectingProxy(LocalS3ProxyTest.s3Proxy().endpoint(), 0, 0)) {
			proxy.succeed("?restore", 202);
			proxy.answer("PUT /" + this.fixture.destinationBucket + "/tiered-1.txt ", 403, "InvalidObjectState",
					Map.of());
			JobFixture proxied = this.fixture.through(proxy.endpoint());
			Path job = proxied.jobFile("expedited", "", "", "type: inventory\nlocation: " + manifest,
					"copy:\n  restore:\n    tier: expedited\n");

			JobFixture.Result dryRun = proxied.run("copy", "--job", job.toString(), "--dry-run");
			assertThat(dryRun.out()).contains("1 DEEP_ARCHIVE objects cannot be restored expedited");

			JobFixture.Result result = proxied.run("copy", "--job", job.toString());

			assertThat(result.exitCode()).as(result.toString()).isZero();
			Map<String, Map<String, String>> rows = rows(proxied, "expedited", 1);
			assertThat(rows.get("deep-1.txt").get("Outcome")).isEqualTo("SKIPPED_ARCHIVED");
			assertThat(rows.get("deep-1.txt").get("ResultMessage")).contains("no expedited retrieval")
				.contains("copy.restore.tier");
			assertThat(rows.get("glacier-1.txt").get("Outcome")).isEqualTo("RESTORE_PENDING");
			assertThat(proxy.answered()).extracting(FaultInjectingProxy.AnsweredRequest::requestLine)
				.noneMatch((line) -> line.contains("deep-1.txt"))
				.anyMatch((line) -> line.startsWith("POST /" + this.fixture.sourceBucket + "/glacier-1.txt?restore"));
		}
	}

	@Test
	void anArchivedObjectAlreadyAtTheDestinationIsSkippedAsUnchangedWithoutARestore() throws IOException {
		Path manifest = writeInventory().resolve(reportManifestKey());
		S3TestData.put(this.s3, this.fixture.destinationBucket, "glacier-1.txt", content("glacier-1.txt"));
		try (FaultInjectingProxy proxy = new FaultInjectingProxy(LocalS3ProxyTest.s3Proxy().endpoint(), 0, 0)) {
			proxy.succeed("?restore", 202);
			proxy.answer("PUT /" + this.fixture.destinationBucket + "/tiered-1.txt ", 403, "InvalidObjectState",
					Map.of());
			JobFixture proxied = this.fixture.through(proxy.endpoint());
			Path job = proxied.jobFile("incremental", "", "", "type: inventory\nlocation: " + manifest,
					"copy:\n  skip-existing: true\n  restore:\n    days: 1\n");

			JobFixture.Result result = proxied.run("copy", "--job", job.toString());

			assertThat(result.exitCode()).as(result.toString()).isZero();
			Map<String, Map<String, String>> rows = rows(proxied, "incremental", 1);
			assertThat(rows.get("glacier-1.txt").get("Outcome")).isEqualTo("SKIPPED_UNCHANGED");
			assertThat(rows.get("glacier-2.txt").get("Outcome")).isEqualTo("RESTORE_PENDING");
			assertThat(proxy.answered()).extracting(FaultInjectingProxy.AnsweredRequest::requestLine)
				.noneMatch((line) -> line.contains("glacier-1.txt"))
				.anyMatch((line) -> line.startsWith("POST /" + this.fixture.sourceBucket + "/glacier-2.txt?restore"));
		}
	}

	private void put(String key, StorageClass storageClass) {
		this.s3.putObject((put) -> put.bucket(this.fixture.sourceBucket).key(key).storageClass(storageClass),
				RequestBody.fromString(content(key)));
	}

	/** 13 bytes for every key of the test. */
	private static String content(String key) {
		return (key + "-----------").substring(0, 13);
	}

	private static final Instant REPORT_DATE = Instant.parse("2026-11-01T01:00:00Z");

	private String reportManifestKey() {
		return new InventoryReportBuilder(this.fixture.sourceBucket, "inventory-bucket", "inv", 10).build(REPORT_DATE)
			.manifestKey();
	}

	/**
	 * An inventory report of the source with each object's storage class; returns its
	 * root folder.
	 */
	private Path writeInventory() throws IOException {
		InventoryReportBuilder builder = new InventoryReportBuilder(this.fixture.sourceBucket, "inventory-bucket",
				"inv", 10);
		for (var object : this.s3.listObjectsV2Paginator((list) -> list.bucket(this.fixture.sourceBucket)).contents()) {
			String storageClass = this.s3.headObject((head) -> head.bucket(this.fixture.sourceBucket).key(object.key()))
				.storageClassAsString();
			builder.add(new InventoryReportBuilder.Row(object.key(), object.size(), S3TestData.unquoted(object.eTag()),
					false, (storageClass != null) ? storageClass : "STANDARD"));
		}
		InventoryReportBuilder.Report report = builder.build(REPORT_DATE);
		Path root = this.dir.resolve("inventory");
		for (Map.Entry<String, byte[]> file : report.files().entrySet()) {
			Path path = root.resolve(file.getKey());
			Files.createDirectories(path.getParent());
			Files.write(path, file.getValue());
		}
		return root;
	}

	private static Map<String, Map<String, String>> rows(JobFixture fixture, String job, long run) throws IOException {
		Map<String, Map<String, String>> rows = new HashMap<>();
		fixture.reportRows(job, run).forEach((row) -> rows.put(row.get("Key"), row));
		return rows;
	}

	private static JsonNode summary(JobFixture fixture, String job, long run) throws IOException {
		return JsonMapper.builder()
			.build()
			.readTree(
					Files.readString(fixture.reports().resolve(job).resolve(Long.toString(run)).resolve("summary.json"),
							StandardCharsets.UTF_8));
	}

}
