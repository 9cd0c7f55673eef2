package io.github.s3bulkcopy.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code filter} section end to end against S3Proxy: a listing, an inventory report
 * and a CSV manifest, each filtered from its own columns; what landed in the destination,
 * the dry run's counts, {@code summary.json}'s counts (also after a resume), and a verify
 * run that checks only the objects the filters select.
 */
class FilterFunctionalTests implements LocalS3ProxyTest {

	@TempDir
	Path dir;

	private JobFixture fixture;

	private final S3Client s3 = LocalS3ProxyTest.sourceClient();

	@BeforeEach
	void buckets() {
		this.fixture = JobFixture.onS3Proxy(this.dir, "filter");
	}

	@Test
	void aListingIsFilteredByKeyAndSizeAndTheDryRunCopyAndVerifyAgree() throws IOException {
		// given: keys under source.prefix data/, awkward ones among them, and one outside
		// it
		Map<String, Integer> sizes = new LinkedHashMap<>();
		sizes.put("data/logs/a.gz", 100);
		sizes.put("data/logs/2026/b.gz", 200);
		sizes.put("data/logs/tmp/c.gz", 300);
		sizes.put("data/top.gz", 50);
		sizes.put("data/tiny.gz", 1);
		sizes.put("data/readme.txt", 20);
		sizes.put("data/odd/[x] {y} + 100%.gz", 30);
		sizes.put("data/odd/line\nbreak.gz", 30);
		sizes.put("data/odd/sp ace.gz", 30);
		sizes.put("data/big.bin", 5000);
		sizes.put("other/x.gz", 100);
		sizes.forEach(
				(key, size) -> S3TestData.put(this.s3, this.fixture.sourceBucket, key, S3TestData.randomBytes(size)));
		// patterns are relative to source.prefix: "big.bin" is data/big.bin, "*.gz" stays
		// in data/
		Path job = this.fixture.jobFile("listing", "data/", "copied/", "type: listing", """
				filter:
				  include: ["logs/**", "*.gz", "odd/[x] {y} + *.gz", "odd/line\\nbreak.gz", "big.bin"]
				  exclude: ["**/tmp/**"]
				  min-size: 10B
				  max-size: 4000B
				""");
		List<String> selected = List.of("data/logs/a.gz", "data/logs/2026/b.gz", "data/top.gz",
				"data/odd/[x] {y} + 100%.gz", "data/odd/line\nbreak.gz");
		Map<String, Long> counts = Map.of("include", 2L, "exclude", 1L, "min-size", 1L, "max-size", 1L);

		// when: a dry run
		JobFixture.Result dryRun = this.fixture.run("copy", "--job", job.toString(), "--dry-run");

		// then it counts what each filter left out
		assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
		assertThat(dryRun.out()).contains("objects: 5")
			.containsPattern("filtered out: 5\\n")
			.containsPattern("filter\\.include: +2\\n")
			.containsPattern("filter\\.exclude: +1\\n")
			.containsPattern("filter\\.min-size: +1\\n")
			.containsPattern("filter\\.max-size: +1\\n");

		// when: the copy
		JobFixture.Result copy = this.fixture.run("copy", "--job", job.toString());

		// then exactly the selected objects landed, and the summary counts the others
		assertThat(copy.exitCode()).as(copy.toString()).isZero();
		assertThat(destinationKeys()).containsExactlyInAnyOrderElementsOf(
				selected.stream().map((key) -> "copied/" + key.substring("data/".length())).toList());
		assertThat(this.fixture.reportRows("listing", 1)).extracting((row) -> row.get("Key"))
			.containsExactlyInAnyOrderElementsOf(selected);
		assertThat(filteredOut(summary("listing", 1))).isEqualTo(counts);
		assertThat(summary("listing", 1).get("objects").get("total").asLong()).isEqualTo(5);
		assertThat(Files.readString(this.fixture.reports().resolve("listing/1/report.html"))).contains("Filtered out")
			.contains("not planned: include 2, exclude 1, min-size 1, max-size 1");

		// when: a verify run of the same job
		JobFixture.Result verify = this.fixture.run("verify", "--job", job.toString());

		// then it checks the selected objects only
		assertThat(verify.exitCode()).as(verify.toString()).isZero();
		assertThat(this.fixture.verifyReportRows("listing", 1)).extracting((row) -> row.get("Key"))
			.containsExactlyInAnyOrderElementsOf(selected);
		assertThat(filteredOut(JsonMapper.builder()
			.build()
			.readTree(Files
				.readString(this.fixture.reports().resolve("listing.verify").resolve("1").resolve("summary.json")))))
			.isEqualTo(counts);
	}

