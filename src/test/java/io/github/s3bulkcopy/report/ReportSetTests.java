package io.github.s3bulkcopy.report;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import io.github.s3bulkcopy.ledger.LedgerRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The whole report set of a run with copied, skipped, failed, mismatched and pending
 * objects: exact row counts, the Batch Operations layout as its readers parse it, the
 * HTML page as XML with the numbers in it, and SHA256SUMS.
 */
class ReportSetTests {

	private static final Instant NOW = Instant.parse("2025-03-01T12:00:00.250Z");

	@TempDir
	Path root;

	private final ReportService service = new ReportService(new SummaryWriter(), Clock.fixed(NOW, ZoneOffset.UTC), 2);

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * 3 copied (one with awkward key), 1 skipped, 2 failed, 1 mismatch (failed), 1
	 * pending.
	 */
	private static List<LedgerRow> rows() {
		return List.of(LedgerRows.copied(1, "a b/100%+x,y.txt", 100), LedgerRows.copied(2, "café/日本", 200),
				LedgerRows.copied(3, "line\nbreak", 300), LedgerRows.skipped(4, "skipped", 400),
				LedgerRows.failed(5, "gone", 500L, "NoSuchKey", 404, "The specified key does not exist."),
				LedgerRows.failed(6, "denied <&>", null, "AccessDenied", 403, "Access Denied"),
				LedgerRows.mismatch(7, "mismatch", 700), LedgerRows.pending(8, "pending", 800L));
	}

	@Test
	void completionReportHasEveryObjectOnce() throws IOException {
		WrittenReport report = write(rows());

		List<List<String>> records = Rfc4180.parse(Files.readString(report.completionReportFile()));
		assertThat(records).hasSize(1 + 8);
		assertThat(records.get(0)).isEqualTo(ReportRow.HEADER);
		assertThat(records.subList(1, 9)).extracting((record) -> record.get(14))
			.containsExactly("COPIED", "COPIED", "COPIED", "SKIPPED_UNCHANGED", "FAILED", "FAILED", "FAILED",
					"PENDING");
		assertThat(records.get(1)).contains("2025-03-01T10:15:30.123Z", "2025-03-01T10:15:31.456Z");
	}

	@Test
	void batchOperationsManifestIsWrittenAsAwsWritesIt() throws IOException {
		String manifest = Files.readString(write(rows()).folder().resolve("batch-operations/manifest.json"));

		assertThat(manifest).isEqualTo("""
				{
				  "Format" : "Report_CSV_20180820",
				  "ReportCreationDate" : "2025-03-01T12:00:00.250Z",
				  "Results" : [ {
				    "TaskExecutionStatus" : "succeeded",
				    "Bucket" : "",
				    "MD5Checksum" : "54a3ac421f1b3b7593c82eb0b6558efe",
				    "Key" : "batch-operations/results/succeeded-00001.csv"
				  }, {
				    "TaskExecutionStatus" : "succeeded",
				    "Bucket" : "",
				    "MD5Checksum" : "d3d461177f9f961f03cdb0dab73c12f2",
				    "Key" : "batch-operations/results/succeeded-00002.csv"
				  }, {
				    "TaskExecutionStatus" : "failed",
				    "Bucket" : "",
				    "MD5Checksum" : "6ca65a95af64d1a83ce2b4143f7ec340",
				    "Key" : "batch-operations/results/failed-00001.csv"
				  }, {
				    "TaskExecutionStatus" : "failed",
				    "Bucket" : "",
				    "MD5Checksum" : "7ecfb6209b85f45d3916ce81020faebd",
				    "Key" : "batch-operations/results/failed-00002.csv"
				  } ],
				  "ReportSchema" : "Bucket, Key, VersionId, TaskStatus, ErrorCode, HTTPStatusCode, ResultMessage"
				}
				""");
	}

