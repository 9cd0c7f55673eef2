package io.github.s3bulkcopy.metrics;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The retry counter against a local HTTP server that answers with scripted S3 errors:
 * each retried attempt is counted once under the error of the attempt before it, through
 * the SDK's own retries.
 */
class S3RequestMetricsIntegrationTests {

	private static final String SLOW_DOWN = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SlowDown</Code>"
			+ "<Message>Please reduce your request rate.</Message><RequestId>1</RequestId></Error>";

	private HttpServer server;

	private final ExecutorService handlers = Executors.newCachedThreadPool();

	private final Deque<Integer> statuses = new ArrayDeque<>();

	private volatile int requests;

	private final RetryCounter retries = new RetryCounter();

	private final S3RequestMetrics metrics = new S3RequestMetrics(this.retries);

	/** Runs before the server answers a request. */
	private volatile Hold hold = (path) -> {
	};

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::answer);
		// A request the server holds must not hold up the others.
		this.server.setExecutor(this.handlers);
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
		this.handlers.shutdownNow();
	}

	@Test
	void countsEachRetryOfASyncRequestUnderTheErrorCodeOfTheFailedAttempt() {
		this.statuses.addAll(List.of(503, 503, 200));
		try (S3Client s3 = client()) {

			String body = s3.getObjectAsBytes((get) -> get.bucket("b").key("k")).asUtf8String();

			assertThat(body).isEqualTo("hello");
		}
		assertThat(this.retries.snapshot()).isEqualTo(Map.of("SlowDown", 2L));
		assertThat(this.metrics.inFlight()).isZero();
	}

	@Test
	void countsRetriesOfAnAsyncRequestAndNotTheFinalFailure() {
		this.statuses.addAll(List.of(500, 503, 503, 503, 503, 503, 503, 503, 503, 503));
		try (S3AsyncClient s3 = S3AsyncClient.builder()
			.region(Region.US_EAST_1)
			.endpointOverride(endpoint())
			.forcePathStyle(true)
			.credentialsProvider(credentials())
			.overrideConfiguration((config) -> config.addExecutionInterceptor(this.metrics))
			.build()) {

			assertThatThrownBy(
					() -> s3.getObject((get) -> get.bucket("b").key("k"), AsyncResponseTransformer.toBytes()).join())
				.hasCauseInstanceOf(S3Exception.class);
		}
		// every attempt but the first was a retry; the last attempt's failure is the
		// request's, not a retry
		long retried = this.requests - 1;
		assertThat(retried).isGreaterThanOrEqualTo(2);
		assertThat(this.retries.snapshot()).isEqualTo(Map.of("InternalError", 1L, "SlowDown", retried - 1));
		assertThat(this.retries.drain()).isEqualTo(Map.of("InternalError", 1L, "SlowDown", retried - 1));
		assertThat(this.retries.drain()).isEmpty();
		assertThat(this.retries.total()).isEqualTo(retried);
		assertThat(this.metrics.inFlight()).isZero();
	}

	@Test
	void countsEveryAttemptBySideAndOperationWithTheRetriesApart() {
		this.statuses.addAll(List.of(503, 503, 200, 200));
		try (S3Client s3 = S3Client.builder()
			.region(Region.US_EAST_1)
			.endpointOverride(endpoint())
			.forcePathStyle(true)
			.credentialsProvider(credentials())
			.overrideConfiguration((config) -> config.addExecutionInterceptor(this.metrics)
				.putExecutionAttribute(S3RequestMetrics.SIDE, "source"))
			.build()) {

			s3.getObjectAsBytes((get) -> get.bucket("b").key("k"));
			s3.headObject((head) -> head.bucket("b").key("k"));
		}
		assertThat(this.metrics.requests().snapshot())
			.isEqualTo(Map.of("source/GetObject", 3L, "source/HeadObject", 1L));
		RequestCounter.Drained drained = this.metrics.requests().drain();
		assertThat(drained.attempts()).isEqualTo(Map.of("source/GetObject", 3L, "source/HeadObject", 1L));
		assertThat(drained.retries()).isEqualTo(Map.of("source/GetObject", 2L));
		assertThat(this.metrics.requests().drain().isEmpty()).isTrue();
	}

	@Test
	void aClientOfNoSideCountsUnderOther() {
		try (S3Client s3 = client()) {

			s3.headObject((head) -> head.bucket("b").key("k"));
		}
		assertThat(this.metrics.requests().snapshot()).isEqualTo(Map.of("other/HeadObject", 1L));
	}

	@Test
	void aHeadRequestWithoutABodyIsCountedByItsStatus() {
		this.statuses.addAll(List.of(503, 200));
		try (S3Client s3 = client()) {

			s3.headObject((head) -> head.bucket("b").key("k"));
		}
		assertThat(this.retries.snapshot()).isEqualTo(Map.of("HTTP 503", 1L));
	}

	@Test
	void anAnswerThatIsNotRetriedCountsNothing() {
		this.statuses.addAll(List.of(404));
		try (S3Client s3 = client()) {

			assertThatExceptionOfType(S3Exception.class)
				.isThrownBy(() -> s3.getObjectAsBytes((get) -> get.bucket("b").key("k")));
		}
		assertThat(this.retries.snapshot()).isEmpty();
		assertThat(this.metrics.inFlight()).isZero();
	}

	@Test
	void measuresHowLongNoAnswerCameWhileCallsWait() throws Exception {
		AtomicLong clock = new AtomicLong();
		S3RequestMetrics timed = new S3RequestMetrics(this.retries, new RequestCounter(), clock::get);
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		this.hold = (key) -> {
			if (key.endsWith("/held")) {
				held.countDown();
				release.await(30, TimeUnit.SECONDS);
			}
		};
		assertThat(timed.silence()).isEqualTo(S3RequestMetrics.Silence.NONE);
		clock.set(Duration.ofMinutes(5).toNanos());
		try (S3AsyncClient s3 = asyncClient(timed)) {
			CompletableFuture<?> get = s3.getObject((request) -> request.bucket("b").key("held"),
					AsyncResponseTransformer.toBytes());
			assertThat(held.await(30, TimeUnit.SECONDS)).as("the server holds the request").isTrue();

			clock.addAndGet(Duration.ofSeconds(20).toNanos());
			assertThat(timed.silence()).as("silent since the call went in flight, not since the clock began")
				.isEqualTo(new S3RequestMetrics.Silence(1, Duration.ofSeconds(20)));

			s3.getObject((request) -> request.bucket("b").key("answered"), AsyncResponseTransformer.toBytes())
				.get(30, TimeUnit.SECONDS);
			clock.addAndGet(Duration.ofSeconds(3).toNanos());
			assertThat(timed.silence()).as("silent since the other call's answer")
				.isEqualTo(new S3RequestMetrics.Silence(1, Duration.ofSeconds(3)));

			release.countDown();
			get.get(30, TimeUnit.SECONDS);
		}
		assertThat(timed.silence()).isEqualTo(S3RequestMetrics.Silence.NONE);
	}

	private void answer(HttpExchange exchange) throws IOException {
		try {
			this.hold.before(exchange.getRequestURI().getPath());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
		int status;
		synchronized (this.statuses) {
			this.requests++;
			status = this.statuses.isEmpty() ? 200 : this.statuses.poll();
		}
		boolean head = exchange.getRequestMethod().equals("HEAD");
		byte[] body = switch (status) {
			case 200 -> "hello".getBytes(StandardCharsets.UTF_8);
			case 500 -> SLOW_DOWN.replace("SlowDown", "InternalError").getBytes(StandardCharsets.UTF_8);
			case 404 -> SLOW_DOWN.replace("SlowDown", "NoSuchKey").getBytes(StandardCharsets.UTF_8);
			default -> SLOW_DOWN.getBytes(StandardCharsets.UTF_8);
		};
		exchange.getResponseHeaders().add("Content-Type", (status == 200) ? "text/plain" : "application/xml");
		if (head) {
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
			return;
		}
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private S3AsyncClient asyncClient(S3RequestMetrics metrics) {
		return S3AsyncClient.builder()
			.region(Region.US_EAST_1)
			.endpointOverride(endpoint())
			.forcePathStyle(true)
			.credentialsProvider(credentials())
			.overrideConfiguration((config) -> config.addExecutionInterceptor(metrics))
			.build();
	}

	@FunctionalInterface
	private interface Hold {

		void before(String path) throws InterruptedException;

	}

	/** A client of the local server whose requests the metrics count. */
	private S3Client client() {
		return S3Client.builder()
			.region(Region.US_EAST_1)
			.endpointOverride(endpoint())
			.forcePathStyle(true)
			.credentialsProvider(credentials())
			.overrideConfiguration((config) -> config.addExecutionInterceptor(this.metrics))
			.build();
	}

	private URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	private static StaticCredentialsProvider credentials() {
		return StaticCredentialsProvider.create(AwsBasicCredentials.create("test-key", "test-secret"));
	}

}
