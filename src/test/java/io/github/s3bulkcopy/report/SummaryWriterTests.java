package io.github.s3bulkcopy.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryWriterTests {

	@TempDir
	Path folder;

	private final SummaryWriter writer = new SummaryWriter();

	@Test
	void writesEveryFieldInItsOrder() throws IOException {
		Path file = this.folder.resolve(SummaryWriter.FILE_NAME);

		this.writer.write(file, summary());

		String text = Files.readString(file, StandardCharsets.UTF_8);
		JsonNode json = JsonMapper.builder().build().readTree(text);
		assertThat(fieldNames(json)).containsExactly("job", "runId", "status", "exitCode", "startTime", "endTime",
				"durationSeconds", "executions", "source", "destination", "callerIdentities", "manifest",
				"jobFileSha256", "objects", "bytes", "verification", "verificationByMethod", "objectsPerSecond",
				"bytesPerSecond", "retries", "reportFile", "toolVersion", "notCarried", "filteredOut", "requests");
		assertThat(fieldNames(json.get("requests"))).containsExactly("total", "retries", "bySide");
		assertThat(fieldNames(json.get("callerIdentities"))).containsExactly("source", "destination");
		assertThat(fieldNames(json.get("retries"))).containsExactly("total", "byErrorCode");
		assertThat(fieldNames(json.get("source"))).containsExactly("bucket", "prefix");
		assertThat(fieldNames(json.get("destination"))).containsExactly("bucket", "prefix");
		assertThat(fieldNames(json.get("manifest"))).containsExactly("type", "location");
		assertThat(fieldNames(json.get("objects"))).containsExactly("total", "copied", "skipped", "failed", "pending",
				"skippedInvalidKey", "archived", "restorePending", "deleted", "extraAtDestination");
		assertThat(fieldNames(json.get("bytes"))).containsExactly("total", "copied");
		assertThat(fieldNames(json.get("verification"))).containsExactly("verified", "mismatch", "notVerified");
	}

	@Test
	void writesTheExactValues() throws IOException {
		Path file = this.folder.resolve(SummaryWriter.FILE_NAME);

		this.writer.write(file, summary());

		JsonNode json = JsonMapper.builder().build().readTree(Files.readString(file, StandardCharsets.UTF_8));
		assertThat(json.get("job").isString()).isTrue();
		assertThat(json.get("job").asString()).isEqualTo("nightly-archive");
		assertThat(json.get("runId").isIntegralNumber()).isTrue();
		assertThat(json.get("runId").asLong()).isEqualTo(42L);
		assertThat(json.get("status").asString()).isEqualTo("COMPLETED_WITH_FAILURES");
		assertThat(json.get("exitCode").asInt()).isEqualTo(3);
		assertThat(json.get("startTime").asString()).isEqualTo("2025-03-01T10:00:00Z");
		assertThat(json.get("endTime").asString()).isEqualTo("2025-03-01T10:02:05.500Z");
		assertThat(json.get("durationSeconds").decimalValue()).isEqualByComparingTo("125.5");
		assertThat(json.get("source").get("bucket").asString()).isEqualTo("src-bucket");
		assertThat(json.get("source").get("prefix").asString()).isEqualTo("photos/");
		assertThat(json.get("destination").get("bucket").asString()).isEqualTo("dst-bucket");
		assertThat(json.get("destination").get("prefix").asString()).isEqualTo("");
		assertThat(json.get("manifest").get("type").asString()).isEqualTo("INVENTORY");
		assertThat(json.get("manifest").get("location").asString())
			.isEqualTo("s3://inventory/src-bucket/all/2025-03-01T01-00Z/manifest.json");
		assertThat(json.get("jobFileSha256").asString()).hasSize(64);
		assertThat(json.get("objects").get("total").asLong()).isEqualTo(5_000_000_000L);
		assertThat(json.get("objects").get("copied").asLong()).isEqualTo(4_999_999_000L);
		assertThat(json.get("objects").get("skipped").asLong()).isEqualTo(900L);
		assertThat(json.get("objects").get("failed").asLong()).isEqualTo(100L);
		assertThat(json.get("objects").get("pending").asLong()).isEqualTo(0L);
		assertThat(json.get("bytes").get("total").asLong()).isEqualTo(9_000_000_000_000_000L);
		assertThat(json.get("bytes").get("copied").asLong()).isEqualTo(8_999_999_999_999_999L);
		assertThat(json.get("verification").get("verified").asLong()).isEqualTo(4_999_999_800L);
		assertThat(json.get("verification").get("mismatch").asLong()).isEqualTo(1L);
		assertThat(json.get("verification").get("notVerified").asLong()).isEqualTo(199L);
		assertThat(json.get("objectsPerSecond").decimalValue()).isEqualByComparingTo("39840637.45");
		assertThat(json.get("reportFile").asString()).isEqualTo("completion-report.csv");
		assertThat(json.get("toolVersion").asString()).isEqualTo("0.1.0-SNAPSHOT");
		assertThat(json.get("executions").asInt()).isEqualTo(2);
		assertThat(json.get("bytesPerSecond").decimalValue()).isEqualByComparingTo("71713147410358.56");
		assertThat(json.get("retries").get("total").asLong()).isEqualTo(7);
		assertThat(json.get("retries").get("byErrorCode").get("SlowDown").asLong()).isEqualTo(5);
		assertThat(json.get("retries").get("byErrorCode").get("HTTP 500").asLong()).isEqualTo(2);
		assertThat(json.get("callerIdentities").get("source").isNull()).isTrue();
		assertThat(json.get("filteredOut").get("exclude").asLong()).isEqualTo(12);
		assertThat(json.get("filteredOut").get("min-size").asLong()).isEqualTo(3);
		assertThat(json.get("filteredOut").get("storage-classes").asLong()).isZero();
		assertThat(json.get("callerIdentities").get("destination").asString())
			.isEqualTo("arn:aws:sts::123456789012:assumed-role/writer/s3-bulk-copy");
	}

	@Test
	void isPrettyPrintedAndEndsWithALineBreak() throws IOException {
		Path file = this.folder.resolve(SummaryWriter.FILE_NAME);

		this.writer.write(file, summary());

		String text = Files.readString(file, StandardCharsets.UTF_8);
		assertThat(text).startsWith("{\n").endsWith("}\n");
		assertThat(text.lines()).anySatisfy((line) -> assertThat(line).startsWith("  \"job\""));
	}

	@Test
	void writesDecimalsPlainlyNeverInExponentForm() {
		String json = this.writer.toJson(summary());

		assertThat(json).containsPattern("\"durationSeconds\"\\s*:\\s*125\\.500\\s*,")
			.containsPattern("\"objectsPerSecond\"\\s*:\\s*39840637\\.45\\s*,")
			.doesNotContainPattern(":\\s*-?[0-9.]+[eE]");
	}

	@Test
	void writesTheBytesTheReportMapperWritesFromTheRecordsAnnotations() {
		RunSummary sparse = summary();
		RunSummary full = new RunSummary(sparse.job(), sparse.runId(), sparse.status(), sparse.exitCode(),
				sparse.startTime(), Instant.parse("2025-03-01T10:02:05.123456789Z"), sparse.durationSeconds(),
				sparse.executions(), sparse.source(), sparse.destination(),
				new RunSummary.CallerIdentities("arn:aws:sts::1:assumed-role/reader/x", null),
				new RunSummary.Manifest("LISTING", null), null, sparse.objects(), sparse.bytes(), sparse.verification(),
				new LinkedHashMap<>(Map.of("ETAG", new RunSummary.VerificationCounts(3, 1, 0), "CRC64NVME",
						new RunSummary.VerificationCounts(2, 0, 5))),
				sparse.objectsPerSecond(), sparse.bytesPerSecond(), sparse.retries(), sparse.reportFile(),
				sparse.toolVersion(),
				List.of(new RunSummary.NotCarriedEntry("tags", 4, "a \"quoted\" reason\n"),
						new RunSummary.NotCarriedEntry("acl", 1, "ü")),
				Map.of(),
				RunSummary.Requests.of(Map.of("source/GetObject", 7L, "destination/PutObject", 5L, "HeadBucket", 1L),
						Map.of("source/GetObject", 2L)),
				Map.of("1@host-a", 10L, "2@host-b", 0L),
				new RunSummary.ConcurrencyFigures("auto", 4, 256, 16, 40, 12, 64, 3, 1));
		RunSummary plain = new RunSummary(sparse.job(), 0, "RUNNING", 0, sparse.startTime(), sparse.startTime(),
				new java.math.BigDecimal("0.000"), 1, new RunSummary.Side("b", ""), new RunSummary.Side("c", "p/"),
				RunSummary.CallerIdentities.UNKNOWN, new RunSummary.Manifest("CSV", "s3://m/k.csv"), "ab",
				new RunSummary.ObjectCounts(0, 0, 0, 0, 0, 0, 0, 0), new RunSummary.ByteCounts(0, 0),
				new RunSummary.VerificationCounts(0, 0, 0), Map.of(), java.math.BigDecimal.ZERO.setScale(2),
				new java.math.BigDecimal("1E+3"), new RunSummary.Retries(0, Map.of()), "r.csv", "1", List.of(),
				Map.of(), RunSummary.Requests.NONE, Map.of(), null);

		for (RunSummary summary : List.of(sparse, full, plain)) {
			assertThat(this.writer.toJson(summary)).isEqualTo(ReportJson.MAPPER.writeValueAsString(summary));
		}
	}

	@Test
	void aListingManifestHasANullLocation() throws IOException {
		RunSummary summary = summary();
		RunSummary listing = new RunSummary(summary.job(), summary.runId(), summary.status(), summary.exitCode(),
				summary.startTime(), summary.endTime(), summary.durationSeconds(), summary.executions(),
				summary.source(), summary.destination(), summary.callerIdentities(),
				new RunSummary.Manifest("LISTING", null), summary.jobFileSha256(), summary.objects(), summary.bytes(),
				summary.verification(), summary.verificationByMethod(), summary.objectsPerSecond(),
				summary.bytesPerSecond(), summary.retries(), summary.reportFile(), summary.toolVersion());

		JsonNode json = JsonMapper.builder().build().readTree(this.writer.toJson(listing));

		assertThat(json.get("manifest").get("location").isNull()).isTrue();
	}

	@Test
	void leavesOnlyTheSummaryInItsFolder() throws IOException {
		this.writer.write(this.folder.resolve(SummaryWriter.FILE_NAME), summary());
		this.writer.write(this.folder.resolve(SummaryWriter.FILE_NAME), summary());

		try (Stream<Path> files = Files.list(this.folder)) {
			assertThat(files).extracting((path) -> path.getFileName().toString())
				.containsExactly(SummaryWriter.FILE_NAME);
		}
	}

	static RunSummary summary() {
		RunMetadata run = new RunMetadata("nightly-archive", 42, "COMPLETED_WITH_FAILURES", 3,
				Instant.parse("2025-03-01T10:00:00Z"), Instant.parse("2025-03-01T10:02:05.500Z"), 2,
				new RunSummary.Side("src-bucket", "photos/"), new RunSummary.Side("dst-bucket", ""),
				new RunSummary.CallerIdentities(null, "arn:aws:sts::123456789012:assumed-role/writer/s3-bulk-copy"),
				new RunSummary.Manifest("INVENTORY", "s3://inventory/src-bucket/all/2025-03-01T01-00Z/manifest.json"),
				"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "0.1.0-SNAPSHOT",
				Map.of("SlowDown", 5L, "HTTP 500", 2L), List.of(),
				new LinkedHashMap<>(Map.of("exclude", 12L, "min-size", 3L, "storage-classes", 0L)));
		ReportTotals totals = new ReportTotals(5_000_000_000L, 4_999_999_000L, 900, 100, 0, 9_000_000_000_000_000L,
				8_999_999_999_999_999L, 4_999_999_800L, 1, 199, 0);
		return RunSummary.of(run, totals, CompletionReportWriter.FILE_NAME);
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

}
