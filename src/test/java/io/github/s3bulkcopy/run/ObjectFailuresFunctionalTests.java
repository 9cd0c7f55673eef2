package io.github.s3bulkcopy.run;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failures that belong to one object are recorded with S3's error code, HTTP status and
 * message, and the run goes on; an archived object is no failure. S3Proxy cannot deny one
 * key or archive an object, so a proxy answers those requests as S3 does on the wire.
 */
class ObjectFailuresFunctionalTests implements LocalS3ProxyTest {

	@TempDir
	Path dir;

	private final S3Client s3 = LocalS3ProxyTest.sourceClient();

	private JobFixture fixture;

	@BeforeEach
	void buckets() {
		this.fixture = JobFixture.onS3Proxy(this.dir, "fail");
	}

	@Test
	void accessDeniedMissingAndTooLongKeysAreRecordedArchivedOnesSkippedAndTheRunGoesOn() throws Exception {
		for (String key : List.of("ok-1.txt", "ok-2.txt", "denied.txt", "archived.txt")) {
			S3TestData.put(this.s3, this.fixture.sourceBucket, key, key);
		}
		String longKey = "long/" + "k".repeat(1015);
		S3TestData.put(this.s3, this.fixture.sourceBucket, longKey, "long");
		StringBuilder csv = new StringBuilder();
		for (String key : List.of("ok-1.txt", "ok-2.txt", "denied.txt", "archived.txt", "gone.txt", longKey)) {
			csv.append(this.fixture.sourceBucket)
				.append(',')
				.append(URLEncoder.encode(key, StandardCharsets.UTF_8))
				.append('\n');
		}
		Path manifest = Files.writeString(this.dir.resolve("m.csv"), csv.toString());
		try (FaultInjectingProxy proxy = new FaultInjectingProxy(LocalS3ProxyTest.s3Proxy().endpoint(), 0, 0)) {
			// A denied object: its HEAD is refused (no body, as S3 answers HEAD). An
			// archived object: HEAD works, the copy is refused with InvalidObjectState.
			proxy.answer("HEAD /" + this.fixture.sourceBucket + "/denied.txt", 403, "AccessDenied", Map.of());
			proxy.answer("PUT /" + this.fixture.destinationBucket + "/deep/archived.txt", 403, "InvalidObjectState",
					Map.of());
			JobFixture proxied = this.fixture.through(proxy.endpoint());
			Path job = proxied.jobFile("object-failures", "", "deep/", "type: csv\nlocation: " + manifest, "");

			JobFixture.Result result = proxied.run("copy", "--job", job.toString());

			assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
			assertThat(result.out()).contains("2 copied").contains("3 failed").contains("archived:     1 not copied");
			Map<String, Map<String, String>> rows = new java.util.HashMap<>();
			proxied.reportRows("object-failures", 1).forEach((row) -> rows.put(row.get("Key"), row));
			assertThat(rows.get("ok-1.txt").get("Outcome")).isEqualTo("COPIED");
			assertFailure(rows.get("denied.txt"), "AccessDenied", "403");
			assertThat(rows.get("archived.txt").get("Outcome")).isEqualTo("SKIPPED_ARCHIVED");
			assertThat(rows.get("archived.txt").get("TaskStatus")).isEqualTo("skipped");
			assertFailure(rows.get("gone.txt"), "NoSuchKey", "404");
			assertFailure(rows.get(longKey), "KeyTooLongError", "");
			assertThat(rows.get(longKey).get("ResultMessage")).contains("1025 bytes").contains("destination.prefix");
			assertThat(S3TestData.readString(this.s3, this.fixture.destinationBucket, "deep/ok-2.txt"))
				.isEqualTo("ok-2.txt");
		}
	}

	@Test
	void aBucketInAnotherRegionIsNamedWithTheRegionToSet() throws IOException {
		try (FaultInjectingProxy proxy = new FaultInjectingProxy(LocalS3ProxyTest.s3Proxy().endpoint(), 0, 0)) {
			proxy.answer("HEAD /" + this.fixture.sourceBucket + " ", 301, "PermanentRedirect",
					Map.of("x-amz-bucket-region", "eu-west-1"));
			JobFixture proxied = this.fixture.through(proxy.endpoint());
			Path job = proxied.jobFile("wrong-region", "", "", "type: listing", "");

			JobFixture.Result result = proxied.run("copy", "--job", job.toString());

			assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
			assertThat(result.err())
				.contains("source.bucket " + this.fixture.sourceBucket + " is in region eu-west-1, not us-east-1")
				.contains("set source.region: eu-west-1");
		}
	}

	private static void assertFailure(Map<String, String> row, String code, String status) {
		assertThat(row.get("TaskStatus")).isEqualTo("failed");
		assertThat(row.get("ErrorCode")).isEqualTo(code);
		assertThat(row.get("HTTPStatusCode")).isEqualTo(status);
		assertThat(row.get("ResultMessage")).isNotBlank();
	}

}
