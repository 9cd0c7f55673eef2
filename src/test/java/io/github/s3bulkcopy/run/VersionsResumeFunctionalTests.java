package io.github.s3bulkcopy.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.s3bulkcopy.testsupport.FaultInjectingProxy;
import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LocalInventory;
import io.github.s3bulkcopy.testsupport.LocalS3MockTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run copying every version, killed with SIGKILL in a child JVM while versions are
 * being copied, then resumed: each key's versions are at the destination once each, in
 * order, although the copies of the chunk that was cut short had landed without the
 * ledger recording them.
 */
class VersionsResumeFunctionalTests implements LocalS3MockTest {

	private static final int KEYS = 40;

	private static final int VERSIONS = 3;

	private final S3Client s3 = LocalS3MockTest.s3MockClient();

	@TempDir
	Path dir;

	@Test
	void aRunKilledWhileCopyingVersionsResumesWithoutAddingAnyVersionTwice() throws Exception {
		String source = versionedBucket("vkill-src");
		String destination = versionedBucket("vkill-dst");
		List<String> rows = new ArrayList<>();
		Instant written = Instant.parse("2026-03-01T00:00:00Z");
		for (int v = 1; v <= VERSIONS; v++) {
			for (int k = 0; k < KEYS; k++) {
				String key = key(k);
				PutObjectResponse put = this.s3.putObject((p) -> p.bucket(source).key(key),
						RequestBody.fromString(content(k, v)));
				// An inventory lists versions newest first; dates a second apart give
				// each its place.
				rows.add(0,
						String.join(",", quoted(source), quoted(key), quoted(put.versionId()),
								quoted(Boolean.toString(v == VERSIONS)), quoted("false"),
								quoted(Integer.toString(content(k, v).length())),
								quoted(written.plusSeconds(v).toString()), quoted(S3TestData.unquoted(put.eTag()))));
			}
		}
		try (FaultInjectingProxy proxy = new FaultInjectingProxy(LocalS3MockTest.s3Mock().endpoint(), 0, 0)) {
			// Each copy is held back, so the kill comes while a chunk's copies are
			// landing one after another.
			proxy.delay("PUT /" + destination + "/", 150);
			JobFixture fixture = new JobFixture(this.dir, proxy.endpoint(), LocalS3MockTest.IDENTITY, source,
					destination);
			Path job = fixture.jobFile("vkill", "", "", "type: inventory\nlocation: " + inventory(source, rows), """
					copy:
					  versions: all
					  partitions: 2
					  concurrency: 4
					  chunk-size: 15
					""");

			Process child = fixture.startChild("copy", "--job", job.toString());
			fixture.awaitChild(child, () -> versionsOf(destination).size() >= 50, "copy 50 versions");
			child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			int landed = versionsOf(destination).size();
			assertThat(landed).as("killed before the copy step ended").isLessThan(KEYS * VERSIONS);
			proxy.delay("PUT /" + destination + "/", 0);

			JobFixture.Result resumed = fixture.run("copy", "--job", job.toString());

			assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
			assertThat(resumed.out()).contains("(resumed)");
			List<ObjectVersion> versions = versionsOf(destination);
			assertThat(versions).as("no version copied twice").hasSize(KEYS * VERSIONS);
			for (int k = 0; k < KEYS; k += 7) {
				int key = k;
				List<String> history = new ArrayList<>();
				// Newest first, as S3 lists them.
				versions.stream()
					.filter((version) -> version.key().equals(key(key)))
					.forEach((version) -> history.add(0,
							new String(this.s3
								.getObjectAsBytes(
										(get) -> get.bucket(destination).key(key(key)).versionId(version.versionId()))
								.asByteArray(), StandardCharsets.UTF_8)));
				assertThat(history).containsExactly(content(k, 1), content(k, 2), content(k, 3));
			}
			List<Map<String, String>> report = fixture.reportRows("vkill", 1);
			assertThat(report).hasSize(KEYS * VERSIONS)
				.allSatisfy((row) -> assertThat(row.get("Outcome")).isEqualTo("COPIED"));
			assertThat(new HashSet<>(report.stream().map((row) -> row.get("DestinationVersionId")).toList()))
				.containsExactlyInAnyOrderElementsOf(versions.stream().map(ObjectVersion::versionId).toList());
		}
	}

	private List<ObjectVersion> versionsOf(String bucket) {
		return this.s3.listObjectVersionsPaginator((list) -> list.bucket(bucket)).versions().stream().toList();
	}

	private Path inventory(String bucket, List<String> rows) throws IOException {
		return LocalInventory.write(this.dir.resolve("inventory"), bucket,
				"Bucket, Key, VersionId, IsLatest, IsDeleteMarker, Size, LastModifiedDate, ETag", rows);
	}

	private String versionedBucket(String hint) {
		String bucket = S3TestData.createBucket(this.s3, hint);
		this.s3.putBucketVersioning((versioning) -> versioning.bucket(bucket)
			.versioningConfiguration((config) -> config.status(BucketVersioningStatus.ENABLED)));
		return bucket;
	}

	private static String key(int k) {
		return String.format("k/%03d.txt", k);
	}

	private static String content(int k, int version) {
		return "key " + k + " version " + version;
	}

	private static String quoted(String value) {
		return LocalInventory.quoted(value);
	}

}
