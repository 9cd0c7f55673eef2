package io.github.s3bulkcopy.metrics;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import org.springframework.util.Assert;

/**
 * Watches every request of the S3 clients it is added to: counts the API calls in flight,
 * counts every attempt in a {@link RequestCounter} by side ({@link #SIDE}, set on each
 * client) and operation, and counts each retried attempt in a {@link RetryCounter} under
 * the error of the attempt before it. The retries themselves are the SDK's (its retry
 * strategy decides); this only observes them.
 * <p>
 * The error of a failed attempt is the S3 error code from the response body (e.g.
 * {@code SlowDown}, {@code InternalError}), read from the first bytes as they pass to the
 * SDK's own parser, or {@code HTTP <status>} when the answer had none (HEAD requests have
 * no body), or {@code NoResponse} when the attempt got no answer at all (connection
 * refused or reset, timeout).
 */
public class S3RequestMetrics implements ExecutionInterceptor {

	/**
	 * Whose credentials a client acts with ({@code source}, {@code destination}), set on
	 * each client's configuration; requests of a client without it are counted under
	 * {@link RequestCounter#OTHER_SIDE}.
	 */
	public static final ExecutionAttribute<String> SIDE = new ExecutionAttribute<>("s3bulkcopy.side");

	/** What an attempt that got no HTTP answer is counted as. */
	public static final String NO_RESPONSE = "NoResponse";

	private static final ExecutionAttribute<Integer> ATTEMPTS = new ExecutionAttribute<>("s3bulkcopy.attempts");

	private static final ExecutionAttribute<String> ATTEMPT_ERROR = new ExecutionAttribute<>("s3bulkcopy.attemptError");

	private static final ExecutionAttribute<Boolean> COUNTED_IN_FLIGHT = new ExecutionAttribute<>(
			"s3bulkcopy.inFlight");

	/** Enough of an S3 error document to hold its {@code <Code>}. */
	private static final int SNIFF_BYTES = 512;

	private static final Pattern CODE = Pattern.compile("<Code>([A-Za-z0-9.]{1,64})</Code>");

	private final RetryCounter retries;

	private final RequestCounter requests;

	private final AtomicLong inFlight = new AtomicLong();

	private final LongSupplier nanoTime;

	/**
	 * When the last answer came, or when calls went in flight after none had been: the
	 * start of the current silence while calls are in flight.
	 */
	private final AtomicLong lastHeard;

	public S3RequestMetrics(RetryCounter retries) {
		this(retries, new RequestCounter());
	}

	public S3RequestMetrics(RetryCounter retries, RequestCounter requests) {
		this(retries, requests, System::nanoTime);
	}

	/**
	 * @param retries where retried attempts are counted
	 * @param requests where every attempt is counted
	 * @param nanoTime the clock of {@link #silence()} ({@link System#nanoTime()} outside
	 * tests)
	 */
	public S3RequestMetrics(RetryCounter retries, RequestCounter requests, LongSupplier nanoTime) {
		Assert.notNull(retries, "retries is required");
		Assert.notNull(requests, "requests is required");
		Assert.notNull(nanoTime, "nanoTime is required");
		this.retries = retries;
		this.requests = requests;
		this.nanoTime = nanoTime;
		this.lastHeard = new AtomicLong(nanoTime.getAsLong());
	}

	public RetryCounter retries() {
		return this.retries;
	}

	public RequestCounter requests() {
		return this.requests;
	}

	/** S3 API calls started and not yet ended (retries of a call count once). */
	public long inFlight() {
		return this.inFlight.get();
	}

	/**
	 * How long S3 has not answered while calls wait for it: a server that takes requests
	 * and answers none (or a network that drops them) shows here long before the idle
	 * timeout has failed every attempt of a call.
	 */
	public Silence silence() {
		long waiting = this.inFlight.get();
		if (waiting <= 0) {
			return Silence.NONE;
		}
		return new Silence(waiting, Duration.ofNanos(Math.max(0, this.nanoTime.getAsLong() - this.lastHeard.get())));
	}