	@Test
	void aListingIsFilteredByLastModifiedAndStorageClass() throws Exception {
		// given: two batches of objects, a second apart (S3 dates objects to the second)
		for (int i = 0; i < 3; i++) {
			S3TestData.put(this.s3, this.fixture.sourceBucket, "old/" + i, "old " + i);
		}
		Instant cut = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
		while (!Instant.now().isAfter(cut.plusMillis(200))) {
			Thread.sleep(100);
		}
		for (int i = 0; i < 4; i++) {
			S3TestData.put(this.s3, this.fixture.sourceBucket, "new/" + i, "new " + i);
		}
		Path after = this.fixture.jobFile("after", "", "", "type: listing", """
				filter:
				  modified-after: %s
				  storage-classes: [standard]
				""".formatted(cut));
		Path before = this.fixture.jobFile("before", "", "", "type: listing", """
				filter:
				  modified-before: %s
				  storage-classes: [GLACIER, STANDARD]
				""".formatted(cut));
		Path glacier = this.fixture.jobFile("glacier", "", "", "type: listing", """
				filter:
				  storage-classes: [GLACIER]
				""");

		// when
		JobFixture.Result newOnes = this.fixture.run("copy", "--job", after.toString(), "--dry-run", "--first", "10");
		JobFixture.Result oldOnes = this.fixture.run("copy", "--job", before.toString(), "--dry-run", "--first", "10");
		JobFixture.Result none = this.fixture.run("copy", "--job", glacier.toString(), "--dry-run");

		// then
		assertThat(newOnes.exitCode()).as(newOnes.toString()).isZero();
		assertThat(newOnes.out()).contains("objects: 4")
			.containsPattern("filter\\.modified-after: +3\\n")
			.containsPattern("filter\\.storage-classes: +0\\n")
			.contains("new/0 -> new/0")
			.doesNotContain("old/");
		assertThat(oldOnes.out()).contains("objects: 3")
			.containsPattern("filter\\.modified-before: +4\\n")
			.doesNotContain("new/");
		assertThat(none.out()).contains("objects: 0").containsPattern("filter\\.storage-classes: +7\\n");
	}

	@Test
	void anInventoryIsFilteredFromItsColumns() throws IOException {
		// given: an inventory report stating sizes, dates and storage classes
		List<InventoryRow> rows = List.of(new InventoryRow("2026/jan.csv", "2026-01-15T10:00:00.000Z", "STANDARD"),
				new InventoryRow("2026/mar.csv", "2026-03-01T00:00:00.000Z", "STANDARD"),
				new InventoryRow("2026/may, [draft] +%.csv", "2026-05-31T23:59:59.000Z", "STANDARD"),
				new InventoryRow("2026/jun.csv", "2026-06-01T00:00:00.000Z", "STANDARD"),
				new InventoryRow("2026/apr-cold.csv", "2026-04-01T00:00:00.000Z", "GLACIER"),
				new InventoryRow("2026/apr-ia.csv", "2026-04-01T00:00:00.000Z", "STANDARD_IA"),
				new InventoryRow("2026/sub/apr.csv", "2026-04-01T00:00:00.000Z", "STANDARD"),
				new InventoryRow("2026/apr.txt", "2026-04-01T00:00:00.000Z", "STANDARD"));
		Path manifest = inventory(rows, "Bucket, Key, Size, LastModifiedDate, ETag, StorageClass");
		Path job = this.fixture.jobFile("inventory", "", "", "type: inventory\nlocation: " + manifest, """
				filter:
				  include: ["*/*.csv"]
				  modified-after: 2026-03-01
				  modified-before: 2026-06-01
				  storage-classes: [standard]
				""");

		// when
		JobFixture.Result dryRun = this.fixture.run("copy", "--job", job.toString(), "--dry-run");
		JobFixture.Result copy = this.fixture.run("copy", "--job", job.toString());

		// then: include drops the .txt and the deeper key, the dates January and June,
		// the classes two more
		assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
		assertThat(dryRun.out()).contains("objects: 2").containsPattern("filtered out: 6\\n");
		assertThat(copy.exitCode()).as(copy.toString()).isZero();
		assertThat(destinationKeys()).containsExactlyInAnyOrder("2026/mar.csv", "2026/may, [draft] +%.csv");
		assertThat(filteredOut(summary("inventory", 1)))
			.isEqualTo(Map.of("include", 2L, "modified-after", 1L, "modified-before", 1L, "storage-classes", 2L));
	}

	@Test
	void anInventoryWithoutTheColumnAFilterReadsIsRefused() throws IOException {
		Path manifest = inventory(List.of(new InventoryRow("a.csv", "2026-01-15T10:00:00.000Z", "STANDARD")),
				"Bucket, Key, Size, ETag, StorageClass");
		Path job = this.fixture.jobFile("no-dates", "", "", "type: inventory\nlocation: " + manifest, """
				filter:
				  modified-after: 2026-03-01
				""");

		JobFixture.Result dryRun = this.fixture.run("copy", "--job", job.toString(), "--dry-run");
		JobFixture.Result copy = this.fixture.run("copy", "--job", job.toString());

		assertThat(dryRun.exitCode()).as(dryRun.toString()).isEqualTo(2);
		assertThat(copy.exitCode()).as(copy.toString()).isEqualTo(2);
		assertThat(copy.err()).contains("filter.modified-after needs each object's last-modified time")
			.contains("LastModifiedDate");
		assertThat(destinationKeys()).isEmpty();
	}

