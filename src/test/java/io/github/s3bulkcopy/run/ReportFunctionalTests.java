package io.github.s3bulkcopy.run;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import io.github.s3bulkcopy.testsupport.CsvRecords;
import io.github.s3bulkcopy.testsupport.FaultInjectingProxy;
import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report set of whole runs against S3Proxy: a run with copied, skipped, failed and
 * (written into the ledger afterwards) mismatched objects, regenerated with
 * {@code report}, checked with {@code report verify}, and uploaded to an {@code s3://}
 * report location.
 */
class ReportFunctionalTests implements LocalS3ProxyTest {

	@TempDir
	Path dir;

	private JobFixture fixture;

	private final S3Client s3 = LocalS3ProxyTest.sourceClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void buckets() {
		this.fixture = JobFixture.onS3Proxy(this.dir, "rep");
	}

	@Test
	void aRunWithEveryOutcomeGivesAConsistentSetThatReportVerifyChecks() throws Exception {
		// given: 7 objects, 2 of them already at the destination unchanged, and a key
		// that does not exist
		Map<String, String> objects = new TreeMap<>();
		for (int i = 1; i <= 6; i++) {
			objects.put("logs/%04d.log".formatted(i), "content of object " + i);
		}
		objects.put("odd keys/a+b %.txt", "awkward");
		objects.forEach((key, content) -> S3TestData.put(this.s3, this.fixture.sourceBucket, key, content));
		S3TestData.put(this.s3, this.fixture.destinationBucket, "logs/0001.log", objects.get("logs/0001.log"));
		S3TestData.put(this.s3, this.fixture.destinationBucket, "logs/0002.log", objects.get("logs/0002.log"));
		StringBuilder manifest = new StringBuilder();
		for (String key : objects.keySet()) {
			manifest.append(this.fixture.sourceBucket)
				.append(',')
				.append(URLEncoder.encode(key, StandardCharsets.UTF_8))
				.append('\n');
		}
		manifest.append(this.fixture.sourceBucket).append(",gone/missing.txt\n");
		Path csv = Files.writeString(this.dir.resolve("keys.csv"), manifest.toString(), StandardCharsets.UTF_8);
		Path job = this.fixture.jobFile("report-job", "", "", "type: csv\nlocation: " + csv.toAbsolutePath(),
				"copy:\n  skip-existing: true\n");

		// when: the run, then a mismatch found later, written into the ledger, and the
		// set written again
		JobFixture.Result run = this.fixture.run("copy", "--job", job.toString(), "--quiet");
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertThat(run.out()).contains("report.html").contains("SHA256SUMS");
		markMismatch("logs/0003.log");
		JobFixture.Result report = this.fixture.run("report", "--job", job.toString(), "--run", "1");

		// then
		assertThat(report.exitCode()).as(report.toString()).isZero();
		Path set = this.fixture.reports().resolve("report-job").resolve("1");
		List<Map<String, String>> rows = this.fixture.reportRows("report-job", 1);
		assertThat(rows).hasSize(8);
		assertThat(countBy(rows, "Outcome")).isEqualTo(Map.of("COPIED", 4L, "SKIPPED_UNCHANGED", 2L, "FAILED", 2L));
		assertThat(countBy(rows, "Verified")).isEqualTo(Map.of("VERIFIED", 6L, "MISMATCH", 1L, "NOT_VERIFIED", 1L));

		JsonNode summary = this.json.readTree(Files.readString(set.resolve("summary.json")));
		assertThat(summary.get("status").asString()).isEqualTo("COMPLETED_WITH_FAILURES");
		assertThat(summary.get("objects").toString())
			.isEqualTo("{\"total\":8,\"copied\":4,\"skipped\":2,\"failed\":2,\"pending\":0,\"skippedInvalidKey\":0,"
					+ "\"archived\":0,\"restorePending\":0,\"deleted\":0,\"extraAtDestination\":0}");
		assertThat(summary.get("verification").get("mismatch").asLong()).isEqualTo(1);
		assertThat(summary.get("retries").get("total").asLong()).isZero();

		List<List<String>> succeeded = new ArrayList<>();
		List<List<String>> failed = new ArrayList<>();
		JsonNode manifestJson = this.json.readTree(Files.readString(set.resolve("batch-operations/manifest.json")));
		assertThat(manifestJson.get("Format").asString()).isEqualTo("Report_CSV_20180820");
		for (JsonNode result : manifestJson.get("Results")) {
			List<List<String>> records = CsvRecords.parse(Files.readString(set.resolve(result.get("Key").asString())));
			(result.get("TaskExecutionStatus").asString().equals("succeeded") ? succeeded : failed).addAll(records);
		}
		assertThat(succeeded).hasSize(6);
		assertThat(failed).hasSize(2);
		assertThat(succeeded).extracting((record) -> URLDecoder.decode(record.get(1), StandardCharsets.UTF_8))
			.contains("odd keys/a+b %.txt");
		assertThat(failed).extracting((record) -> record.get(4))
			.containsExactlyInAnyOrder("NoSuchKey", "VerificationMismatch");

		Document page = parse(set.resolve("report.html"));
		String text = page.getDocumentElement().getTextContent();
		assertThat(text).contains("2 of 8 objects failed", "Failed objects (2)", "gone/missing.txt", "NoSuchKey",
				"logs/0003.log", "ETags differ", "skip-existing");

		JobFixture.Result verify = this.fixture.run("report", "verify", set.toString());
		assertThat(verify.exitCode()).as(verify.toString()).isZero();
		assertThat(verify.out()).contains("OK: 6 files match SHA256SUMS");

		byte[] html = Files.readAllBytes(set.resolve("report.html"));
		html[html.length / 3] ^= 0x20;
		Files.write(set.resolve("report.html"), html);
		JobFixture.Result tampered = this.fixture.run("report", "verify", set.toString());
		assertThat(tampered.exitCode()).as(tampered.toString()).isEqualTo(1);
		assertThat(tampered.out()).contains("CHANGED    report.html").contains("FAILED");

		Path out = this.dir.resolve("regenerated");
		JobFixture.Result elsewhere = this.fixture.run("report", "--job", job.toString(), "--out", out.toString());
		assertThat(elsewhere.exitCode()).as(elsewhere.toString()).isZero();
		assertThat(this.fixture.run("report", "verify", out.toString()).exitCode()).isZero();
		assertThat(Files.readString(out.resolve("completion-report.csv")))
			.isEqualTo(Files.readString(set.resolve("completion-report.csv")));

		assertThat(this.fixture.run("report", "--job", job.toString(), "--run", "9").exitCode()).isEqualTo(2);
		assertThat(this.fixture.run("report", "verify", this.dir.toString()).exitCode()).isEqualTo(2);
		assertThat(this.fixture.run("report").exitCode()).isEqualTo(2);
	}

	@Test
	void anS3ReportLocationGetsTheWholeSetAndKeepsTheLocalCopy() throws Exception {
		S3TestData.put(this.s3, this.fixture.sourceBucket, "a.txt", "a");
		S3TestData.put(this.s3, this.fixture.sourceBucket, "b/c.txt", "c");
		String reportBucket = S3TestData.createBucket(this.s3, "rep-audit");
		Path local = this.dir.resolve("local-reports");
		Path job = this.fixture.jobFile("upload-job", "", "", "type: listing", "");
		Files.writeString(job, Files.readString(job)
			.replace("  location: " + this.fixture.reports().toAbsolutePath(),
					"  location: s3://" + reportBucket + "/audit/\n  local-directory: " + local.toAbsolutePath()));

		JobFixture.Result run = this.fixture.run("copy", "--job", job.toString(), "--quiet");

		assertThat(run.exitCode()).as(run.toString()).isZero();
		Path set = local.resolve("upload-job").resolve("1");
		List<String> files;
		try (Stream<Path> walk = Files.walk(set)) {
			files = walk.filter(Files::isRegularFile).map((file) -> set.relativize(file).toString()).sorted().toList();
		}
		Map<String, String> uploaded = new LinkedHashMap<>();
		for (S3Object object : this.s3.listObjectsV2Paginator((list) -> list.bucket(reportBucket)).contents()) {
			uploaded.put(object.key(), S3TestData.readString(this.s3, reportBucket, object.key()));
		}
		assertThat(uploaded.keySet())
			.containsExactlyInAnyOrderElementsOf(files.stream().map((file) -> "audit/upload-job/1/" + file).toList());
		for (String file : files) {
			assertThat(uploaded.get("audit/upload-job/1/" + file)).as(file)
				.isEqualTo(Files.readString(set.resolve(file)));
		}
		JsonNode manifest = this.json.readTree(uploaded.get("audit/upload-job/1/batch-operations/manifest.json"));
		assertThat(manifest.get("Results").get(0).get("Bucket").asString()).isEqualTo(reportBucket);
		assertThat(manifest.get("Results").get(0).get("Key").asString())
			.isEqualTo("audit/upload-job/1/batch-operations/results/succeeded-00001.csv");
		assertThat(uploaded).containsKey("audit/upload-job/1/SHA256SUMS");
		assertThat(this.fixture.run("report", "verify", set.toString()).exitCode()).isZero();
	}

	@Test
	void retriesAreCountedInTheSummaryAndKeptForALaterReport() throws Exception {
		S3TestData.put(this.s3, this.fixture.sourceBucket, "a.txt", "a");
		Path job = this.fixture.jobFile("retry-job", "", "", "type: listing", "copy:\n  max-attempts: 3\n");
		JsonNode retries;
		JsonNode requests;
		try (FaultInjectingProxy proxy = new FaultInjectingProxy(this.fixture.endpoint, 0, 0)) {
			// The destination answers its bucket check, then SlowDown to every copy: the
			// SDK retries, then the run fails resumably.
			proxy.answer("PUT /" + this.fixture.destinationBucket + "/", 503, "SlowDown", Map.of());
			String yaml = Files.readString(job);
			int destination = yaml.indexOf("destination:");
			Files.writeString(job, yaml.substring(0, destination)
					+ yaml.substring(destination).replaceFirst("endpoint: \\S+", "endpoint: " + proxy.endpoint()));

			JobFixture.Result run = this.fixture.run("copy", "--job", job.toString(), "--quiet");

			assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
			Path set = this.fixture.reports().resolve("retry-job").resolve("1");
			retries = this.json.readTree(Files.readString(set.resolve("summary.json"))).get("retries");
			assertThat(retries.get("total").asLong()).isPositive();
			assertThat(retries.get("byErrorCode").get("SlowDown").asLong()).isEqualTo(retries.get("total").asLong());
			requests = this.json.readTree(Files.readString(set.resolve("summary.json"))).get("requests");
			// Every attempt of the copy (streamed: the sides' endpoints differ) is
			// counted, the retries apart.
			JsonNode copies = requests.get("bySide").get("destination").get("PutObject");
			assertThat(copies.get("retries").asLong()).isEqualTo(retries.get("total").asLong());
			assertThat(copies.get("requests").asLong()).isGreaterThan(copies.get("retries").asLong());
			assertThat(requests.get("retries").asLong()).isEqualTo(retries.get("total").asLong());
			assertThat(requests.get("bySide").get("source").get("ListObjectsV2").get("requests").asLong()).isPositive();
		}

		Path later = this.dir.resolve("later");
		assertThat(this.fixture.run("report", "--job", job.toString(), "--out", later.toString()).exitCode()).isZero();
		JsonNode again = this.json.readTree(Files.readString(later.resolve("summary.json")));
		assertThat(again.get("retries")).isEqualTo(retries);
		assertThat(again.get("requests")).isEqualTo(requests);
		assertThat(again.get("status").asString()).isEqualTo("FAILED");

		// Resumed without the faults: the run's requests are those of both executions.
		Files.writeString(job,
				Files.readString(job).replaceAll("endpoint: \\S+", "endpoint: " + this.fixture.endpoint));
		JobFixture.Result resumed = this.fixture.run("copy", "--job", job.toString(), "--quiet");
		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		JsonNode after = this.json.readTree(
				Files.readString(this.fixture.reports().resolve("retry-job").resolve("1").resolve("summary.json")));
		assertThat(after.get("executions").asInt()).isEqualTo(2);
		// The first execution streamed (its PUTs kept), the second copied server-side
		// (one endpoint again).
		JsonNode destinationAfter = after.get("requests").get("bySide").get("destination");
		assertThat(destinationAfter.get("PutObject"))
			.isEqualTo(requests.get("bySide").get("destination").get("PutObject"));
		assertThat(destinationAfter.get("CopyObject").get("requests").asLong()).isOne();
		assertThat(after.get("requests").get("retries").asLong()).isEqualTo(requests.get("retries").asLong());
		assertThat(after.get("requests").get("total").asLong()).isGreaterThan(requests.get("total").asLong());
	}

	private void markMismatch(String key) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.fixture.databaseUrl(), "sa", "")) {
			int updated = connection.createStatement()
				.executeUpdate("UPDATE BULK_LEDGER SET STATUS = 'FAILED', ERROR_CODE = 'VerificationMismatch', "
						+ "MESSAGE = 'the copy does not match the source: ETags differ', VERDICT = 'MISMATCH', "
						+ "DESTINATION_CHECKSUM = '00000000000000000000000000000000', VERDICT_REASON = 'ETags differ' "
						+ "WHERE SOURCE_KEY = '" + key + "'");
			assertThat(updated).isEqualTo(1);
		}
	}

	private static Map<String, Long> countBy(List<Map<String, String>> rows, String column) {
		Map<String, Long> counts = new TreeMap<>();
		rows.forEach((row) -> counts.merge(row.get(column), 1L, Long::sum));
		return counts;
	}

	private static Document parse(Path file) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(file.toFile());
	}

}
