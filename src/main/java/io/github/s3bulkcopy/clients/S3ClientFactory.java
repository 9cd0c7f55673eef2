package io.github.s3bulkcopy.clients;

import java.time.Duration;
import java.util.List;

import io.github.s3bulkcopy.credentials.CredentialsProviders;
import io.github.s3bulkcopy.credentials.RoleRefresh;
import io.github.s3bulkcopy.jobfile.BucketSide;
import io.github.s3bulkcopy.jobfile.DestinationSpec;
import io.github.s3bulkcopy.jobfile.SourceSpec;
import io.github.s3bulkcopy.metrics.RequestCounter;
import io.github.s3bulkcopy.metrics.S3RequestMetrics;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.http.crt.ConnectionHealthConfiguration;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3BaseClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import org.springframework.util.Assert;

/**
 * Builds the S3 clients of one side of a job: its region, its endpoint (path-style, for
 * S3-compatible and local servers) and its credentials: a role to assume, a profile, or
 * the default chain, one provider per distinct credentials spec shared by all the clients
 * of the sides that use it ({@link CredentialsProviders}). Closing the factory closes
 * those providers; close the clients first.
 */
public class S3ClientFactory implements AutoCloseable {

	private final CredentialsProviders providers;

	private final List<ExecutionInterceptor> interceptors;

	private final HttpEngine blockingEngine;

	private final Duration idleTimeout;

	/**
	 * A factory with the SDK's default refresh times for role credentials, no
	 * interceptors, and blocking clients on the SDK's default (Java) HTTP client.
	 */
	public S3ClientFactory() {
		this(RoleRefresh.DEFAULTS, List.of());
	}

	/**
	 * @param interceptors added to every client built, e.g. to count retries (see the
	 * {@code metrics} package)
	 */
	public S3ClientFactory(List<ExecutionInterceptor> interceptors) {
		this(RoleRefresh.DEFAULTS, interceptors);
	}

	/**
	 * @param refresh when role credentials are renewed
	 * @param interceptors added to every client built
	 */
	public S3ClientFactory(RoleRefresh refresh, List<ExecutionInterceptor> interceptors) {
		this(refresh, interceptors, HttpEngine.NETTY, IDLE_TIMEOUT);
	}

	/**
	 * @param refresh when role credentials are renewed
	 * @param interceptors added to every client built
	 * @param blockingEngine the HTTP client of {@link #syncClient blocking clients}:
	 * {@link HttpEngine#CRT} the CRT-based one, {@link HttpEngine#NETTY} the SDK's
	 * default Java one (the SDK has no blocking Netty client)
	 * @param idleTimeout how long a request of a CRT-based blocking client may go without
	 * a byte moving (see {@link #IDLE_TIMEOUT})
	 */
	public S3ClientFactory(RoleRefresh refresh, List<ExecutionInterceptor> interceptors, HttpEngine blockingEngine,
			Duration idleTimeout) {
		Assert.notNull(blockingEngine, "blockingEngine is required");
		requireUsable(idleTimeout);
		this.providers = new CredentialsProviders(refresh);
		this.interceptors = List.copyOf(interceptors);
		this.blockingEngine = blockingEngine;
		this.idleTimeout = idleTimeout;
	}

	/** The credentials a side acts with. */
	public AwsCredentialsProvider credentials(BucketSide side) {
		return this.providers.forSide(side);
	}

	/**
	 * An async client for many requests in flight (multipart copies and uploads are made
	 * by the copy package).
	 */
	public S3AsyncClient asyncClient(BucketSide side, SdkAsyncHttpClient httpClient, int maxAttempts) {
		return build(S3AsyncClient.builder().httpClient(httpClient), side, maxAttempts);
	}

	/**
	 * A blocking client, for reading manifests and listing, checking buckets and
	 * uploading reports, on the HTTP client this factory was given for them. The client
	 * owns its HTTP client and closes it.
	 */
	public S3Client syncClient(BucketSide side, int maxAttempts) {
		S3ClientBuilder builder = S3Client.builder();
		if (this.blockingEngine == HttpEngine.CRT) {
			// Where the copy's clients run on the CRT anyway, this spares a run loading
			// and starting a second HTTP stack (Apache HttpClient and the JDK's TLS): 0.1
			// s of a 1.4 s start-up (docs/performance.md).
			builder.httpClientBuilder(AwsCrtHttpClient.builder()
				.readBufferSizeInBytes(CRT_READ_BUFFER)
				.connectionHealthConfiguration(nothingMovesFor(this.idleTimeout)));
			return CrtClients.build(() -> build(builder, side, maxAttempts));
		}
		return build(builder, side, maxAttempts);
	}

	/**
	 * What every client of a side has: its region, credentials, retries, interceptors and
	 * endpoint.
	 */
	private <B extends S3BaseClientBuilder<B, C>, C> C build(B builder, BucketSide side, int maxAttempts) {
		builder.region(Region.of(side.region()))
			.credentialsProvider(credentials(side))
			.overrideConfiguration((config) -> {
				config.retryStrategy(retryStrategy(maxAttempts));
				// Which side's credentials made a request, for the requests counted by
				// side in the summary.
				config.putExecutionAttribute(S3RequestMetrics.SIDE, sideName(side));
				this.interceptors.forEach(config::addExecutionInterceptor);
			});
		if (side.endpoint() != null) {
			builder.endpointOverride(side.endpoint()).forcePathStyle(true);
		}
		return builder.build();
	}

