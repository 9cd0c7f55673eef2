package io.github.s3bulkcopy.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.s3bulkcopy.testsupport.FaultInjectingProxy;
import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LocalS3MockTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code verify --job FILE} end to end against S3Mock: a finished copy is audited after
 * its destination was altered behind the tool's back, with each method; a verify run
 * resumes like a copy run.
 */
class VerifyRunFunctionalTests implements LocalS3MockTest {

	private final S3Client s3 = LocalS3MockTest.s3MockClient();

	@TempDir
	Path dir;

	private JobFixture fixture;

	@BeforeEach
	void buckets() {
		this.fixture = JobFixture.onS3Mock(this.dir, "verify");
	}

	@Test
	void aDestinationAlteredBehindTheToolsBackIsFoundByEveryMethod() throws IOException {
		// given: a copy that was verified
		for (String key : List.of("same-size.bin", "missing.bin", "other-size.bin", "intact.bin", "no-crc64.bin")) {
			S3TestData.put(this.s3, this.fixture.sourceBucket, key, S3TestData.randomBytes(1000),
					ChecksumAlgorithm.CRC64_NVME);
		}
		byte[] composite = S3TestData.randomBytes(5 * 1024 * 1024 + 1000);
		S3TestData.putMultipart(this.s3, this.fixture.sourceBucket, "composite.bin",
				List.of(Arrays.copyOfRange(composite, 0, 5 * 1024 * 1024),
						Arrays.copyOfRange(composite, 5 * 1024 * 1024, composite.length)),
				ChecksumAlgorithm.CRC32);
		Path job = jobFile("checksum");
		assertThat(this.fixture.run("copy", "--job", job.toString()).exitCode()).isZero();

		// when the destination changes: same size other bytes (with a CRC64NVME), gone,
		// another size, and same size other bytes with only a CRC32
		String destination = this.fixture.destinationBucket;
		S3TestData.put(this.s3, destination, "same-size.bin", S3TestData.randomBytes(1000),
				ChecksumAlgorithm.CRC64_NVME);
		this.s3.deleteObject((delete) -> delete.bucket(destination).key("missing.bin"));
		S3TestData.put(this.s3, destination, "other-size.bin", S3TestData.randomBytes(999),
				ChecksumAlgorithm.CRC64_NVME);
		S3TestData.put(this.s3, destination, "no-crc64.bin", S3TestData.randomBytes(1000), ChecksumAlgorithm.CRC32);

		// then each method finds what it can prove
		JobFixture.Result checksum = this.fixture.run("verify", "--job", job.toString());
		assertThat(checksum.exitCode()).as(checksum.toString()).isEqualTo(1);
		assertThat(checksum.out()).contains("Verify run 1 of job audit.verify: COMPLETED WITH FINDINGS")
			.contains("6 planned, 2 verified")
			.contains("1 missing at destination, 1 size differs, 1 checksum differs, 1 not verifiable");
		assertThat(findings(1)).containsExactlyInAnyOrderEntriesOf(Map.of("same-size.bin",
				"CHECKSUM_DIFFERS CHECKSUM MISMATCH", "missing.bin", "MISSING_AT_DESTINATION NONE NOT_VERIFIED",
				"other-size.bin", "SIZE_DIFFERS SIZE MISMATCH", "intact.bin", "VERIFIED CHECKSUM VERIFIED",
				"no-crc64.bin", "NOT_VERIFIED NONE NOT_VERIFIED", "composite.bin", "VERIFIED CHECKSUM VERIFIED"));

		jobFile("full-read");
		JobFixture.Result fullRead = this.fixture.run("verify", "--job", job.toString());
		assertThat(fullRead.exitCode()).as(fullRead.toString()).isEqualTo(1);
		assertThat(fullRead.out()).contains("Verify run 2 of job audit.verify");
		assertThat(findings(2)).containsExactlyInAnyOrderEntriesOf(Map.of("same-size.bin",
				"CHECKSUM_DIFFERS FULL_READ MISMATCH", "missing.bin", "MISSING_AT_DESTINATION NONE NOT_VERIFIED",
				"other-size.bin", "SIZE_DIFFERS SIZE MISMATCH", "intact.bin", "VERIFIED FULL_READ VERIFIED",
				"no-crc64.bin", "CHECKSUM_DIFFERS FULL_READ MISMATCH", "composite.bin", "VERIFIED FULL_READ VERIFIED"));

		jobFile("auto");
		JobFixture.Result auto = this.fixture.run("verify", "--job", job.toString());
		assertThat(auto.exitCode()).as(auto.toString()).isEqualTo(1);
		assertThat(findings(3)).containsEntry("same-size.bin", "CHECKSUM_DIFFERS CHECKSUM MISMATCH")
			.containsEntry("no-crc64.bin", "CHECKSUM_DIFFERS ETAG MISMATCH")
			.containsEntry("intact.bin", "VERIFIED CHECKSUM VERIFIED");
		JsonNode summary = JsonMapper.builder()
			.build()
			.readTree(Files.readString(this.fixture.reports().resolve("audit.verify/3/summary.json")));
		assertThat(summary.get("status").asString()).isEqualTo("COMPLETED_WITH_FAILURES");
		assertThat(summary.get("exitCode").asInt()).isEqualTo(1);
		assertThat(summary.get("method").asString()).isEqualTo("auto");
		assertThat(summary.get("objects").get("VERIFIED").asLong()).isEqualTo(2);
		assertThat(summary.get("objects").get("CHECKSUM_DIFFERS").asLong()).isEqualTo(2);
		assertThat(summary.get("objects").get("MISSING_AT_DESTINATION").asLong()).isEqualTo(1);
		assertThat(summary.get("objects").get("SIZE_DIFFERS").asLong()).isEqualTo(1);

		// and the copy runs are untouched by verify runs
		JobFixture.Result status = this.fixture.run("status");
		assertThat(status.out()).contains("Job audit:").contains("Job audit.verify:");
	}

