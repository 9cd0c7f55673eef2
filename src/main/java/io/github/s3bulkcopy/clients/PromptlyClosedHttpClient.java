package io.github.s3bulkcopy.clients;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;

import org.springframework.util.Assert;

/**
 * A Netty HTTP client whose event loops end as soon as it is closed. Netty's default
 * graceful shutdown waits for a two-second quiet period, and every command of this tool
 * paid it on exit (seen in JFR: the main thread waiting 2.0 s). By the time the client is
 * closed its S3 clients are closed and no request can start, so no quiet period is
 * needed; in-flight work is not cut short, as the event loops still finish the tasks they
 * hold.
 */
final class PromptlyClosedHttpClient implements SdkAsyncHttpClient {

	private final SdkAsyncHttpClient delegate;

	private final SdkEventLoopGroup eventLoops;

	PromptlyClosedHttpClient(SdkAsyncHttpClient delegate, SdkEventLoopGroup eventLoops) {
		Assert.notNull(delegate, "delegate is required");
		Assert.notNull(eventLoops, "eventLoops is required");
		this.delegate = delegate;
		this.eventLoops = eventLoops;
	}

	@Override
	public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
		return this.delegate.execute(request);
	}

	@Override
	public String clientName() {
		return this.delegate.clientName();
	}

	@Override
	public void close() {
		this.delegate.close();
		this.eventLoops.eventLoopGroup().shutdownGracefully(0, 10, TimeUnit.SECONDS).awaitUninterruptibly(15_000);
	}

}
