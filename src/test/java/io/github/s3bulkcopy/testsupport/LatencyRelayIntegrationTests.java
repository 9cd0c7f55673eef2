package io.github.s3bulkcopy.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's latency relay in front of S3Proxy: it holds every request for its
 * latency, answers 503 SlowDown above its request rate, and passes signed requests and
 * their bytes through unchanged.
 */
class LatencyRelayIntegrationTests implements LocalS3ProxyTest {

	@Test
	void signedRequestsAndTheirBytesPassUnchanged() throws IOException {
		String bucket = S3TestData.createBucket(LocalS3ProxyTest.sourceClient(), "relay");
		// Larger than the relay's buffers, so the bodies are streamed through in many
		// pieces both ways.
		byte[] bytes = new byte[3 * 1024 * 1024 + 17];
		new Random(23).nextBytes(bytes);
		try (LatencyRelay relay = LatencyRelay.start(LocalS3ProxyTest.s3Proxy().endpoint(),
				LatencyRelay.Settings.latency(Duration.ofMillis(5))); S3Client s3 = client(relay, false)) {
			s3.putObject((request) -> request.bucket(bucket).key("through/relay.bin"), RequestBody.fromBytes(bytes));
			s3.copyObject((request) -> request.sourceBucket(bucket)
				.sourceKey("through/relay.bin")
				.destinationBucket(bucket)
				.destinationKey("through/copy.bin"));

			assertThat(s3.getObjectAsBytes((request) -> request.bucket(bucket).key("through/copy.bin")).asByteArray())
				.isEqualTo(bytes);
			assertThat(s3.headObject((request) -> request.bucket(bucket).key("through/relay.bin")).contentLength())
				.isEqualTo(bytes.length);
			assertThat(s3.listObjectsV2((request) -> request.bucket(bucket).prefix("through/")).keyCount())
				.isEqualTo(2);
			assertThat(relay.stats().requests()).isEqualTo(5);
			assertThat(relay.stats().slowDowns()).isZero();
		}
		// What landed, read past the relay.
		assertThat(LocalS3ProxyTest.sourceClient()
			.getObjectAsBytes((request) -> request.bucket(bucket).key("through/relay.bin"))
			.asByteArray()).isEqualTo(bytes);
	}

	@Test
	void everyRequestIsHeldForTheLatencyAndTheHeldOnesCountAsInFlight() throws Exception {
		String bucket = S3TestData.createBucket(LocalS3ProxyTest.sourceClient(), "relay-held");
		// Long enough that all eight overlap even on a crowded machine.
		Duration latency = Duration.ofMillis(1000);
		try (LatencyRelay relay = LatencyRelay.start(LocalS3ProxyTest.s3Proxy().endpoint(),
				LatencyRelay.Settings.latency(latency).withJitter(Duration.ofMillis(20)));
				S3Client s3 = client(relay, false)) {
			ExecutorService threads = Executors.newFixedThreadPool(8);
			try {
				List<Future<Long>> took = new ArrayList<>();
				for (int i = 0; i < 8; i++) {
					String key = "held-" + i;
					took.add(threads.submit(() -> {
						long start = System.nanoTime();
						s3.putObject((request) -> request.bucket(bucket).key(key), RequestBody.fromString(key));
						return (System.nanoTime() - start) / 1_000_000;
					}));
				}
				for (Future<Long> each : took) {
					assertThat(each.get()).isGreaterThanOrEqualTo(latency.toMillis() - 20);
				}
			}
			finally {
				threads.shutdown();
			}
			LatencyRelay.Stats stats = relay.stats();
			assertThat(stats.requests()).isEqualTo(8);
			assertThat(stats.maxInFlight()).isEqualTo(8);
		}
	}