	@Test
	void batchOperationsManifestOfARunWithoutTasksListsNoResults() throws IOException {
		String manifest = Files.readString(write(List.of()).folder().resolve("batch-operations/manifest.json"));

		assertThat(manifest).isEqualTo("""
				{
				  "Format" : "Report_CSV_20180820",
				  "ReportCreationDate" : "2025-03-01T12:00:00.250Z",
				  "Results" : [ ],
				  "ReportSchema" : "Bucket, Key, VersionId, TaskStatus, ErrorCode, HTTPStatusCode, ResultMessage"
				}
				""");
	}

	@Test
	void batchOperationsLayoutReadsLikeAwsOwn() throws IOException {
		WrittenReport report = write(rows());

		Path folder = report.folder();
		JsonNode manifest = this.json.readTree(Files.readString(folder.resolve("batch-operations/manifest.json")));
		assertThat(names(manifest)).containsExactly("Format", "ReportCreationDate", "Results", "ReportSchema");
		assertThat(manifest.get("Format").asString()).isEqualTo("Report_CSV_20180820");
		assertThat(manifest.get("ReportCreationDate").asString()).isEqualTo("2025-03-01T12:00:00.250Z");
		assertThat(manifest.get("ReportSchema").asString())
			.isEqualTo("Bucket, Key, VersionId, TaskStatus, ErrorCode, HTTPStatusCode, ResultMessage");
		List<String> statuses = new ArrayList<>();
		List<List<String>> succeeded = new ArrayList<>();
		List<List<String>> failed = new ArrayList<>();
		for (JsonNode result : manifest.get("Results")) {
			assertThat(names(result)).containsExactly("TaskExecutionStatus", "Bucket", "MD5Checksum", "Key");
			assertThat(result.get("Bucket").asString()).isEmpty();
			Path file = folder.resolve(result.get("Key").asString());
			assertThat(Digests.md5(file)).isEqualTo(result.get("MD5Checksum").asString());
			statuses.add(result.get("TaskExecutionStatus").asString());
			List<List<String>> records = Rfc4180.parse(Files.readString(file));
			assertThat(records).hasSizeLessThanOrEqualTo(2).allSatisfy((record) -> assertThat(record).hasSize(7));
			(result.get("TaskExecutionStatus").asString().equals("succeeded") ? succeeded : failed).addAll(records);
		}
		// 4 succeeded in files of at most 2 rows, 3 failed; the pending object is no task
		// that ran
		assertThat(statuses).containsExactly("succeeded", "succeeded", "failed", "failed");
		assertThat(succeeded).hasSize(4).allSatisfy((record) -> {
			assertThat(record.get(0)).isEqualTo(LedgerRows.SOURCE);
			assertThat(record.get(3)).isEqualTo("succeeded");
			assertThat(record.get(5)).isEqualTo("200");
		});
		assertThat(succeeded).extracting((record) -> URLDecoder.decode(record.get(1), StandardCharsets.UTF_8))
			.containsExactly("a b/100%+x,y.txt", "café/日本", "line\nbreak", "skipped");
		assertThat(succeeded.get(0).get(1)).isEqualTo("a%20b%2F100%25%2Bx%2Cy.txt");
		assertThat(failed).extracting((record) -> record.subList(1, 7))
			.containsExactly(List.of("gone", "", "failed", "NoSuchKey", "404", "The specified key does not exist."),
					List.of("denied%20%3C%26%3E", "", "failed", "AccessDenied", "403", "Access Denied"),
					List.of("mismatch", "", "failed", "ChecksumMismatch", "", "destination ETag differs from source"));
		assertThat(Files.readString(folder.resolve("batch-operations/results/succeeded-00001.csv")))
			.doesNotContain("Bucket,Key");
	}

