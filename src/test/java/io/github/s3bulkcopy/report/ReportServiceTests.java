package io.github.s3bulkcopy.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import io.github.s3bulkcopy.ledger.LedgerRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReportServiceTests {

	@TempDir
	Path root;

	private final ReportService service = new ReportService();

	@Test
	void writesBothFilesIntoTheRunsFolder() throws IOException {
		List<LedgerRow> rows = List.of(LedgerRows.copied(1, "a, \"first\"", 1000), LedgerRows.skipped(2, "b", 2000),
				LedgerRows.failed(3, "c\nd", 3000L, "AccessDenied", 403, "Access Denied"),
				LedgerRows.copiedNotVerified(4, "e", 4000, "multipart ETag, no checksum"));

		WrittenReport report = this.service.write(this.root, run("nightly", 7), rows.stream());

		Path folder = this.root.resolve("nightly").resolve("7");
		assertThat(report.folder()).isEqualTo(folder);
		assertThat(report.completionReportFile()).isEqualTo(folder.resolve("completion-report.csv"));
		assertThat(report.summaryFile()).isEqualTo(folder.resolve("summary.json"));
		assertThat(files(folder)).containsExactlyInAnyOrder("completion-report.csv", "summary.json", "report.html",
				"SHA256SUMS", "batch-operations/manifest.json", "batch-operations/results/succeeded-00001.csv",
				"batch-operations/results/failed-00001.csv");
		assertThat(report.files()).containsExactlyInAnyOrderElementsOf(files(folder)).endsWith("SHA256SUMS");

		List<List<String>> records = Rfc4180.parse(Files.readString(report.completionReportFile()));
		assertThat(records).extracting((record) -> record.get(1))
			.containsExactly("Key", "a, \"first\"", "b", "c\nd", "e");
		assertThat(records.subList(1, records.size())).extracting((record) -> record.get(7)).containsOnly("dst-bucket");
		assertThat(records).extracting((record) -> record.get(3))
			.containsExactly("TaskStatus", "succeeded", "succeeded", "failed", "succeeded");

		assertThat(report.totals()).isEqualTo(new ReportTotals(4, 2, 1, 1, 0, 10000, 5000, 2, 0, 2, 0));
		JsonNode summary = readJson(report.summaryFile());
		assertThat(summary.get("job").asString()).isEqualTo("nightly");
		assertThat(summary.get("runId").asLong()).isEqualTo(7);
		assertThat(summary.get("objects").get("total").asLong()).isEqualTo(4);
		assertThat(summary.get("objects").get("copied").asLong()).isEqualTo(2);
		assertThat(summary.get("objects").get("skipped").asLong()).isEqualTo(1);
		assertThat(summary.get("objects").get("failed").asLong()).isEqualTo(1);
		assertThat(summary.get("objects").get("pending").asLong()).isEqualTo(0);
		assertThat(summary.get("bytes").get("total").asLong()).isEqualTo(10000);
		assertThat(summary.get("bytes").get("copied").asLong()).isEqualTo(5000);
		assertThat(summary.get("verification").get("verified").asLong()).isEqualTo(2);
		assertThat(summary.get("verification").get("mismatch").asLong()).isEqualTo(0);
		assertThat(summary.get("verification").get("notVerified").asLong()).isEqualTo(2);
		assertThat(summary.get("durationSeconds").decimalValue()).isEqualByComparingTo("2");
		assertThat(summary.get("objectsPerSecond").decimalValue()).isEqualByComparingTo("2");
		assertThat(summary.get("reportFile").asString()).isEqualTo("completion-report.csv");
		assertThat(summary.get("destination").get("bucket").asString()).isEqualTo("dst-bucket");
	}

	@Test
	void anEmptyRunWritesAHeaderOnlyReportAndAllZeroSummary() throws IOException {
		WrittenReport report = this.service.write(this.root, run("empty", 1), Stream.empty());

		assertThat(Files.readString(report.completionReportFile(), StandardCharsets.UTF_8))
			.isEqualTo(String.join(",", ReportRow.HEADER) + "\n");
		assertThat(report.totals()).isEqualTo(ReportTotals.EMPTY);
		JsonNode summary = readJson(report.summaryFile());
		for (String group : List.of("objects", "bytes", "verification")) {
			summary.get(group).forEach((count) -> assertThat(count.asLong()).as(group).isZero());
		}
		assertThat(summary.get("objects").size()).isEqualTo(10);
		assertThat(summary.get("objectsPerSecond").decimalValue()).isEqualByComparingTo("0");
	}

	@Test
	void anUnfinishedRunReportsItsPendingObjects() throws IOException {
		List<LedgerRow> rows = List.of(LedgerRows.copied(1, "a", 10), LedgerRows.pending(2, "b", 20L),
				LedgerRows.pending(3, "c", null));

		WrittenReport report = this.service.write(this.root, run("stopped", 2), rows.iterator());

		assertThat(report.totals()).isEqualTo(new ReportTotals(3, 1, 0, 0, 2, 30, 10, 1, 0, 0, 0));
		JsonNode summary = readJson(report.summaryFile());
		assertThat(summary.get("objects").get("pending").asLong()).isEqualTo(2);
		assertThat(summary.get("objectsPerSecond").decimalValue()).isEqualByComparingTo("0.5");
	}

	@Test
	void aFailureWhileReadingRowsLeavesNeitherFile() throws IOException {
		Stream<LedgerRow> rows = Stream.of(1, 2).map((i) -> {
			if (i == 2) {
				throw new IllegalStateException("database went away");
			}
			return LedgerRows.copied(i, "k", 1);
		});

		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.service.write(this.root, run("broken", 3), rows));

		assertThat(files(this.root.resolve("broken").resolve("3"))).isEmpty();
	}

	@Test
	void writingAgainReplacesTheRunsFiles() throws IOException {
		this.service.write(this.root, run("again", 4),
				Stream.of(LedgerRows.failed(1, "a", 1L, "AccessDenied", 403, "Access Denied")));

		WrittenReport report = this.service.write(this.root, run("again", 4), Stream.of(LedgerRows.copied(1, "a", 1)));

		assertThat(readJson(report.summaryFile()).get("objects").get("copied").asLong()).isEqualTo(1);
		assertThat(Rfc4180.parse(Files.readString(report.completionReportFile())).get(1).get(3)).isEqualTo("succeeded");
		assertThat(files(report.folder())).containsExactlyInAnyOrder("completion-report.csv", "summary.json",
				"report.html", "SHA256SUMS", "batch-operations/manifest.json",
				"batch-operations/results/succeeded-00001.csv");
		assertThat(ReportChecksums.verify(report.folder()).intact()).isTrue();
	}

	@Test
	void aJobNameCannotLeaveTheReportRoot() {
		for (String job : List.of("..", "../elsewhere", "a/b", ".hidden", "")) {
			assertThatIllegalArgumentException().as(job)
				.isThrownBy(() -> this.service.write(this.root, run(job, 1), Stream.empty()))
				.withMessageContaining("is not a job name");
		}
		assertThat(this.root).isEmptyDirectory();
	}

	private static RunMetadata run(String job, long runId) {
		Instant start = Instant.parse("2025-03-01T10:00:00Z");
		return new RunMetadata(job, runId, "COMPLETED", 0, start, start.plusSeconds(2),
				new RunSummary.Side("src-bucket", ""), new RunSummary.Side("dst-bucket", "copy/"),
				new RunSummary.Manifest("CSV", "manifests/keys.csv"),
				"0000000000000000000000000000000000000000000000000000000000000000", "0.1.0-SNAPSHOT");
	}

	private static JsonNode readJson(Path file) throws IOException {
		return JsonMapper.builder().build().readTree(Files.readString(file, StandardCharsets.UTF_8));
	}

	/** Every regular file under the folder, relative, with '/' separators. */
	static List<String> files(Path folder) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile)
				.map((path) -> folder.relativize(path).toString().replace('\\', '/'))
				.sorted()
				.toList();
		}
	}

}
