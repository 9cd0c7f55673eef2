package io.github.s3bulkcopy.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.s3bulkcopy.demo.InventoryReportBuilder;
import io.github.s3bulkcopy.testsupport.HttpClientRecorder;
import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The copy job end to end against S3Proxy: the command line in-process, real manifests,
 * and assertions on what landed in the destination bucket and in the report.
 */
class CopyJobFunctionalTests implements LocalS3ProxyTest {

	private static final List<String> AWKWARD_KEYS = List.of("a b/with space.txt", "unicode/café-ü-日本.txt",
			"plus/a+b.txt", "percent/100%.txt", "percent/%2B.txt", "comma/a,b.txt", "quote/\"q\".txt",
			"newline/line\nbreak.txt", "empty/object");

	@TempDir
	Path dir;

	private JobFixture fixture;

	private final S3Client s3 = LocalS3ProxyTest.sourceClient();

	@BeforeEach
	void buckets() {
		this.fixture = JobFixture.onS3Proxy(this.dir, "copy");
	}

	@AfterEach
	void defaultHttpClient() {
		System.clearProperty("s3bulkcopy.http-client");
		System.clearProperty("s3bulkcopy.idle-timeout");
		System.clearProperty("s3bulkcopy.lock.stale-after");
	}

	/**
	 * With either HTTP client ({@code s3bulkcopy.http-client}): Netty, the default, and
	 * the CRT-based one.
	 */
	@ParameterizedTest(name = "http-client {0}")
	@ValueSource(strings = { "netty", "crt" })
	void inventoryManifestCopiesEveryObjectByteForByteAndReportsEachOnce(String httpClient) throws IOException {
		// given
		System.setProperty("s3bulkcopy.http-client", httpClient);
		Map<String, byte[]> objects = seed(40);
		byte[] large = S3TestData.randomBytes(6 * 1024 * 1024 + 123);
		this.s3.putObject((put) -> put.bucket(this.fixture.sourceBucket)
			.key("big/large.bin")
			.contentType("video/mp4")
			.metadata(Map.of("owner", "team-a")), RequestBody.fromBytes(large));
		objects.put("big/large.bin", large);
		Path manifest = writeInventory(objects);
		Path job = this.fixture.jobFile("inventory-job", "", "copied/",
				"type: inventory\nlocation: " + manifest.toAbsolutePath(), """
						copy:
						  partitions: 3
						  chunk-size: 7
						  multipart-threshold: 5MiB
						  part-size: 5MiB
						verify:
						  require: true
						""");

		// when
		JobFixture.Result result;
		Map<String, Set<String>> bucketChecks;
		try (HttpClientRecorder.Recording recording = HttpClientRecorder.start()) {
			result = this.fixture.run("copy", "--job", job.toString());
			bucketChecks = recording.clientsByKey(this.fixture.destinationBucket, Set.of("HeadBucket"));
		}

		// then
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).contains("Run 1 of job inventory-job").contains("50 copied");
		// The blocking clients (here the bucket check) run on the CRT-based client too,
		// unless netty is asked for:
		// then on the SDK's default Java client, with Java's TLS and trust store.
		assertThat(bucketChecks)
			.containsExactly(Map.entry("", Set.of(httpClient.equals("crt") ? "AwsCommonRuntime" : "Apache5")));
		for (Map.Entry<String, byte[]> object : objects.entrySet()) {
			assertThat(S3TestData.readBytes(this.s3, this.fixture.destinationBucket, "copied/" + object.getKey()))
				.as(object.getKey())
				.isEqualTo(object.getValue());
		}
		HeadObjectResponse head = this.s3
			.headObject((h) -> h.bucket(this.fixture.destinationBucket).key("copied/big/large.bin"));
		assertThat(head.contentType()).isEqualTo("video/mp4");
		assertThat(head.metadata()).containsEntry("owner", "team-a");
		assertThat(S3TestData.unquoted(head.eTag())).endsWith("-2");