	@Test
	void resultsUploadedToS3NameTheirBucketAndFullKey() throws IOException {
		WrittenReport report = this.service.writeInto(this.root.resolve("set"),
				new SetLocation("audit-bucket", "reports/job/1/"), run(), rows().iterator());

		JsonNode manifest = this.json
			.readTree(Files.readString(report.folder().resolve("batch-operations/manifest.json")));
		assertThat(manifest.get("Results").get(0).get("Bucket").asString()).isEqualTo("audit-bucket");
		assertThat(manifest.get("Results").get(0).get("Key").asString())
			.isEqualTo("reports/job/1/batch-operations/results/succeeded-00001.csv");
	}

	@Test
	void summaryCountsByOutcomeVerdictAndMethod() throws IOException {
		WrittenReport report = write(rows());

		JsonNode summary = this.json.readTree(Files.readString(report.summaryFile()));
		assertThat(summary.get("objects").toString())
			.isEqualTo("{\"total\":8,\"copied\":3,\"skipped\":1,\"failed\":3,\"pending\":1,\"skippedInvalidKey\":0,"
					+ "\"archived\":0,\"restorePending\":0,\"deleted\":0,\"extraAtDestination\":0}");
		assertThat(summary.get("verification").toString())
			.isEqualTo("{\"verified\":4,\"mismatch\":1,\"notVerified\":2}");
		assertThat(summary.get("verificationByMethod").toString())
			.isEqualTo("{\"ETAG\":{\"verified\":4,\"mismatch\":1,\"notVerified\":0},"
					+ "\"NONE\":{\"verified\":0,\"mismatch\":0,\"notVerified\":2}}");
		assertThat(summary.get("bytes").toString()).isEqualTo("{\"total\":3000,\"copied\":600}");
		assertThat(summary.get("bytesPerSecond").decimalValue()).isEqualByComparingTo("300");
		assertThat(summary.get("retries").get("total").asLong()).isEqualTo(3);
	}

	@Test
	void htmlPageIsWellFormedAndCarriesTheNumbers() throws Exception {
		WrittenReport report = write(rows());

		Document page = xml(report.folder().resolve("report.html"));
		Element html = page.getDocumentElement();
		assertThat(html.getTagName()).isEqualTo("html");
		String text = html.getTextContent();
		assertThat(text).contains("Job nightly · run 7", "COMPLETED WITH FAILURES",
				"3 of 8 objects failed; the other 5 were copied or found unchanged.",
				"4 of 7 finished objects verified", "Failed objects (3)", "The specified key does not exist.",
				"denied <&>", "ETags differ", "copy.concurrency", "64", "SHA256SUMS");
		assertThat(cardValues(page)).containsEntry("Objects", "8")
			.containsEntry("Copied", "3")
			.containsEntry("Skipped (unchanged)", "1")
			.containsEntry("Failed", "3")
			.containsEntry("Pending", "1")
			.containsEntry("Retried requests", "3");
		assertThat(page.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength()).isEqualTo(2);
		String markup = Files.readString(report.folder().resolve("report.html"));
		assertThat(markup).doesNotContainPattern("(?i)(src|href)\\s*=").doesNotContain("<script");
	}

	@Test
	void aLongFailureListIsCappedAndSaysHowManyMore() throws Exception {
		List<LedgerRow> rows = new ArrayList<>();
		for (int i = 1; i <= HtmlReportWriter.MAX_FAILED_ROWS + 25; i++) {
			rows.add(LedgerRows.failed(i, String.format("k%05d", i), 1L, "AccessDenied", 403, "Access Denied"));
		}

		WrittenReport report = write(rows);

		Document page = xml(report.folder().resolve("report.html"));
		assertThat(page.getDocumentElement().getTextContent()).contains("… and 25 more failed objects");
		assertThat(Files.readString(report.folder().resolve("report.html"))).contains("k01000")
			.doesNotContain("k01001");
	}

