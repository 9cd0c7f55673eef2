package io.github.s3bulkcopy.run;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.testsupport.FaultInjectingProxy;
import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A source object whose bytes do not match the checksum the source stores for it fails
 * alone: its row is FAILED with {@code SourceChecksumMismatch}, every other object is
 * copied, and the run completes with exit code 1. S3Proxy keeps no checksum that could
 * disagree with its bytes, so a relay adds a wrong {@code x-amz-checksum-crc32} to the
 * source's answer to the GET of the corrupt object, and the SDK's own validation of the
 * GET finds the mismatch.
 */
class CorruptSourceFunctionalTests implements LocalS3ProxyTest {

	/** A CRC32 no content of these tests has. */
	private static final String WRONG_CRC32 = "AAAAAA==";

	@TempDir
	Path dir;

	private final S3Client s3 = LocalS3ProxyTest.sourceClient();

	private JobFixture fixture;

	@BeforeEach
	void buckets() {
		this.fixture = JobFixture.onS3Proxy(this.dir, "corrupt");
	}

	@Test
	void aCorruptSmallObjectFailsAloneAndTheRunGoesOn() throws Exception {
		assertCorruptObjectFailsAlone("data/corrupt.txt", "corrupt bytes".getBytes());
	}

	/**
	 * Larger than the objects read whole before their PUT: the PUT stops reading the GET
	 * at its content length, before the SDK checks the GET's checksum, so the copy checks
	 * the bytes itself.
	 */
	@Test
	void aCorruptStreamedObjectFailsAloneAndTheRunGoesOn() throws Exception {
		assertCorruptObjectFailsAlone("data/corrupt.bin", S3TestData.randomBytes(3 * 1024 * 1024));
	}

	/**
	 * A stored CRC64NVME, which the streamed PUT also sends: the copy fails before the
	 * destination answers BadDigest.
	 */
	@Test
	void aCorruptStreamedObjectWithAStoredCrc64NvmeFailsAlone() throws Exception {
		assertCorruptObjectFailsAlone("data/corrupt.bin", S3TestData.randomBytes(3 * 1024 * 1024),
				"x-amz-checksum-crc64nvme", "AAAAAAAAAAA=");
	}

	private void assertCorruptObjectFailsAlone(String corruptKey, byte[] corrupt) throws Exception {
		assertCorruptObjectFailsAlone(corruptKey, corrupt, "x-amz-checksum-crc32", WRONG_CRC32);
	}

	private void assertCorruptObjectFailsAlone(String corruptKey, byte[] corrupt, String header, String value)
			throws Exception {
		List<String> good = List.of("data/a.txt", "data/b.txt", "data/c.txt", "data/d.txt");
		for (String key : good) {
			S3TestData.put(this.s3, this.fixture.sourceBucket, key, "content of " + key);
		}
		S3TestData.put(this.s3, this.fixture.sourceBucket, corruptKey, corrupt);
		try (FaultInjectingProxy proxy = new FaultInjectingProxy(LocalS3ProxyTest.s3Proxy().endpoint(), 0, 0)) {
			proxy.addAnswerHeaders("GET /" + this.fixture.sourceBucket + "/" + corruptKey,
					Map.of(header, value, "x-amz-checksum-type", "FULL_OBJECT"));
			JobFixture proxied = this.fixture.through(proxy.endpoint());
			Path job = proxied.jobFile("corrupt-source", "", "", "type: listing", "copy:\n  mode: stream\n");

			JobFixture.Result result = proxied.run("copy", "--job", job.toString());

			assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
			assertThat(result.out()).contains("COMPLETED").contains("4 copied").contains("1 failed");
			Map<String, Map<String, String>> rows = new HashMap<>();
			proxied.reportRows("corrupt-source", 1).forEach((row) -> rows.put(row.get("Key"), row));
			assertThat(rows).hasSize(5);
			Map<String, String> failed = rows.get(corruptKey);
			assertThat(failed.get("Outcome")).isEqualTo("FAILED");
			assertThat(failed.get("ErrorCode")).isEqualTo("SourceChecksumMismatch");
			assertThat(failed.get("ResultMessage"))
				.startsWith("the source object's bytes do not match its stored checksum")
				.contains(value);
			for (String key : good) {
				assertThat(rows.get(key).get("Outcome")).as(key).isEqualTo("COPIED");
				assertThat(S3TestData.readString(this.s3, this.fixture.destinationBucket, key))
					.isEqualTo("content of " + key);
			}
			assertThatExceptionOfType(NoSuchKeyException.class)
				.isThrownBy(() -> S3TestData.readBytes(this.s3, this.fixture.destinationBucket, corruptKey));
		}
	}

}
