package io.github.s3bulkcopy.batchops;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import static io.github.s3bulkcopy.batchops.LocalS3Control.text;
import static io.github.s3bulkcopy.batchops.LocalS3Control.texts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * replicate and batch-copy end to end: the command line in-process, a local S3 Control endpoint that checks what the
 * SDK sends and does the jobs against S3Proxy, and assertions on the requests, the buckets and the report.
 */
class BatchOperationsFunctionalTests implements LocalS3ProxyTest {

	@TempDir
	Path dir;

	private BatchFixture fixture;

	@BeforeEach
	void fixture() throws Exception {
		this.fixture = new BatchFixture(this.dir);
	}

	@AfterEach
	void close() {
		this.fixture.close();
	}

	@Test
	void batchCopySubmitsWaitsAndReportsEveryObject() throws Exception {
		// given
		for (int i = 0; i < 12; i++) {
			this.fixture.put("logs/" + i + ".log", "log line " + i);
		}
		this.fixture.put("logs/with space+plus.log", "awkward");
		this.fixture.control.failKeys.add("logs/3.log");
		Path job = this.fixture.jobFile("bo-copy", "copied/", "type: listing", """
				priority: 42
				description: copy the logs
				tags:
				  project: acme
				""", "");

		// when
		BatchFixture.Result result = this.fixture.run("batch-copy", "--job", job.toString(), "--wait");

		// then
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.err()).contains("Preparing").contains("Active").contains("Complete");
		assertThat(result.out()).contains("Run 1 of job bo-copy.batch-copy").contains("1 object(s) failed");
		List<LocalS3Control.Request> creates = this.fixture.control.createJobRequests();
		assertThat(creates).hasSize(1);
		LocalS3Control.Request create = creates.get(0);
		assertThat(create.headers()).containsEntry("x-amz-account-id", BatchFixture.ACCOUNT)
			.containsEntry("host", this.fixture.control.endpoint().getAuthority());
		Document xml = create.xml();
		assertThat(text(xml, "/CreateJobRequest/Operation/S3PutObjectCopy/TargetResource"))
			.isEqualTo("arn:aws:s3:::" + this.fixture.destination);
		assertThat(text(xml, "/CreateJobRequest/Operation/S3PutObjectCopy/TargetKeyPrefix")).isEqualTo("copied/");
		assertThat(text(xml, "/CreateJobRequest/Operation/S3PutObjectCopy/MetadataDirective")).isEqualTo("COPY");
		assertThat(text(xml, "/CreateJobRequest/Manifest/Spec/Format")).isEqualTo("S3BatchOperations_CSV_20180820");
		assertThat(texts(xml, "/CreateJobRequest/Manifest/Spec/Fields/member")).containsExactly("Bucket", "Key");
		String manifestKey = "batch-reports/s3-bulk-copy/bo-copy.batch-copy/run-1/manifest.csv";
		assertThat(text(xml, "/CreateJobRequest/Manifest/Location/ObjectArn"))
			.isEqualTo("arn:aws:s3:::" + this.fixture.reports + "/" + manifestKey);
		String etag = this.fixture.s3.headObject((head) -> head.bucket(this.fixture.reports).key(manifestKey)).eTag();
		assertThat(text(xml, "/CreateJobRequest/Manifest/Location/ETag")).isEqualTo(etag.replace("\"", ""));
		assertThat(text(xml, "/CreateJobRequest/Report/Bucket")).isEqualTo("arn:aws:s3:::" + this.fixture.reports);
		assertThat(text(xml, "/CreateJobRequest/Report/Prefix")).isEqualTo("batch-reports");
		assertThat(text(xml, "/CreateJobRequest/Report/Enabled")).isEqualTo("true");
		assertThat(text(xml, "/CreateJobRequest/Report/Format")).isEqualTo("Report_CSV_20180820");
		assertThat(text(xml, "/CreateJobRequest/Report/ReportScope")).isEqualTo("AllTasks");
		assertThat(text(xml, "/CreateJobRequest/ClientRequestToken")).isEqualTo("s3bc-bo-copy-batch-copy-1");
		assertThat(text(xml, "/CreateJobRequest/Priority")).isEqualTo("42");
		assertThat(text(xml, "/CreateJobRequest/RoleArn")).isEqualTo(BatchFixture.ROLE);
		assertThat(text(xml, "/CreateJobRequest/ConfirmationRequired")).isEqualTo("false");
		assertThat(text(xml, "/CreateJobRequest/Description")).isEqualTo("copy the logs");
		assertThat(text(xml, "/CreateJobRequest/Tags/member/Key")).isEqualTo("project");

		assertThat(this.fixture.destinationKeys()).hasSize(12).contains("copied/logs/with space+plus.log")
			.doesNotContain("copied/logs/3.log");
		List<Map<String, String>> rows = this.fixture.reportRows("bo-copy.batch-copy", 1);
		assertThat(rows).hasSize(13);
		Map<String, String> denied = rows.stream().filter((row) -> row.get("Key").equals("logs/3.log")).findFirst()
			.orElseThrow();
		assertThat(denied.get("Outcome")).isEqualTo("FAILED");
		assertThat(denied.get("ErrorCode")).isEqualTo("AccessDenied");
		assertThat(denied.get("HTTPStatusCode")).isEqualTo("403");
		assertThat(rows.stream().filter((row) -> !row.get("Key").equals("logs/3.log"))).allSatisfy((row) -> {
			assertThat(row.get("Outcome")).isEqualTo("COPIED");
			assertThat(row.get("DestinationKey")).isEqualTo("copied/" + row.get("Key"));
			assertThat(row.get("VerificationDetail")).startsWith("copied by S3 Batch Operations");
		});
		assertThat(this.fixture.summary("bo-copy.batch-copy", 1)).contains("\"status\" : \"COMPLETED_WITH_FAILURES\"");
	}

}