	@Override
	public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
		if (this.inFlight.incrementAndGet() == 1) {
			heard();
		}
		attributes.putAttribute(COUNTED_IN_FLIGHT, Boolean.TRUE);
	}

	@Override
	public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
		Integer attempts = attributes.getAttribute(ATTEMPTS);
		int attempt = (attempts != null) ? attempts + 1 : 1;
		attributes.putAttribute(ATTEMPTS, attempt);
		String side = attributes.getAttribute(SIDE);
		String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
		this.requests.record((side != null) ? side : RequestCounter.OTHER_SIDE,
				(operation != null) ? operation : "Unknown", attempt > 1);
		if (attempt > 1) {
			String error = attributes.getAttribute(ATTEMPT_ERROR);
			this.retries.record((error != null) ? error : NO_RESPONSE);
		}
		// Until an answer arrives, this attempt's error is that it got none.
		attributes.putAttribute(ATTEMPT_ERROR, NO_RESPONSE);
	}

	@Override
	public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
		heard();
		int status = context.httpResponse().statusCode();
		attributes.putAttribute(ATTEMPT_ERROR, (status >= 300) ? "HTTP " + status : null);
	}

	@Override
	public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
			ExecutionAttributes attributes) {
		Optional<InputStream> body = context.responseBody();
		if (body.isEmpty() || context.httpResponse().isSuccessful()) {
			return body;
		}
		try {
			byte[] head = body.get().readNBytes(SNIFF_BYTES);
			sniff(head, head.length, attributes);
			return Optional.of(new SequenceInputStream(new ByteArrayInputStream(head), body.get()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public Optional<Publisher<ByteBuffer>> modifyAsyncHttpResponseContent(Context.ModifyHttpResponse context,
			ExecutionAttributes attributes) {
		Optional<Publisher<ByteBuffer>> body = context.responsePublisher();
		if (body.isEmpty() || context.httpResponse().isSuccessful()) {
			return body;
		}
		Publisher<ByteBuffer> publisher = body.get();
		return Optional.of((subscriber) -> publisher.subscribe(new Sniffer(subscriber, attributes)));
	}

	@Override
	public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
		ended(attributes);
	}

	@Override
	public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
		ended(attributes);
	}

	private void ended(ExecutionAttributes attributes) {
		if (Boolean.TRUE.equals(attributes.getAttribute(COUNTED_IN_FLIGHT))) {
			attributes.putAttribute(COUNTED_IN_FLIGHT, Boolean.FALSE);
			this.inFlight.decrementAndGet();
		}
	}

	private void heard() {
		long now = this.nanoTime.getAsLong();
		this.lastHeard.accumulateAndGet(now, Math::max);
	}

	private static void sniff(byte[] bytes, int length, ExecutionAttributes attributes) {
		Matcher code = CODE.matcher(new String(bytes, 0, length, StandardCharsets.UTF_8));
		if (code.find()) {
			attributes.putAttribute(ATTEMPT_ERROR, code.group(1));
		}
	}

	/**
	 * Calls waiting and how long S3 has not answered any call.
	 *
	 * @param waiting API calls in flight (retries of a call count once)
	 * @param unanswered how long no answer came, of any call; zero when none waits
	 */
	public record Silence(long waiting, Duration unanswered) {

		public static final Silence NONE = new Silence(0, Duration.ZERO);

	}

	/**
	 * Passes an error body on unchanged, looking for its {@code <Code>} in the first
	 * bytes.
	 */
	private static final class Sniffer implements Subscriber<ByteBuffer> {

		private final Subscriber<? super ByteBuffer> delegate;

		private final ExecutionAttributes attributes;

		private final byte[] head = new byte[SNIFF_BYTES];

		private int length;

		private boolean found;

		Sniffer(Subscriber<? super ByteBuffer> delegate, ExecutionAttributes attributes) {
			this.delegate = delegate;
			this.attributes = attributes;
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			this.delegate.onSubscribe(subscription);
		}

		@Override
		public void onNext(ByteBuffer buffer) {
			if (!this.found && this.length < SNIFF_BYTES) {
				ByteBuffer copy = buffer.duplicate();
				int take = Math.min(copy.remaining(), SNIFF_BYTES - this.length);
				copy.get(this.head, this.length, take);
				this.length += take;
				look();
			}
			this.delegate.onNext(buffer);
		}

		@Override
		public void onError(@Nullable Throwable error) {
			this.delegate.onError(error);
		}

		@Override
		public void onComplete() {
			look();
			this.delegate.onComplete();
		}

		private void look() {
			if (!this.found) {
				Matcher code = CODE.matcher(new String(this.head, 0, this.length, StandardCharsets.UTF_8));
				if (code.find()) {
					this.attributes.putAttribute(ATTEMPT_ERROR, code.group(1));
					this.found = true;
				}
			}
		}

	}

}
