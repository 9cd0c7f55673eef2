package io.github.s3bulkcopy.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LocalS3MockTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code copy.skip-existing} against S3Mock: "unchanged" is equal size plus an equal
 * stored checksum (or a valid ETag), so multipart-copied objects, whose ETags differ from
 * their sources', are recognised too, and a change that keeps the size is not missed.
 */
class IncrementalSyncFunctionalTests implements LocalS3MockTest {

	private static final int MIB = 1024 * 1024;

	private final S3Client s3 = LocalS3MockTest.s3MockClient();

	@TempDir
	Path dir;

	@Test
	void aSecondRunCopiesNothingAndALaterOneExactlyWhatChangedOrIsNew() throws IOException {
		// given 18 small objects and 2 that are copied in parts, all with the CRC64NVME
		// S3 gives new uploads
		JobFixture fixture = JobFixture.onS3Mock(this.dir, "sync");
		for (int i = 0; i < 18; i++) {
			put(fixture, String.format("small/%02d.bin", i), S3TestData.randomBytes(500 + i));
		}
		put(fixture, "large/0.bin", S3TestData.randomBytes(9 * MIB));
		put(fixture, "large/1.bin", S3TestData.randomBytes(9 * MIB));
		Path job = fixture.jobFile("sync", "", "", "type: listing", """
				copy:
				  skip-existing: true
				  multipart-threshold: 8MiB
				  part-size: 5MiB
				  chunk-size: 6
				verify:
				  require: true
				""");
		JobFixture.Result first = fixture.run("copy", "--job", job.toString());
		assertThat(first.exitCode()).as(first.toString()).isZero();
		assertThat(first.out()).contains("20 copied, 0 skipped");
		assertThat(S3TestData
			.unquoted(this.s3.headObject((head) -> head.bucket(fixture.destinationBucket).key("large/0.bin")).eTag()))
			.as("a multipart copy's ETag")
			.endsWith("-2");

		// when nothing changed
		JobFixture.Result second = fixture.run("copy", "--job", job.toString());

		// then nothing is copied
		assertThat(second.exitCode()).as(second.toString()).isZero();
		assertThat(second.out()).contains("Run 2 of job sync").contains("0 copied, 20 skipped");
		List<Map<String, String>> unchanged = fixture.reportRows("sync", 2);
		assertThat(unchanged).allSatisfy((row) -> assertThat(row.get("Outcome")).isEqualTo("SKIPPED_UNCHANGED"));
		assertThat(unchanged).filteredOn((row) -> row.get("Key").startsWith("large/"))
			.hasSize(2)
			.allSatisfy((row) -> assertThat(row.get("VerificationMethod")).isEqualTo("CHECKSUM"));

		// when 3 objects change (one keeps its size, one copied in parts keeps its size
		// too) and 2 are added
		put(fixture, "small/03.bin", S3TestData.randomBytes(503));
		put(fixture, "small/07.bin", S3TestData.randomBytes(10));
		put(fixture, "large/1.bin", S3TestData.randomBytes(9 * MIB));
		put(fixture, "small/new-a.bin", S3TestData.randomBytes(42));
		put(fixture, "large/new-b.bin", S3TestData.randomBytes(9 * MIB));
		JobFixture.Result third = fixture.run("copy", "--job", job.toString());

		// then exactly those 5 are copied, and the rest reported unchanged
		assertThat(third.exitCode()).as(third.toString()).isZero();
		assertThat(third.out()).contains("5 copied, 17 skipped");
		List<Map<String, String>> rows = fixture.reportRows("sync", 3);
		assertThat(rows).hasSize(22);
		assertThat(rows).filteredOn((row) -> row.get("Outcome").equals("COPIED"))
			.extracting((row) -> row.get("Key"))
			.containsExactlyInAnyOrder("small/03.bin", "small/07.bin", "large/1.bin", "small/new-a.bin",
					"large/new-b.bin");
		assertThat(rows).filteredOn((row) -> !row.get("Outcome").equals("COPIED"))
			.allSatisfy((row) -> assertThat(row.get("Outcome")).isEqualTo("SKIPPED_UNCHANGED"));
		for (String key : List.of("small/03.bin", "small/07.bin", "large/1.bin", "large/new-b.bin")) {
			assertThat(S3TestData.readBytes(this.s3, fixture.destinationBucket, key)).as(key)
				.isEqualTo(S3TestData.readBytes(this.s3, fixture.sourceBucket, key));
		}
	}

	private void put(JobFixture fixture, String key, byte[] content) {
		S3TestData.put(this.s3, fixture.sourceBucket, key, content, ChecksumAlgorithm.CRC64_NVME);
	}

}