	@Test
	void requestsAboveTheRateAreAnsweredSlowDown() throws Exception {
		String bucket = S3TestData.createBucket(LocalS3ProxyTest.sourceClient(), "relay-throttled");
		LocalS3ProxyTest.sourceClient()
			.putObject((request) -> request.bucket(bucket).key("hot"), RequestBody.fromString("hot"));
		// Low enough that four threads outrun it however slow the machine.
		int rps = 5;
		try (LatencyRelay relay = LatencyRelay.start(LocalS3ProxyTest.s3Proxy().endpoint(),
				LatencyRelay.Settings.latency(Duration.ZERO).throttledAbove(rps)); S3Client s3 = client(relay, true)) {
			AtomicInteger answered = new AtomicInteger();
			AtomicInteger slowDowns = new AtomicInteger();
			ExecutorService threads = Executors.newFixedThreadPool(4);
			long start = System.nanoTime();
			try {
				List<Future<?>> done = new ArrayList<>();
				for (int i = 0; i < 200; i++) {
					done.add(threads.submit(() -> {
						try {
							s3.getObjectAsBytes((request) -> request.bucket(bucket).key("hot"));
							answered.incrementAndGet();
						}
						catch (S3Exception ex) {
							if (ex.statusCode() == 503 && "SlowDown".equals(ex.awsErrorDetails().errorCode())) {
								slowDowns.incrementAndGet();
							}
						}
					}));
				}
				for (Future<?> each : done) {
					each.get();
				}
			}
			finally {
				threads.shutdown();
			}
			double seconds = (System.nanoTime() - start) / 1e9;

			assertThat(answered.get() + slowDowns.get()).isEqualTo(200);
			assertThat(slowDowns.get()).isPositive();
			// The bucket's burst (a tenth of a second's requests, at least one) plus the
			// rate over the run.
			assertThat(answered.get()).isPositive().isLessThanOrEqualTo((int) (2 + rps * seconds + 1));
			LatencyRelay.Stats stats = relay.stats();
			assertThat(stats.requests()).isEqualTo(200);
			assertThat(stats.slowDowns()).isEqualTo(slowDowns.get());
			assertThat(stats.slowDownPercent()).isEqualTo(100.0 * slowDowns.get() / 200);
		}
	}

	@Test
	void aThrottledPrefixLeavesOtherKeysAlone() throws IOException {
		String bucket = S3TestData.createBucket(LocalS3ProxyTest.sourceClient(), "relay-prefix");
		LocalS3ProxyTest.sourceClient()
			.putObject((request) -> request.bucket(bucket).key("hot/a"), RequestBody.fromString("hot"));
		LocalS3ProxyTest.sourceClient()
			.putObject((request) -> request.bucket(bucket).key("cold/a"), RequestBody.fromString("cold"));
		try (LatencyRelay relay = LatencyRelay.start(LocalS3ProxyTest.s3Proxy().endpoint(),
				LatencyRelay.Settings.latency(Duration.ZERO).throttledAbove(1).throttlingOnly("hot/"));
				S3Client s3 = client(relay, true)) {
			int hotSlowDowns = 0;
			long start = System.nanoTime();
			for (int i = 0; i < 10; i++) {
				assertThat(s3.getObjectAsBytes((request) -> request.bucket(bucket).key("cold/a")).asUtf8String())
					.isEqualTo("cold");
				try {
					s3.getObjectAsBytes((request) -> request.bucket(bucket).key("hot/a"));
				}
				catch (S3Exception ex) {
					assertThat(ex.statusCode()).isEqualTo(503);
					hotSlowDowns++;
				}
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			// One in the bucket at the start, then one a second.
			assertThat(hotSlowDowns).isPositive().isGreaterThanOrEqualTo(10 - (int) (1 + seconds + 1));
			assertThat(relay.stats().slowDowns()).isEqualTo(hotSlowDowns);
		}
	}

	@Test
	void theStatsEndpointAnswersTheCountersAndResetsThem() throws IOException {
		try (LatencyRelay relay = LatencyRelay.start(LocalS3ProxyTest.s3Proxy().endpoint(),
				LatencyRelay.Settings.latency(Duration.ZERO)); S3Client s3 = client(relay, false)) {
			s3.listBuckets();
			s3.listBuckets();

			assertThat(get(relay.endpoint().resolve("/_relay/stats?reset"))).contains("\"requests\":2,")
				.contains("\"slowDowns\":0,");
			assertThat(get(relay.endpoint().resolve("/_relay/stats"))).contains("\"requests\":0,");
			assertThat(relay.stats().requests()).isZero();
		}
	}

	@Test
	void durationsAreMillisecondsOrSeconds() {
		assertThat(LatencyRelay.duration("20ms")).isEqualTo(Duration.ofMillis(20));
		assertThat(LatencyRelay.duration("80")).isEqualTo(Duration.ofMillis(80));
		assertThat(LatencyRelay.duration("0.5s")).isEqualTo(Duration.ofMillis(500));
	}

	private static S3Client client(LatencyRelay relay, boolean noRetries) {
		return LocalS3ProxyTest.s3Proxy()
			.clientBuilder(LocalS3ProxyTest.SOURCE_ACCOUNT)
			.endpointOverride(relay.endpoint())
			.overrideConfiguration((config) -> {
				if (noRetries) {
					config.retryStrategy(AwsRetryStrategy.doNotRetry());
				}
			})
			.build();
	}

	private static String get(URI uri) throws IOException {
		HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
		try (InputStream in = connection.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		finally {
			connection.disconnect();
		}
	}

}