	private static String sideName(BucketSide side) {
		if (side instanceof SourceSpec) {
			return "source";
		}
		return (side instanceof DestinationSpec) ? "destination" : RequestCounter.OTHER_SIDE;
	}

	@Override
	public void close() {
		this.providers.close();
	}

	/**
	 * The SDK's standard strategy: each request tried up to {@code maxAttempts} times on
	 * throttling, 5xx and I/O errors, with exponential backoff and jitter (longer after
	 * throttling), so a throttled request waits and the load on a throttled prefix falls
	 * with the share of requests throttled.
	 * <p>
	 * Not the adaptive strategy: its client-side rate limit is one for every request of
	 * the client, cut by 30 % at each SlowDown and regained slowly, so a steady trickle
	 * of SlowDowns held a whole run down: with 1.25 % of requests answered SlowDown
	 * (among other faults, FaultToleranceFunctionalTests) 2,000 objects took 53-92 s
	 * against 17 s. And without the retry quota (circuit breaker): a burst of throttling
	 * during an unattended migration must not turn into requests refused a retry, and a
	 * run stopped.
	 */
	static RetryStrategy retryStrategy(int maxAttempts) {
		return AwsRetryStrategy.standardRetryStrategy()
			.toBuilder()
			.maxAttempts(maxAttempts)
			.circuitBreakerEnabled(false)
			.build();
	}

	/**
	 * What the CRT-based client buffers per request: of a response body read ahead of its
	 * consumer (the stream's window) and of a request body taken from its publisher. Its
	 * default, 16 MiB each way, let a streamed copy hold up to 32 MiB per part in flight
	 * in the heap (3 objects of 1 GiB, 4 parts each: 431 MiB live, against 34 MiB through
	 * Netty); 1 MiB still allows ~50 MiB/s per connection at a 20 ms round trip, and a
	 * copy has many.
	 */
	static final long CRT_READ_BUFFER = 1024 * 1024;

	/**
	 * How long a request may go without a byte moving either way before its connection is
	 * closed and the attempt fails (and is retried like any I/O error). Netty's read and
	 * write timeouts default to this; the CRT-based client has no timeout at all unless
	 * given a minimum throughput, so a server that took a request and never answered held
	 * that request, its permit and the whole run forever (seen: an S3Proxy out of heap
	 * stopped answering, and the run sat in its copy step for 35 minutes, deaf to
	 * SIGTERM, which waits for the chunks in flight). A long CopyObject is not cut off by
	 * it: S3 answers 200 early and keeps the connection alive (for a store that does not,
	 * {@code s3bulkcopy.idle-timeout} raises it).
	 */
	public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * Whole seconds, at least 2: the CRT-based client's health check counts whole
	 * seconds, from 2.
	 */
	private static boolean usableIdleTimeout(Duration timeout) {
		return timeout.getSeconds() >= 2 && timeout.getNano() == 0;
	}

	private static void requireUsable(Duration idleTimeout) {
		Assert.isTrue(usableIdleTimeout(idleTimeout),
				() -> "idleTimeout must be whole seconds, at least 2, not " + idleTimeout);
	}

	/**
	 * The CRT-based clients' health check, which counts only while a request is under
	 * way: below 1 byte/s for the whole timeout is a connection on which nothing moves.
	 */
	private static ConnectionHealthConfiguration nothingMovesFor(Duration idleTimeout) {
		return ConnectionHealthConfiguration.builder()
			.minimumThroughputInBps(1L)
			.minimumThroughputTimeout(idleTimeout)
			.build();
	}

	/**
	 * One HTTP client shared by a process's async clients, sized for {@code concurrency}
	 * requests, closing a connection nothing moves on for {@code idleTimeout}
	 * ({@link #IDLE_TIMEOUT} unless set otherwise: see {@link #idleTimeout(String)}).
	 */
	public static SdkAsyncHttpClient httpClient(int concurrency, HttpEngine engine, Duration idleTimeout) {
		requireUsable(idleTimeout);
		if (engine == HttpEngine.CRT) {
			// Requests beyond its connections wait in its own queue, as long as they must
			// (the copy's own limit on requests in flight keeps that queue short).
			return CrtClients.build(() -> AwsCrtAsyncHttpClient.builder()
				.maxConcurrency(concurrency)
				.connectionAcquisitionTimeout(Duration.ofMinutes(5))
				.readBufferSizeInBytes(CRT_READ_BUFFER)
				.connectionHealthConfiguration(nothingMovesFor(idleTimeout))
				.build());
		}
		return netty(concurrency, idleTimeout);
	}

	private static SdkAsyncHttpClient netty(int concurrency, Duration idleTimeout) {
		// Event loops of its own (the SDK's default count), so that closing the client
		// can end them at once.
		SdkEventLoopGroup eventLoops = SdkEventLoopGroup.builder().build();
		SdkAsyncHttpClient netty = NettyNioAsyncHttpClient.builder()
			.eventLoopGroup(eventLoops)
			.maxConcurrency(concurrency)
			.maxPendingConnectionAcquires(Math.max(10_000, concurrency * 4))
			.connectionAcquisitionTimeout(Duration.ofMinutes(5))
			.readTimeout(idleTimeout)
			.writeTimeout(idleTimeout)
			.build();
		return new PromptlyClosedHttpClient(netty, eventLoops);
	}

}
