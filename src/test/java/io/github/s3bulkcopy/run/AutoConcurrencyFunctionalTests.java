package io.github.s3bulkcopy.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LatencyRelay;
import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code copy.concurrency: auto} through the benchmark's latency relay in front of
 * S3Proxy: where every request takes as long as S3's, the objects in flight grow from
 * where they start; where the relay answers 503 SlowDown above a request rate, they
 * shrink, and every object is still copied. What the runs settled at is read from
 * {@code summary.json}; no assertion depends on how fast this machine is.
 */
class AutoConcurrencyFunctionalTests implements LocalS3ProxyTest {

	@TempDir
	Path dir;

	@Test
	void autoGrowsTheObjectsInFlightWhileEachTakesAsLongAsAtTheStart() throws Exception {
		S3Client s3 = LocalS3ProxyTest.sourceClient();
		int objects = 800;
		JobFixture onServer = seeded("auto-grow", objects);
		try (LatencyRelay relay = LatencyRelay.start(LocalS3ProxyTest.s3Proxy().endpoint(),
				LatencyRelay.Settings.latency(Duration.ofMillis(40)))) {
			JobFixture fixture = onServer.through(relay.endpoint());
			// No copy section: auto is the default.
			Path job = fixture.jobFile("auto-grow", "", "", "type: listing", "");

			JobFixture.Result result = fixture.run("copy", "--job", job.toString());

			assertThat(result.exitCode()).as(result.toString()).isZero();
			assertThat(result.out()).contains(objects + " copied").containsPattern("concurrency: +auto \\(4 to 512\\)");
			JsonNode concurrency = summary(fixture, "auto-grow").get("concurrency");
			assertThat(concurrency.get("setting").asString()).isEqualTo("auto");
			assertThat(concurrency.get("start").asInt()).isEqualTo(16);
			assertThat(concurrency.get("highest").asInt()).as(concurrency.toString()).isGreaterThan(16);
			assertThat(concurrency.get("settled").asInt()).as(concurrency.toString()).isGreaterThan(16);
			assertThat(relay.stats().maxInFlight()).as("requests the relay held at once").isGreaterThan(16);
			assertThat(relay.stats().slowDowns()).isZero();
			assertLandedByteEqual(s3, fixture.destinationBucket, objects);
		}
	}

	@Test
	void autoShrinksTheObjectsInFlightOnSlowDownAndStillCopiesEveryObject() throws Exception {
		S3Client s3 = LocalS3ProxyTest.sourceClient();
		int objects = 200;
		JobFixture onServer = seeded("auto-shrink", objects);
		// 16 objects in flight at 10 ms a request ask for over a thousand requests a
		// second.
		try (LatencyRelay relay = LatencyRelay.start(LocalS3ProxyTest.s3Proxy().endpoint(),
				LatencyRelay.Settings.latency(Duration.ofMillis(10)).throttledAbove(100))) {
			JobFixture fixture = onServer.through(relay.endpoint());
			Path job = fixture.jobFile("auto-shrink", "", "", "type: listing", """
					copy:
					  concurrency: auto
					  min-concurrency: 1
					""");

			JobFixture.Result result = fixture.run("copy", "--job", job.toString());

			assertThat(result.exitCode()).as(result.toString()).isZero();
			assertThat(result.out()).contains(objects + " copied", "(copy.concurrency auto)");
			List<Map<String, String>> rows = fixture.reportRows("auto-shrink", 1);
			assertThat(rows).hasSize(objects).allSatisfy((row) -> assertThat(row.get("Outcome")).isEqualTo("COPIED"));
			assertLandedByteEqual(s3, fixture.destinationBucket, objects);
			JsonNode summary = summary(fixture, "auto-shrink");
			JsonNode concurrency = summary.get("concurrency");
			long slowDowns = relay.stats().slowDowns();
			assertThat(slowDowns).isPositive();
			assertThat(concurrency.get("throttledAnswers").asLong()).as("every 503 the relay answered")
				.isEqualTo(slowDowns);
			assertThat(summary.get("retries").get("byErrorCode").get("SlowDown").asLong()).isEqualTo(slowDowns);
			assertThat(concurrency.get("minimum").asInt()).isEqualTo(1);
			assertThat(concurrency.get("start").asInt()).isEqualTo(16);
			assertThat(concurrency.get("lowest").asInt()).as(concurrency.toString()).isLessThanOrEqualTo(8);
			assertThat(concurrency.get("settled").asInt()).as(concurrency.toString()).isLessThan(16);
		}
	}

	/**
	 * A fixture on the shared S3Proxy whose source bucket holds the first {@code count}
	 * objects of {@link #key} and {@link #content}.
	 */
	private JobFixture seeded(String hint, int count) {
		JobFixture fixture = JobFixture.onS3Proxy(this.dir, hint);
		S3TestData.putMany(LocalS3ProxyTest.sourceAsyncClient(), fixture.sourceBucket, count,
				AutoConcurrencyFunctionalTests::key, AutoConcurrencyFunctionalTests::content);
		return fixture;
	}

	private static void assertLandedByteEqual(S3Client s3, String destination, int objects) {
		assertThat(s3.listObjectsV2Paginator((list) -> list.bucket(destination)).contents().stream().count())
			.isEqualTo(objects);
		for (int i = 0; i < objects; i++) {
			assertThat(S3TestData.readBytes(s3, destination, key(i))).as(key(i)).isEqualTo(content(i));
		}
	}

	private static JsonNode summary(JobFixture fixture, String job) throws IOException {
		return JsonMapper.builder()
			.build()
			.readTree(Files.readString(fixture.reports().resolve(job + "/1/summary.json"), StandardCharsets.UTF_8));
	}

	private static String key(int i) {
		return String.format("auto/%05d.txt", i);
	}

	private static byte[] content(int i) {
		return ("object " + i + " of the auto concurrency test").getBytes(StandardCharsets.UTF_8);
	}

}