	@Test
	void sha256sumsCoversEveryFileAndVerifyFindsAChangedByte() throws IOException {
		WrittenReport report = write(rows());
		Path folder = report.folder();

		List<String> listed = Files.readAllLines(folder.resolve("SHA256SUMS"))
			.stream()
			.map((line) -> line.substring(66))
			.toList();
		assertThat(listed).containsExactlyInAnyOrderElementsOf(
				ReportServiceTests.files(folder).stream().filter((file) -> !file.equals("SHA256SUMS")).toList());
		assertThat(Files.readAllLines(folder.resolve("SHA256SUMS")))
			.allSatisfy((line) -> assertThat(line).matches("[0-9a-f]{64}  \\S.*"));
		ReportChecksums.Check check = ReportChecksums.verify(folder);
		assertThat(check.intact()).isTrue();
		assertThat(check.ok()).hasSize(listed.size());

		byte[] csv = Files.readAllBytes(report.completionReportFile());
		csv[csv.length / 2] ^= 1;
		Files.write(report.completionReportFile(), csv);
		Files.delete(folder.resolve("batch-operations/results/failed-00002.csv"));
		Files.writeString(folder.resolve("batch-operations/note.txt"), "added later");

		check = ReportChecksums.verify(folder);
		assertThat(check.intact()).isFalse();
		assertThat(check.changed()).containsExactly("completion-report.csv");
		assertThat(check.missing()).containsExactly("batch-operations/results/failed-00002.csv");
		assertThat(check.extra()).containsExactly("batch-operations/note.txt");
	}

	@Test
	void sha256sumAcceptsTheFileAsItIs() throws Exception {
		WrittenReport report = write(rows());
		Process sha256sum;
		try {
			sha256sum = new ProcessBuilder("sha256sum", "--check", "--strict", "SHA256SUMS")
				.directory(report.folder().toFile())
				.redirectErrorStream(true)
				.start();
		}
		catch (IOException ex) {
			return; // no coreutils here: the format test above still holds
		}
		String output = new String(sha256sum.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(sha256sum.waitFor()).as(output).isZero();
		assertThat(output).contains("completion-report.csv: OK");
	}

	@Test
	void aFolderWithoutSha256sumsIsNoReportSet() {
		assertThatExceptionOfType(java.nio.file.NoSuchFileException.class)
			.isThrownBy(() -> ReportChecksums.verify(this.root));
	}

	private WrittenReport write(List<LedgerRow> rows) throws IOException {
		return this.service.write(this.root, run(), rows.iterator());
	}

	static RunMetadata run() {
		Instant start = Instant.parse("2025-03-01T10:15:29Z");
		return new RunMetadata("nightly", 7, "COMPLETED_WITH_FAILURES", 1, start, start.plusSeconds(2), 1,
				new RunSummary.Side("src-bucket", ""), new RunSummary.Side("dst-bucket", "copy/"),
				RunSummary.CallerIdentities.UNKNOWN, new RunSummary.Manifest("csv", "manifests/keys.csv"),
				"0000000000000000000000000000000000000000000000000000000000000000", "0.1.0-SNAPSHOT",
				Map.of("SlowDown", 2L, "HTTP 500", 1L), List.of(new RunMetadata.Setting("copy.concurrency", "64"),
						new RunMetadata.Setting("report.location", "reports/")));
	}

	static Document xml(Path file) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
		factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
		return factory.newDocumentBuilder().parse(file.toFile());
	}

	/** The page's figure cards, label to value. */
	static Map<String, String> cardValues(Document page) {
		Map<String, String> cards = new java.util.LinkedHashMap<>();
		NodeList divs = page.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "div");
		for (int i = 0; i < divs.getLength(); i++) {
			Element div = (Element) divs.item(i);
			if (div.getAttribute("class").startsWith("card")) {
				Element label = (Element) div.getElementsByTagNameNS("*", "div").item(0);
				Element value = (Element) div.getElementsByTagNameNS("*", "div").item(1);
				cards.put(label.getTextContent(), value.getTextContent());
			}
		}
		return cards;
	}

	private static List<String> names(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

}
