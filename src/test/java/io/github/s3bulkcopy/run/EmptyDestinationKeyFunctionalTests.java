package io.github.s3bulkcopy.run;

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
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A "folder" marker object whose key is the source prefix itself maps, with an empty
 * destination prefix, to an empty destination key, which S3 cannot store: the run records
 * it as skipped, with the reason, and copies every other object.
 */
class EmptyDestinationKeyFunctionalTests implements LocalS3ProxyTest {

	@TempDir
	Path dir;

	@Test
	void aKeyThatMapsToAnEmptyDestinationKeyIsSkippedWithTheReasonAndTheRunGoesOn() throws Exception {
		S3Client s3 = LocalS3ProxyTest.sourceClient();
		JobFixture fixture = JobFixture.onS3Proxy(this.dir, "empty-key");
		S3TestData.put(s3, fixture.sourceBucket, "folder/", "");
		S3TestData.put(s3, fixture.sourceBucket, "folder/a.txt", "alpha");
		S3TestData.put(s3, fixture.sourceBucket, "folder/sub/b.txt", "beta");
		Path job = fixture.jobFile("empty-key", "folder/", "", "type: listing", "");

		JobFixture.Result result = fixture.run("copy", "--job", job.toString());

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).as(result.toString()).contains("1 skipped (invalid key)");
		assertThat(s3.listObjectsV2((list) -> list.bucket(fixture.destinationBucket)).contents())
			.extracting(S3Object::key)
			.containsExactlyInAnyOrder("a.txt", "sub/b.txt");
		List<Map<String, String>> rows = fixture.reportRows("empty-key", 1);
		assertThat(rows).extracting((row) -> row.get("Key"))
			.containsExactly("folder/", "folder/a.txt", "folder/sub/b.txt");
		Map<String, String> marker = rows.get(0);
		assertThat(marker.get("Outcome")).isEqualTo("SKIPPED_INVALID_KEY");
		assertThat(marker.get("TaskStatus")).isEqualTo("succeeded");
		assertThat(marker.get("DestinationKey")).isEmpty();
		assertThat(marker.get("ResultMessage")).contains("empty destination key")
			.contains("source.prefix")
			.contains("destination.prefix");
		assertThat(rows.subList(1, 3)).allSatisfy((row) -> assertThat(row.get("Outcome")).isEqualTo("COPIED"));
		JsonNode objects = JsonMapper.builder()
			.build()
			.readTree(Files.readString(fixture.reports().resolve("empty-key").resolve("1").resolve("summary.json")))
			.path("objects");
		assertThat(objects.path("copied").asLong()).isEqualTo(2);
		assertThat(objects.path("failed").asLong()).isZero();
		assertThat(objects.path("skippedInvalidKey").asLong()).isEqualTo(1);
		assertThat(objects.path("total").asLong()).isEqualTo(3);
		assertThat(Files.readString(fixture.reports().resolve("empty-key").resolve("1").resolve("report.html")))
			.contains("Skipped (invalid key)");

		JobFixture.Result verified = fixture.run("verify", "--job", job.toString());

		assertThat(verified.exitCode()).as(verified.toString()).isZero();
		List<Map<String, String>> findings = fixture.verifyReportRows("empty-key", 1);
		assertThat(findings).extracting((row) -> row.get("Finding"))
			.containsExactly("NOT_VERIFIED", "VERIFIED", "VERIFIED");
		assertThat(findings.get(0).get("Detail")).contains("empty destination key");
	}

}
