package io.github.s3bulkcopy.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against S3Proxy, which ignores the CRC64NVME asked for on CopyObject and carries the
 * source's checksum over to the copy without computing it: the copy's HEAD shows a
 * CRC64NVME equal to the source's whatever the bytes, and no run may count that as proof.
 */
class ChecksumTrustFunctionalTests implements LocalS3ProxyTest {

	private final S3Client s3 = LocalS3ProxyTest.sourceClient();

	@TempDir
	Path dir;

	private JobFixture fixture;

	private byte[] large;

	@BeforeEach
	void seed() {
		this.fixture = JobFixture.onS3Proxy(this.dir, "trust");
		// S3Proxy stores a checksum only when its value is sent as a header
		for (String key : List.of("header/a.bin", "header/b.bin")) {
			putWithCrc64Header(key, S3TestData.randomBytes(2000));
		}
		this.large = S3TestData.randomBytes(6 * 1024 * 1024 + 5);
		putWithCrc64Header("header/large.bin", this.large);
		S3TestData.put(this.s3, this.fixture.sourceBucket, "plain/c.bin", S3TestData.randomBytes(300));
	}

	@Test
	void autoNeverClaimsVerifiedFromAChecksumTheServerDidNotCompute() throws IOException {
		// given
		Path job = jobFile("trust-auto", "auto", false);

		// when
		JobFixture.Result result = this.fixture.run("copy", "--job", job.toString());

		// then the trap is there: the copy shows the source's CRC64NVME, carried over
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(this.s3
			.headObject((head) -> head.bucket(this.fixture.destinationBucket)
				.key("header/a.bin")
				.checksumMode(ChecksumMode.ENABLED))
			.checksumCRC64NVME()).isNotNull();
		// but nothing is verified by checksum: single-part copies by their MD5 ETags, the
		// multipart copy not at all
		List<Map<String, String>> rows = this.fixture.reportRows("trust-auto", 1);
		assertThat(rows).noneSatisfy((row) -> assertThat(row.get("VerificationMethod")).isEqualTo("CHECKSUM"));
		assertThat(rows).filteredOn((row) -> !row.get("Key").equals("header/large.bin"))
			.hasSize(3)
			.allSatisfy((row) -> assertThat(row.get("VerificationMethod") + " " + row.get("Verified"))
				.isEqualTo("ETAG VERIFIED"));
		Map<String, String> large = rows.stream()
			.filter((row) -> row.get("Key").equals("header/large.bin"))
			.findFirst()
			.orElseThrow();
		assertThat(large.get("Verified")).isEqualTo("NOT_VERIFIED");
		assertThat(large.get("VerificationDetail")).contains("did not compute the CRC64NVME");
	}

	@Test
	void requiredChecksumsFailEveryCopyTheServerComputedNoChecksumFor() throws IOException {
		Path job = jobFile("trust-checksum", "checksum", true);

		JobFixture.Result result = this.fixture.run("copy", "--job", job.toString());

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.out()).contains("4 failed").contains("0 verified");
		assertThat(this.fixture.reportRows("trust-checksum", 1)).hasSize(4).allSatisfy((row) -> {
			assertThat(row.get("Outcome")).isEqualTo("FAILED");
			assertThat(row.get("ErrorCode")).isEqualTo("NotVerified");
			assertThat(row.get("Verified")).isEqualTo("NOT_VERIFIED");
		});
	}

	@Test
	void aRequiredAutoReadsWhatNoComputedValueProves() throws IOException {
		Path job = jobFile("trust-required", "auto", true);

		JobFixture.Result result = this.fixture.run("copy", "--job", job.toString());

		assertThat(result.exitCode()).as(result.toString()).isZero();
		Map<String, String> large = this.fixture.reportRows("trust-required", 1)
			.stream()
			.filter((row) -> row.get("Key").equals("header/large.bin"))
			.findFirst()
			.orElseThrow();
		assertThat(large.get("VerificationMethod") + " " + large.get("Verified")).isEqualTo("FULL_READ VERIFIED");
		assertThat(large.get("SourceChecksum")).isEqualTo("CRC64NVME:FULL_OBJECT:" + S3TestData.crc64nvme(this.large));
	}

	private Path jobFile(String name, String method, boolean require) throws IOException {
		return this.fixture.jobFile(name, "", "", "type: listing", """
				copy:
				  multipart-threshold: 5MiB
				  part-size: 5MiB
				verify:
				  method: %s
				  require: %s
				""".formatted(method, require));
	}

	private void putWithCrc64Header(String key, byte[] content) {
		this.s3.putObject((
				put) -> put.bucket(this.fixture.sourceBucket).key(key).checksumCRC64NVME(S3TestData.crc64nvme(content)),
				RequestBody.fromBytes(content));
	}

}