	@Test
	void aCsvManifestIsFilteredByKeyAndTheCountsSurviveAResume() throws IOException {
		// given: a CSV naming 12 keys, 4 of which the filter leaves out; of the 8
		// selected, only 2 exist yet
		StringBuilder csv = new StringBuilder();
		for (int i = 0; i < 12; i++) {
			csv.append(this.fixture.sourceBucket)
				.append(',')
				.append(URLEncoder.encode(key(i), StandardCharsets.UTF_8))
				.append('\n');
		}
		Path manifest = Files.writeString(this.dir.resolve("m.csv"), csv.toString());
		for (int i = 0; i < 2; i++) {
			S3TestData.put(this.s3, this.fixture.sourceBucket, key(i), "object " + i);
		}
		Path job = this.fixture.jobFile("resumed", "", "", "type: csv\nlocation: " + manifest.toAbsolutePath(), """
				copy:
				  chunk-size: 2
				  partitions: 1
				  max-failures: 3
				filter:
				  exclude: ["*/skip me?"]
				""");

		JobFixture.Result failed = this.fixture.run("copy", "--job", job.toString());

		assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(3);
		for (int i = 2; i < 12; i++) {
			S3TestData.put(this.s3, this.fixture.sourceBucket, key(i), "object " + i);
		}

		// when
		JobFixture.Result resumed = this.fixture.run("copy", "--job", job.toString());

		// then
		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(resumed.out()).contains("Run 1 of job resumed (resumed)").contains("8 copied");
		assertThat(destinationKeys()).hasSize(8).noneMatch((key) -> key.contains("skip me"));
		assertThat(filteredOut(summary("resumed", 1))).isEqualTo(Map.of("exclude", 4L));
	}

	/** Keys 0, 3, 6 and 9 end in "skip me" and a digit. */
	private static String key(int i) {
		return "k+" + i + ((i % 3 == 0) ? "/skip me" + i : "/keep me " + i);
	}

	private record InventoryRow(String key, String lastModified, String storageClass) {
	}

	/**
	 * Puts each row's object in the source and writes an inventory report listing them
	 * with these columns.
	 */
	private Path inventory(List<InventoryRow> rows, String schema) throws IOException {
		List<String> columns = List.of(schema.split(",\\s*"));
		ByteArrayOutputStream gz = new ByteArrayOutputStream();
		try (Writer out = new OutputStreamWriter(new GZIPOutputStream(gz), StandardCharsets.UTF_8)) {
			for (InventoryRow row : rows) {
				byte[] content = row.key().getBytes(StandardCharsets.UTF_8);
				String etag = S3TestData
					.unquoted(S3TestData.put(this.s3, this.fixture.sourceBucket, row.key(), content).eTag());
				List<String> fields = new ArrayList<>();
				for (String column : columns) {
					fields.add(switch (column) {
						case "Bucket" -> this.fixture.sourceBucket;
						case "Key" -> URLEncoder.encode(row.key(), StandardCharsets.UTF_8);
						case "Size" -> Integer.toString(content.length);
						case "LastModifiedDate" -> row.lastModified();
						case "ETag" -> etag;
						case "StorageClass" -> row.storageClass();
						default -> throw new IllegalArgumentException(column);
					});
				}
				out.write(String.join(",", fields.stream().map((f) -> "\"" + f + "\"").toList()) + "\n");
			}
		}
		Path data = this.dir.resolve("inventory/data/1.csv.gz");
		Files.createDirectories(data.getParent());
		Files.write(data, gz.toByteArray());
		String json = """
				{"sourceBucket": "%s", "destinationBucket": "arn:aws:s3:::inventory", "version": "2016-11-30",
				 "creationTimestamp": "1780000000000", "fileFormat": "CSV", "fileSchema": "%s",
				 "files": [{"key": "data/1.csv.gz", "size": %d, "MD5checksum": "%s"}]}
				""".formatted(this.fixture.sourceBucket, schema, gz.size(), md5(gz.toByteArray()));
		Path manifest = this.dir.resolve("inventory/manifest.json");
		Files.writeString(manifest, json, StandardCharsets.UTF_8);
		return manifest.toAbsolutePath();
	}

	private static String md5(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<String> destinationKeys() {
		List<String> keys = new ArrayList<>();
		this.s3.listObjectsV2Paginator((list) -> list.bucket(this.fixture.destinationBucket))
			.contents()
			.forEach((object) -> keys.add(object.key()));
		return keys;
	}

	private JsonNode summary(String job, long run) throws IOException {
		return JsonMapper.builder()
			.build()
			.readTree(Files
				.readString(this.fixture.reports().resolve(job).resolve(Long.toString(run)).resolve("summary.json")));
	}

	private static Map<String, Long> filteredOut(JsonNode summary) {
		Map<String, Long> counts = new LinkedHashMap<>();
		summary.get("filteredOut")
			.properties()
			.forEach((entry) -> counts.put(entry.getKey(), entry.getValue().asLong()));
		return counts;
	}

}
