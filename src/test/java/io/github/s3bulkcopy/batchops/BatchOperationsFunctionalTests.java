package io.github.s3bulkcopy.batchops;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import static io.github.s3bulkcopy.batchops.LocalS3Control.text;
import static io.github.s3bulkcopy.batchops.LocalS3Control.texts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * replicate and batch-copy end to end: the command line in-process, a local S3 Control
 * endpoint that checks what the SDK sends and does the jobs against S3Proxy, and
 * assertions on the requests, the buckets and the report.
 */
class BatchOperationsFunctionalTests implements LocalS3ProxyTest {

	@TempDir
	Path dir;

	@AutoClose
	private BatchFixture fixture;

	@BeforeEach
	void fixture() throws Exception {
		this.fixture = new BatchFixture(this.dir);
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
		JobFixture.Result result = this.fixture.run("batch-copy", "--job", job.toString(), "--wait");

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

		assertThat(this.fixture.destinationKeys()).hasSize(12)
			.contains("copied/logs/with space+plus.log")
			.doesNotContain("copied/logs/3.log");
		List<Map<String, String>> rows = this.fixture.reportRows("bo-copy.batch-copy", 1);
		assertThat(rows).hasSize(13);
		Map<String, String> denied = rows.stream()
			.filter((row) -> row.get("Key").equals("logs/3.log"))
			.findFirst()
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

	@Test
	void replicateWithConfirmationWaitsForBatchConfirmAndResumesTheSameJob() throws Exception {
		// given: the job's own inventory manifest, in S3
		for (int i = 0; i < 5; i++) {
			this.fixture.put("data/" + i + ".bin", "data " + i);
		}
		String manifest = inventoryInS3(Map.of());
		Path job = this.fixture.jobFile("bo-replicate", "", "type: inventory\nlocation: " + manifest,
				"confirmation-required: true", "");

		// when: submitted without --wait, the job waits for confirmation
		JobFixture.Result submitted = this.fixture.run("replicate", "--job", job.toString());
		for (int i = 0; i < 3 && !submitted.err().contains("Suspended"); i++) {
			submitted = this.fixture.run("replicate", "--job", job.toString());
		}

		// then
		assertThat(submitted.exitCode()).as(submitted.toString()).isEqualTo(3);
		assertThat(submitted.err()).contains("Suspended")
			.contains("awaiting confirmation")
			.contains("batch-confirm --job " + job);
		assertThat(submitted.out()).contains("SUBMITTED, not finished");
		JobFixture.Result status = this.fixture.run("batch-status", "--job", job.toString());
		assertThat(status.exitCode()).as(status.toString()).isEqualTo(3);
		assertThat(status.out()).contains("Suspended");

		JobFixture.Result confirmed = this.fixture.run("batch-confirm", "--job", job.toString());
		assertThat(confirmed.exitCode()).as(confirmed.toString()).isZero();
		assertThat(confirmed.out()).contains("confirmed: Ready");
		assertThat(this.fixture.control.requests()).anySatisfy((request) -> {
			assertThat(request.path()).endsWith("/status");
			assertThat(request.query()).contains("requestedJobStatus=Ready");
		});

		JobFixture.Result waited = this.fixture.run("replicate", "--job", job.toString(), "--wait");
		assertThat(waited.exitCode()).as(waited.toString()).isZero();
		assertThat(waited.out()).contains("Run 1 of job bo-replicate.replicate (resumed): COMPLETED");
		assertThat(this.fixture.control.createJobRequests()).hasSize(1);
		Document xml = this.fixture.control.createJobRequests().get(0).xml();
		assertThat(text(xml, "/CreateJobRequest/Operation/S3ReplicateObject")).isEmpty();
		assertThat(texts(xml, "/CreateJobRequest/Operation/S3ReplicateObject")).hasSize(1);
		assertThat(text(xml, "/CreateJobRequest/Manifest/Spec/Format")).isEqualTo("S3InventoryReport_CSV_20161130");
		assertThat(texts(xml, "/CreateJobRequest/Manifest/Spec/Fields/member")).isEmpty();
		String manifestKey = manifest.substring(("s3://" + this.fixture.reports + "/").length());
		assertThat(text(xml, "/CreateJobRequest/Manifest/Location/ETag"))
			.isEqualTo(this.fixture.s3.headObject((head) -> head.bucket(this.fixture.reports).key(manifestKey))
				.eTag()
				.replace("\"", ""));
		assertThat(text(xml, "/CreateJobRequest/ConfirmationRequired")).isEqualTo("true");
		assertThat(text(xml, "/CreateJobRequest/ClientRequestToken")).isEqualTo("s3bc-bo-replicate-replicate-1");
		List<Map<String, String>> rows = this.fixture.reportRows("bo-replicate.replicate", 1);
		assertThat(rows).hasSize(5).allSatisfy((row) -> {
			assertThat(row.get("Outcome")).isEqualTo("COPIED");
			assertThat(row.get("VerificationDetail")).startsWith("replicated by S3 Batch Operations");
		});
	}

	@Test
	void batchCancelEndsTheRunWithExitFiveAndTheNextCommandSubmitsANewJob() throws Exception {
		this.fixture.put("a.txt", "a");
		this.fixture.put("b.txt", "b");
		Path job = this.fixture.jobFile("bo-cancel", "", "type: listing", "confirmation-required: true", "");
		assertThat(this.fixture.run("batch-copy", "--job", job.toString()).exitCode()).isEqualTo(3);

		JobFixture.Result cancelled = this.fixture.run("batch-cancel", "--job", job.toString());
		assertThat(cancelled.exitCode()).as(cancelled.toString()).isZero();
		assertThat(cancelled.out()).contains("cancel requested");

		JobFixture.Result ended = this.fixture.run("batch-copy", "--job", job.toString(), "--wait");
		assertThat(ended.exitCode()).as(ended.toString()).isEqualTo(5);
		assertThat(ended.err()).contains("CANCELLED");
		assertThat(ended.out()).contains("the next batch-copy submits a new job");
		assertThat(this.fixture.destinationKeys()).isEmpty();
		assertThat(this.fixture.reportRows("bo-cancel.batch-copy", 1)).hasSize(2)
			.allSatisfy((row) -> assertThat(row.get("Outcome")).isEqualTo("PENDING"));
		assertThat(this.fixture.summary("bo-cancel.batch-copy", 1)).contains("BATCH_JOB_CANCELLED");

		JobFixture.Result next = this.fixture.run("batch-copy", "--job", job.toString());
		assertThat(next.out()).contains("Run 2 of job bo-cancel.batch-copy");
		assertThat(this.fixture.control.createJobRequests()).hasSize(2);
		assertThat(text(this.fixture.control.createJobRequests().get(1).xml(), "/CreateJobRequest/ClientRequestToken"))
			.isEqualTo("s3bc-bo-cancel-batch-copy-2");
	}

	@Test
	void failedJobPrintsItsReasonsAndExitsFive() throws Exception {
		this.fixture.put("a.txt", "a");
		this.fixture.control.failJobs = true;
		Path job = this.fixture.jobFile("bo-failed", "", "type: listing", "", "");

		JobFixture.Result result = this.fixture.run("batch-copy", "--job", job.toString(), "--wait");

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
		assertThat(result.err()).contains("Failing").contains("FAILED: ManifestNotReadable: Reading the manifest");
		assertThat(result.out()).contains("the Batch Operations job FAILED (ManifestNotReadable");
		assertThat(this.fixture.summary("bo-failed.batch-copy", 1)).contains("BATCH_JOB_FAILED");
	}

	@Test
	void aRunWhoseWaitFailedResumesWaitingAndNeverSubmitsAgain() throws Exception {
		this.fixture.put("a.txt", "a");
		this.fixture.put("b.txt", "b");
		Path job = this.fixture.jobFile("bo-resume", "", "type: listing", "", "");
		this.fixture.control.describeErrors.set(1000);

		JobFixture.Result failed = this.fixture.run("batch-copy", "--job", job.toString(), "--wait");
		assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(3);
		assertThat(failed.out()).contains("FAILED: run the same command again")
			.contains("the local S3 Control is having a bad day")
			.contains("Status Code: 500");

		this.fixture.control.describeErrors.set(0);
		JobFixture.Result resumed = this.fixture.run("batch-copy", "--job", job.toString(), "--wait");
		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(resumed.out()).contains("Run 1 of job bo-resume.batch-copy (resumed): COMPLETED");
		assertThat(this.fixture.control.createJobRequests()).hasSize(1);
		assertThat(this.fixture.control.jobCount()).isEqualTo(1);
		assertThat(this.fixture.destinationKeys()).containsExactly("a.txt", "b.txt");
	}

	@Test
	void objectsAboveFiveGibibytesAreCopiedByTheToolsOwnCopyStep() throws Exception {
		// given: an inventory that states 6 GiB for two objects (the objects are small: 5
		// GiB cannot be made here)
		for (int i = 0; i < 6; i++) {
			this.fixture.put("v/" + i + ".mp4", "video " + i);
		}
		long sixGib = 6L << 30;
		Path manifest = inventoryLocally(Map.of("v/1.mp4", sixGib, "v/4.mp4", sixGib));
		Path job = this.fixture.jobFile("bo-large", "moved/", "type: inventory\nlocation: " + manifest, "", "");

		// when
		JobFixture.Result result = this.fixture.run("batch-copy", "--job", job.toString(), "--wait");

		// then
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.err()).contains("4 object(s) up to 5 GiB for Batch Operations").contains("2 larger");
		String submitted = io.github.s3bulkcopy.testsupport.S3TestData.readString(this.fixture.s3, this.fixture.reports,
				"batch-reports/s3-bulk-copy/bo-large.batch-copy/run-1/manifest.csv");
		assertThat(submitted).contains("v%2F0.mp4").doesNotContain("v%2F1.mp4").doesNotContain("v%2F4.mp4");
		assertThat(this.fixture.destinationKeys()).hasSize(6)
			.allSatisfy((key) -> assertThat(key).startsWith("moved/v/"));
		List<Map<String, String>> rows = this.fixture.reportRows("bo-large.batch-copy", 1);
		assertThat(rows).hasSize(6).allSatisfy((row) -> assertThat(row.get("Outcome")).isEqualTo("COPIED"));
		assertThat(rows.stream()
			.filter((row) -> row.get("VerificationMethod").equals("ETAG"))
			.map((row) -> row.get("Key"))).containsExactlyInAnyOrder("v/1.mp4", "v/4.mp4");
	}