	@Test
	void everyObjectVerifiedExitsZeroAndAVerifyRunResumesAfterARunLevelFailure() throws IOException {
		// given
		for (int i = 0; i < 30; i++) {
			S3TestData.put(this.s3, this.fixture.sourceBucket, "logs/" + i + ".log", S3TestData.randomBytes(200 + i),
					ChecksumAlgorithm.CRC64_NVME);
		}
		Path job = jobFile("auto");
		assertThat(this.fixture.run("copy", "--job", job.toString()).exitCode()).isZero();
		String good = Files.readString(job);
		try (FaultInjectingProxy proxy = new FaultInjectingProxy(this.fixture.endpoint, 0, 0)) {
			// The destination answers its bucket check but 500 to every object HEAD: the
			// run starts, then fails.
			proxy.answer("HEAD /" + this.fixture.destinationBucket + "/", 500, "InternalError", Map.of());
			int destinationEndpoint = good.lastIndexOf(this.fixture.endpoint.toString());
			Files.writeString(job,
					(good.substring(0, destinationEndpoint) + proxy.endpoint()
							+ good.substring(destinationEndpoint + this.fixture.endpoint.toString().length()))
						.replace("copy:\n", "copy:\n  max-attempts: 2\n"));

			// when the destination fails
			JobFixture.Result failed = this.fixture.run("verify", "--job", job.toString());

			// then the run fails resumably, and the same command resumes it once it can
			assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(3);
			assertThat(failed.out()).contains("Verify run 1 of job audit.verify: FAILED");
		}
		Files.writeString(job, good);
		JobFixture.Result resumed = this.fixture.run("verify", "--job", job.toString());
		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(resumed.out())
			.contains("Verify run 1 of job audit.verify (resumed): COMPLETED: every object verified")
			.contains("30 planned, 30 verified, 0 pending");
		assertThat(this.fixture.verifyReportRows("audit", 1)).hasSize(30)
			.allSatisfy((row) -> assertThat(row.get("Finding")).isEqualTo("VERIFIED"));

		JobFixture.Result again = this.fixture.run("verify", "--job", job.toString());
		assertThat(again.exitCode()).as(again.toString()).isZero();
		assertThat(again.out()).contains("Verify run 2 of job audit.verify: COMPLETED");
	}

	@Test
	void aVerifyRunOfMethodNoneIsRefused() throws IOException {
		Path job = jobFile("none");

		JobFixture.Result result = this.fixture.run("verify", "--job", job.toString());

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("verify.method is none");
	}

	/** Key → "Finding VerificationMethod Verdict" of a verify run's report. */
	private Map<String, String> findings(long run) throws IOException {
		return this.fixture.verifyReportRows("audit", run)
			.stream()
			.collect(Collectors.toMap((row) -> row.get("Key"),
					(row) -> row.get("Finding") + " " + row.get("VerificationMethod") + " " + row.get("Verdict")));
	}

	private Path jobFile(String method) throws IOException {
		return this.fixture.jobFile("audit", "", "", "type: listing", """
				copy:
				  partitions: 2
				  chunk-size: 4
				verify:
				  method: %s
				""".formatted(method));
	}

}