		List<Map<String, String>> rows = this.fixture.reportRows("inventory-job", 1);
		assertThat(rows).extracting((row) -> row.get("Key")).containsExactlyInAnyOrderElementsOf(objects.keySet());
		assertThat(rows).extracting((row) -> row.get("Key")).isSorted();
		assertThat(rows).allSatisfy((row) -> {
			assertThat(row.get("TaskStatus")).isEqualTo("succeeded");
			assertThat(row.get("Outcome")).isEqualTo("COPIED");
			assertThat(row.get("Verified")).isEqualTo("VERIFIED");
			assertThat(row.get("DestinationKey")).isEqualTo("copied/" + row.get("Key"));
			assertThat(row.get("Size")).isEqualTo(Integer.toString(objects.get(row.get("Key")).length));
		});
		Map<String, String> largeRow = rows.stream()
			.filter((row) -> row.get("Key").equals("big/large.bin"))
			.findFirst()
			.orElseThrow();
		// S3Proxy computes no checksum on the copy and its multipart copy's ETag is no
		// MD5: only a full read proves it
		assertThat(largeRow.get("VerificationMethod")).isEqualTo("FULL_READ");
		assertThat(largeRow.get("SourceChecksum")).isEqualTo("CRC64NVME:FULL_OBJECT:" + S3TestData.crc64nvme(large));
		assertThat(largeRow.get("DestinationChecksum")).isEqualTo(largeRow.get("SourceChecksum"));
		assertThat(rows.stream().filter((row) -> !row.get("Key").equals("big/large.bin")))
			.allSatisfy((row) -> assertThat(row.get("VerificationMethod")).isEqualTo("ETAG"));