	@Test
	void theBatchOperationsLimitComesFromMaxObjectSizeAndUnknownSizesAreLookedUp() throws Exception {
		this.fixture.put("small.txt", "x");
		this.fixture.put("big.txt", "y".repeat(4096));
		Path csv = this.dir.resolve("manifest.csv");
		java.nio.file.Files.writeString(csv, this.fixture.source + ",small.txt\n" + this.fixture.source + ",big.txt\n"
				+ this.fixture.source + ",gone.txt\n");
		this.fixture.reportScope = "failed-tasks-only";
		Path job = this.fixture.jobFile("bo-limit", "", "type: csv\nlocation: " + csv, "max-object-size: 1KiB", "");

		JobFixture.Result result = this.fixture.run("batch-copy", "--job", job.toString(), "--wait");

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.err()).contains("1 object(s) up to 1 KiB for Batch Operations").contains("1 larger");
		assertThat(this.fixture.destinationKeys()).containsExactly("big.txt", "small.txt");
		Map<String, Map<String, String>> rows = new java.util.HashMap<>();
		this.fixture.reportRows("bo-limit.batch-copy", 1).forEach((row) -> rows.put(row.get("Key"), row));
		assertThat(rows.get("small.txt").get("VerificationDetail")).contains("inferred");
		// Copied by this tool's copy step: a CSV manifest states no ETag, so it could not
		// compare one.
		assertThat(rows.get("big.txt").get("Outcome")).isEqualTo("COPIED");
		assertThat(rows.get("big.txt").get("VerificationDetail")).doesNotContain("Batch Operations");
		assertThat(rows.get("gone.txt").get("Outcome")).isEqualTo("FAILED");
		assertThat(rows.get("gone.txt").get("ErrorCode")).isEqualTo("NoSuchKey");
	}

	@Test
	void generatedManifestRequestCarriesTheFilters() throws Exception {
		this.fixture.put("logs/a.log", "a");
		this.fixture.put("logs/b.log", "b");
		this.fixture.put("other/c.log", "c");
		Path job = this.fixture.jobFile("bo-generated", "", "type: listing", """
				manifest-generator:
				  eligible-for-replication: true
				  object-replication-statuses: [none, failed]
				  created-after: 2026-01-01
				  created-before: 2026-12-31T00:00:00Z
				  key-prefixes: [logs/]
				  size-greater-than: 0B
				  size-less-than: 1GiB
				  storage-classes: [STANDARD]
				  manifest-output:
				    bucket: %s
				    prefix: generated
				""".formatted(this.fixture.reports), "");

		JobFixture.Result result = this.fixture.run("replicate", "--job", job.toString(), "--wait");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		Document xml = this.fixture.control.createJobRequests().get(0).xml();
		String generator = "/CreateJobRequest/ManifestGenerator/S3JobManifestGenerator";
		assertThat(texts(xml, "/CreateJobRequest/Manifest")).isEmpty();
		assertThat(text(xml, generator + "/SourceBucket")).isEqualTo("arn:aws:s3:::" + this.fixture.source);
		assertThat(text(xml, generator + "/EnableManifestOutput")).isEqualTo("true");
		assertThat(text(xml, generator + "/ManifestOutputLocation/Bucket"))
			.isEqualTo("arn:aws:s3:::" + this.fixture.reports);
		assertThat(text(xml, generator + "/ManifestOutputLocation/ManifestPrefix")).isEqualTo("generated");
		assertThat(text(xml, generator + "/ManifestOutputLocation/ManifestFormat"))
			.isEqualTo("S3InventoryReport_CSV_20211130");
		assertThat(text(xml, generator + "/Filter/EligibleForReplication")).isEqualTo("true");
		assertThat(texts(xml, generator + "/Filter/ObjectReplicationStatuses/member")).containsExactly("NONE",
				"FAILED");
		assertThat(text(xml, generator + "/Filter/CreatedAfter")).startsWith("2026-01-01T00:00:00");
		assertThat(text(xml, generator + "/Filter/CreatedBefore")).startsWith("2026-12-31T00:00:00");
		assertThat(texts(xml, generator + "/Filter/KeyNameConstraint/MatchAnyPrefix/member")).containsExactly("logs/");
		assertThat(text(xml, generator + "/Filter/ObjectSizeGreaterThanBytes")).isEqualTo("0");
		assertThat(text(xml, generator + "/Filter/ObjectSizeLessThanBytes")).isEqualTo("1073741824");
		assertThat(texts(xml, generator + "/Filter/MatchAnyStorageClass/member")).containsExactly("STANDARD");
		assertThat(this.fixture.reportRows("bo-generated.replicate", 1)).extracting((row) -> row.get("Key"))
			.containsExactly("logs/a.log", "logs/b.log");
	}

	@Test
	void batchCopyRefusesSeveralVersionsOfOneKeyAndPointsToReplicate() throws Exception {
		// given: a manifest naming two versions of one key (Batch Operations Copy would
		// copy them in no order)
		this.fixture.put("docs/a.txt", "a");
		this.fixture.put("docs/b.txt", "b");
		Path csv = this.dir.resolve("versions.csv");
		java.nio.file.Files.writeString(csv, this.fixture.source + ",docs/a.txt,v2\n" + this.fixture.source
				+ ",docs/a.txt,v1\n" + this.fixture.source + ",docs/b.txt,v7\n");
		Path job = this.fixture.jobFile("bo-versions", "", "type: csv\nlocation: " + csv, "", "");

		// when
		JobFixture.Result refused = this.fixture.run("batch-copy", "--job", job.toString(), "--wait");

		// then
		assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
		assertThat(refused.err()).contains("more than one version of a key (docs/a.txt)")
			.contains("'replicate'")
			.contains("no defined order");
		assertThat(this.fixture.control.createJobRequests()).isEmpty();
		assertThat(this.fixture.destinationKeys()).isEmpty();

		// One version per key: the next command starts a new run, which is submitted.
		java.nio.file.Files.writeString(csv,
				this.fixture.source + ",docs/a.txt\n" + this.fixture.source + ",docs/b.txt\n");
		JobFixture.Result fixed = this.fixture.run("batch-copy", "--job", job.toString(), "--wait");
		assertThat(fixed.exitCode()).as(fixed.toString()).isZero();
		assertThat(fixed.out()).contains("Run 2 of job bo-versions.batch-copy");
		assertThat(this.fixture.control.createJobRequests()).hasSize(1);
	}

	@Test
	void batchCopyRefusesAManifestGeneratorAndAJobFileWithoutTheSection() throws Exception {
		Path generated = this.fixture.jobFile("bo-refused", "", "type: listing",
				"manifest-generator:\n  key-prefixes: [logs/]", "");
		JobFixture.Result refused = this.fixture.run("batch-copy", "--job", generated.toString());
		assertThat(refused.exitCode()).isEqualTo(2);
		assertThat(refused.err()).contains("batch-copy needs every object's size");

		JobFixture.Result noSubmission = this.fixture.run("batch-status", "--job", generated.toString());
		assertThat(noSubmission.exitCode()).isEqualTo(2);
		assertThat(noSubmission.err()).contains("has submitted no Batch Operations job");

		JobFixture.Result help = this.fixture.run("batch-copy", "--help");
		assertThat(help.exitCode()).isZero();
		assertThat(help.out()).contains("--wait").contains("5 GiB").contains("Exit codes");
	}

	/**
	 * Writes an inventory report of the source bucket to the reports bucket; sizes may be
	 * overridden.
	 */
	private String inventoryInS3(Map<String, Long> sizes) {
		io.github.s3bulkcopy.demo.InventoryReportBuilder.Report report = inventory(sizes);
		report.files()
			.forEach((key, bytes) -> io.github.s3bulkcopy.testsupport.S3TestData.put(this.fixture.s3,
					this.fixture.reports, key, bytes));
		return "s3://" + this.fixture.reports + "/" + report.manifestKey();
	}

	private Path inventoryLocally(Map<String, Long> sizes) throws java.io.IOException {
		io.github.s3bulkcopy.demo.InventoryReportBuilder.Report report = inventory(sizes);
		Path root = this.dir.resolve("inventory");
		for (Map.Entry<String, byte[]> file : report.files().entrySet()) {
			Path path = root.resolve(file.getKey());
			java.nio.file.Files.createDirectories(path.getParent());
			java.nio.file.Files.write(path, file.getValue());
		}
		return root.resolve(report.manifestKey());
	}

	private io.github.s3bulkcopy.demo.InventoryReportBuilder.Report inventory(Map<String, Long> sizes) {
		io.github.s3bulkcopy.demo.InventoryReportBuilder builder = new io.github.s3bulkcopy.demo.InventoryReportBuilder(
				this.fixture.source, this.fixture.reports, "inventory", 3);
		this.fixture.s3.listObjectsV2Paginator((list) -> list.bucket(this.fixture.source))
			.contents()
			.forEach((object) -> builder.add(new io.github.s3bulkcopy.demo.InventoryReportBuilder.Row(object.key(),
					sizes.getOrDefault(object.key(), object.size()), object.eTag().replace("\"", ""), false)));
		return builder.build(java.time.Instant.parse("2026-11-01T01:00:00Z"));
	}

}
