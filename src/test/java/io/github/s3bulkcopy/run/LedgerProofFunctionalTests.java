package io.github.s3bulkcopy.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code copy.skip-existing} on S3Proxy, which stores no checksum for a multipart copy
 * and gives it an ETag unlike its source's: nothing the store keeps proves the copy
 * unchanged, but the ledger recorded that an earlier run verified it (by reading both in
 * full), and a HEAD of each side finds them as recorded.
 */
class LedgerProofFunctionalTests implements LocalS3ProxyTest {

	private static final int MIB = 1024 * 1024;

	private final S3Client s3 = LocalS3ProxyTest.sourceClient();

	@TempDir
	Path dir;

	@Test
	void aCopyVerifiedInAnEarlierRunIsSkippedOnTheLedgersWordUntilEitherSideIsReplaced() throws IOException {
		// given a multipart-sized object and two small ones, with no stored checksums
		JobFixture fixture = JobFixture.onS3Proxy(this.dir, "proof");
		S3TestData.put(this.s3, fixture.sourceBucket, "large.bin", S3TestData.randomBytes(6 * MIB + 5));
		S3TestData.put(this.s3, fixture.sourceBucket, "small/a b.txt", S3TestData.randomBytes(300));
		S3TestData.put(this.s3, fixture.sourceBucket, "small/ü+.txt", S3TestData.randomBytes(301));
		Path job = fixture.jobFile("proof", "", "", "type: listing", """
				copy:
				  skip-existing: true
				  multipart-threshold: 5MiB
				  part-size: 5MiB
				verify:
				  require: true
				""");
		JobFixture.Result first = fixture.run("copy", "--job", job.toString());
		assertThat(first.exitCode()).as(first.toString()).isZero();
		assertThat(row(fixture, 1, "large.bin").get("VerificationMethod")).isEqualTo("FULL_READ");

		// when nothing changed
		JobFixture.Result second = fixture.run("copy", "--job", job.toString());

		// then the multipart copy is skipped on run 1's proof, with a HEAD of each side
		// and nothing read
		assertThat(second.exitCode()).as(second.toString()).isZero();
		assertThat(second.out()).contains("0 copied, 3 skipped");
		Map<String, String> large = row(fixture, 2, "large.bin");
		assertThat(large.get("Outcome")).isEqualTo("SKIPPED_UNCHANGED");
		assertThat(large.get("VerificationMethod") + " " + large.get("Verified")).isEqualTo("LEDGER VERIFIED");
		assertThat(large.get("ResultMessage"))
			.isEqualTo("Skipped: unchanged at destination (LEDGER: verified in run 1)");
		assertThat(large.get("DestinationChecksum")).endsWith("-2");
		assertThat(row(fixture, 2, "small/a b.txt").get("VerificationMethod")).isEqualTo("ETAG");
		Map<String, Long> made = requests(fixture, 2);
		assertThat(made).containsEntry("HeadObject", 6L)
			.doesNotContainKeys("GetObject", "UploadPartCopy", "CopyObject", "PutObject");

		// when the run after that finds nothing changed either, the proof is still run
		// 1's
		JobFixture.Result third = fixture.run("copy", "--job", job.toString());
		assertThat(third.out()).as(third.toString()).contains("0 copied, 3 skipped");
		assertThat(row(fixture, 3, "large.bin").get("ResultMessage")).endsWith("(LEDGER: verified in run 1)");

		// when the source is replaced by other bytes of the same size
		byte[] replaced = S3TestData.randomBytes(6 * MIB + 5);
		S3TestData.put(this.s3, fixture.sourceBucket, "large.bin", replaced);
		JobFixture.Result fourth = fixture.run("copy", "--job", job.toString());

		// then it is copied again, and that copy is the proof from now on
		assertThat(fourth.out()).as(fourth.toString()).contains("1 copied, 2 skipped");
		assertThat(row(fixture, 4, "large.bin").get("Outcome")).isEqualTo("COPIED");
		assertThat(S3TestData.readBytes(this.s3, fixture.destinationBucket, "large.bin")).isEqualTo(replaced);
		JobFixture.Result fifth = fixture.run("copy", "--job", job.toString());
		assertThat(fifth.out()).as(fifth.toString()).contains("0 copied, 3 skipped");
		assertThat(row(fixture, 5, "large.bin").get("ResultMessage")).endsWith("(LEDGER: verified in run 4)");

		// when the destination is replaced (a single-part object: other ETag, same size)
		S3TestData.put(this.s3, fixture.destinationBucket, "large.bin", S3TestData.randomBytes(6 * MIB + 5));
		JobFixture.Result sixth = fixture.run("copy", "--job", job.toString());

		// then it is copied again
		assertThat(sixth.out()).as(sixth.toString()).contains("1 copied, 2 skipped");
		assertThat(row(fixture, 6, "large.bin").get("Outcome")).isEqualTo("COPIED");
		assertThat(S3TestData.readBytes(this.s3, fixture.destinationBucket, "large.bin")).isEqualTo(replaced);
	}

	private static Map<String, String> row(JobFixture fixture, long run, String key) throws IOException {
		List<Map<String, String>> rows = fixture.reportRows("proof", run);
		return rows.stream().filter((row) -> row.get("Key").equals(key)).findFirst().orElseThrow();
	}

	/** Requests the run made by operation, both sides together. */
	private static Map<String, Long> requests(JobFixture fixture, long run) throws IOException {
		JsonNode summary = JsonMapper.builder()
			.build()
			.readTree(Files.readString(
					fixture.reports().resolve("proof").resolve(Long.toString(run)).resolve("summary.json"),
					StandardCharsets.UTF_8));
		Map<String, Long> made = new java.util.TreeMap<>();
		for (Map.Entry<String, JsonNode> side : summary.get("requests").get("bySide").properties()) {
			for (Map.Entry<String, JsonNode> operation : side.getValue().properties()) {
				made.merge(operation.getKey(), operation.getValue().get("requests").asLong(), Long::sum);
			}
		}
		return made;
	}

}