		JsonNode summary = summary("inventory-job", 1);
		assertThat(summary.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(summary.get("objects").get("total").asLong()).isEqualTo(50);
		assertThat(summary.get("objects").get("copied").asLong()).isEqualTo(50);
		assertThat(summary.get("bytes").get("copied").asLong())
			.isEqualTo(objects.values().stream().mapToLong((bytes) -> bytes.length).sum());
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = {
			"s3bulkcopy.http-client | apache | s3bulkcopy.http-client must be auto, crt or netty, not 'apache'",
			"s3bulkcopy.idle-timeout | 1500ms | s3bulkcopy.idle-timeout must be a duration of whole seconds, at least 2s "
					+ "(such as 30s or 5m), not 1500ms",
			"s3bulkcopy.idle-timeout | forever | s3bulkcopy.idle-timeout: ",
			"s3bulkcopy.lock.stale-after | 0s | s3bulkcopy.lock.stale-after must be a positive duration" })
	void aSettingValueItCannotTakeExitsTwoNamingTheSetting(String setting, String value, String message)
			throws IOException {
		put("a.txt", "a");
		Path job = this.fixture.jobFile("bad-setting", "", "", "type: listing", "");
		System.setProperty(setting, value);

		JobFixture.Result result = this.fixture.run("copy", "--job", job.toString());

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err()).contains(message);
	}

	@Test
	void csvManifestRecordsAMissingObjectAsFailedAndExitsOne() throws IOException {
		Map<String, byte[]> objects = seed(5);
		StringBuilder csv = new StringBuilder();
		for (String key : objects.keySet()) {
			csv.append(this.fixture.sourceBucket)
				.append(',')
				.append(java.net.URLEncoder.encode(key, StandardCharsets.UTF_8))
				.append('\n');
		}
		csv.append(this.fixture.sourceBucket).append(",gone/never-existed.txt\n");
		Path manifest = Files.writeString(this.dir.resolve("manifest.csv"), csv.toString(), StandardCharsets.UTF_8);
		Path job = this.fixture.jobFile("csv-job", "", "", "type: csv\nlocation: " + manifest.toAbsolutePath(), "");

		JobFixture.Result result = this.fixture.run("copy", "--job", job.toString());

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.out()).contains("COMPLETED WITH FAILURES").contains("1 failed");
		for (Map.Entry<String, byte[]> object : objects.entrySet()) {
			assertThat(S3TestData.readBytes(this.s3, this.fixture.destinationBucket, object.getKey()))
				.isEqualTo(object.getValue());
		}
		List<Map<String, String>> rows = this.fixture.reportRows("csv-job", 1);
		assertThat(rows).hasSize(objects.size() + 1);
		Map<String, String> missing = rows.stream()
			.filter((row) -> row.get("Key").equals("gone/never-existed.txt"))
			.findFirst()
			.orElseThrow();
		assertThat(missing.get("TaskStatus")).isEqualTo("failed");
		assertThat(missing.get("ErrorCode")).isEqualTo("NoSuchKey");
		assertThat(missing.get("HTTPStatusCode")).isEqualTo("404");
		assertThat(missing.get("Verified")).isEqualTo("NOT_VERIFIED");
		assertThat(summary("csv-job", 1).get("status").asString()).isEqualTo("COMPLETED_WITH_FAILURES");
	}

	@Test
	void listingManifestCopiesOnlyTheSourcePrefixAndMapsKeys() throws IOException {
		put("in/2026/01/a.log", "a");
		put("in/2026/02/b.log", "b");
		put("in-not-really/c.log", "c");
		put("other/d.log", "d");
		Path job = this.fixture.jobFile("listing-job", "in/", "out/", "type: listing", "");

		JobFixture.Result result;
		Map<String, Set<String>> listings;
		try (HttpClientRecorder.Recording recording = HttpClientRecorder.start()) {
			result = this.fixture.run("copy", "--job", job.toString());
			listings = recording.clientsByKey(this.fixture.sourceBucket, Set.of("ListObjectsV2"));
		}

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(destinationKeys()).containsExactly("out/2026/01/a.log", "out/2026/02/b.log");
		// http-client auto (the default): the listing went through the CRT-based client,
		// as the copies did.
		assertThat(listings).containsExactly(Map.entry("", Set.of("AwsCommonRuntime")));
		assertThat(S3TestData.readString(this.s3, this.fixture.destinationBucket, "out/2026/02/b.log")).isEqualTo("b");
	}

	@Test
	void dryRunPrintsThePlanAndWritesNothing() throws IOException {
		seed(12);
		Path job = this.fixture.jobFile("dry-job", "", "x/", "type: listing", "");

		JobFixture.Result result = this.fixture.run("copy", "--job", job.toString(), "--dry-run", "--first", "3");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).contains("nothing was copied").contains("objects: 21").contains("first 3:");
		assertThat(destinationKeys()).isEmpty();
		JobFixture.Result status = this.fixture.run("status", "--job", job.toString());
		assertThat(status.out()).contains("no runs");
	}

	@Test
	void secondRunSkipsUnchangedObjectsAndCopiesOnlyWhatChanged() throws IOException {
		seed(10);
		Path job = this.fixture.jobFile("sync-job", "", "", "type: listing", "copy:\n  skip-existing: true\n");
		assertThat(this.fixture.run("copy", "--job", job.toString()).exitCode()).isZero();

		JobFixture.Result second = this.fixture.run("copy", "--job", job.toString());
		assertThat(second.exitCode()).as(second.toString()).isZero();
		assertThat(second.out()).contains("Run 2 of job sync-job").contains("0 copied, 19 skipped");
		assertThat(this.fixture.reportRows("sync-job", 2))
			.allSatisfy((row) -> assertThat(row.get("Outcome")).isEqualTo("SKIPPED_UNCHANGED"));

		put("logs/0003.log", "changed content");
		put("logs/new.log", "new object");
		JobFixture.Result third = this.fixture.run("copy", "--job", job.toString());
		assertThat(third.exitCode()).as(third.toString()).isZero();
		List<Map<String, String>> rows = this.fixture.reportRows("sync-job", 3);
		assertThat(rows.stream().filter((row) -> row.get("Outcome").equals("COPIED")).map((row) -> row.get("Key")))
			.containsExactlyInAnyOrder("logs/0003.log", "logs/new.log");
		assertThat(rows).hasSize(20);
		assertThat(S3TestData.readString(this.s3, this.fixture.destinationBucket, "logs/0003.log"))
			.isEqualTo("changed content");
	}

	@Test
	void anInvalidJobFileExitsTwoNamingThePropertyAndTheLine() throws IOException {
		Path job = this.fixture.jobFile("bad-job", "", "", "type: inventroy\nlocation: x", "");

		JobFixture.Result result = this.fixture.run("copy", "--job", job.toString());

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("bad-job.yml").contains("manifest.type").contains("inventory, csv, listing");
	}

	@Test
	void aCorruptManifestExitsTwoAndLeavesNoHalfPlannedRun() throws IOException {
		Map<String, byte[]> objects = seed(3);
		Path manifest = writeInventory(objects);
		Path dataFile;
		try (var files = Files.walk(manifest.getParent().getParent())) {
			dataFile = files.filter((file) -> file.toString().endsWith(".csv.gz")).findFirst().orElseThrow();
		}
		Files.write(dataFile, new byte[] { 1, 2, 3 });
		Path job = this.fixture.jobFile("corrupt-job", "", "",
				"type: inventory\nlocation: " + manifest.toAbsolutePath(), "");

		JobFixture.Result result = this.fixture.run("copy", "--job", job.toString());

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err()).contains(dataFile.getFileName().toString()).containsIgnoringCase("md5");
		assertThat(destinationKeys()).isEmpty();
		JobFixture.Result restart = this.fixture.run("restart", "--job", job.toString());
		assertThat(restart.exitCode()).isEqualTo(2);
		assertThat(restart.err()).contains("no unfinished run");
	}

	@Test
	void restartWithNothingToResumeExitsTwo() throws IOException {
		seed(2);
		Path job = this.fixture.jobFile("done-job", "", "", "type: listing", "");
		assertThat(this.fixture.run("copy", "--job", job.toString()).exitCode()).isZero();

		JobFixture.Result restart = this.fixture.run("restart", "--job", job.toString());

		assertThat(restart.exitCode()).isEqualTo(2);
		assertThat(restart.err()).contains("no unfinished run").contains("run 1, is COMPLETED");
		JobFixture.Result status = this.fixture.run("status", "--job", job.toString());
		assertThat(status.out()).contains("COMPLETED");
	}

	/** Puts {@code count} small objects and the awkward keys; returns key to content. */
	private Map<String, byte[]> seed(int count) {
		Map<String, byte[]> objects = new LinkedHashMap<>();
		for (int i = 0; i < count; i++) {
			objects.put(String.format("logs/%04d.log", i), S3TestData.randomBytes(100 + i * 37));
		}
		for (String key : AWKWARD_KEYS) {
			objects.put(key, key.equals("empty/object") ? new byte[0] : key.getBytes(StandardCharsets.UTF_8));
		}
		objects.forEach((key, content) -> S3TestData.put(this.s3, this.fixture.sourceBucket, key, content));
		return objects;
	}

	private void put(String key, String content) {
		S3TestData.put(this.s3, this.fixture.sourceBucket, key, content);
	}

	private Path writeInventory(Map<String, byte[]> objects) throws IOException {
		InventoryReportBuilder builder = new InventoryReportBuilder(this.fixture.sourceBucket, "inventory-bucket",
				"inv", 10);
		for (S3Object object : this.s3.listObjectsV2Paginator((list) -> list.bucket(this.fixture.sourceBucket))
			.contents()) {
			builder.add(new InventoryReportBuilder.Row(object.key(), object.size(), S3TestData.unquoted(object.eTag()),
					false));
		}
		InventoryReportBuilder.Report report = builder.build(Instant.parse("2026-11-01T01:00:00Z"));
		Path root = this.dir.resolve("inventory");
		for (Map.Entry<String, byte[]> file : report.files().entrySet()) {
			Path path = root.resolve(file.getKey());
			Files.createDirectories(path.getParent());
			Files.write(path, file.getValue());
		}
		return root.resolve(report.manifestKey());
	}

	private List<String> destinationKeys() {
		List<String> keys = new ArrayList<>();
		this.s3.listObjectsV2Paginator((list) -> list.bucket(this.fixture.destinationBucket))
			.contents()
			.forEach((object) -> keys.add(object.key()));
		return keys.stream().sorted().collect(Collectors.toList());
	}

	private JsonNode summary(String job, long run) throws IOException {
		return JsonMapper.builder()
			.build()
			.readTree(Files
				.readString(this.fixture.reports().resolve(job).resolve(Long.toString(run)).resolve("summary.json")));
	}

}
