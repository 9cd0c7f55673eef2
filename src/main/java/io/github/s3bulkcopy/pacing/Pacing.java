package io.github.s3bulkcopy.pacing;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.common.util.concurrent.RateLimiter;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;

import org.springframework.util.Assert;

/**
 * Paces every request of the S3 clients it is added to, each attempt (retries included)
 * once:
 * <ul>
 * <li>at most {@code copy.max-requests-per-second} attempts start per second in this
 * process;</li>
 * <li>at most {@code copy.max-bytes-per-second} bytes are copied per second: an
 * UploadPartCopy counts its part's range, a ranged GET its range, a CopyObject or a
 * whole-object GET the size its caller gave it ({@link #bytes}); the bytes of a streamed
 * copy are counted once, at its GET (the PUT that sends them on is not counted again). A
 * large request goes at once and those after it wait until its bytes are paid for
 * (Guava's {@link RateLimiter}), so no request holds a connection while it waits;</li>
 * <li>answers that throttle (HTTP 503, as S3's SlowDown; 429; and the throttling error
 * codes of {@link #throttlingCode}) and attempts that got no answer cut the
 * {@link AdaptiveSlots copy's slots} ({@link AdaptiveLimit}), answers that succeed let
 * them grow again.</li>
 * </ul>
 * A request waiting for its turn waits on the thread that starts it: the copy's own
 * threads, or the SDK's completion threads for a request that follows another (a copy
 * after its HEAD), never the HTTP client's event loops.
 */
public class Pacing implements ExecutionInterceptor {

	/**
	 * The bytes a request copies when its HTTP request does not say (a CopyObject, a GET
	 * of a whole object).
	 */
	public static final ExecutionAttribute<Long> BYTES = new ExecutionAttribute<>("s3bulkcopy.bytes");

	/**
	 * Error codes of throttling answered with another status than 503 or 429 (AWS
	 * services answer 400).
	 */
	private static final Set<String> THROTTLING_CODES = Set.of("Throttling", "ThrottlingException",
			"ThrottledException", "RequestThrottled", "RequestThrottledException", "TooManyRequestsException",
			"RequestLimitExceeded", "BandwidthLimitExceeded", "ProvisionedThroughputExceededException");

	private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d+)");

	/**
	 * Bytes are paced in KiB, so that one permit count (an int) covers a request of up to
	 * 2 TiB.
	 */
	private static final long UNIT = 1024;

	private final @Nullable RateLimiter requests;

	private final @Nullable RateLimiter bytes;

	private final AdaptiveSlots slots;

	/**
	 * @param requestsPerSecond the most attempts started per second; null: no limit
	 * @param bytesPerSecond the most bytes copied per second; null: no limit
	 * @param slots the copy's slots, which throttled answers reduce
	 */
	public Pacing(@Nullable Integer requestsPerSecond, @Nullable Long bytesPerSecond, AdaptiveSlots slots) {
		Assert.isTrue(requestsPerSecond == null || requestsPerSecond > 0, "requestsPerSecond must be positive");
		Assert.isTrue(bytesPerSecond == null || bytesPerSecond > 0, "bytesPerSecond must be positive");
		Assert.notNull(slots, "slots is required");
		// Warming up: permits saved while idle are spent no faster than the rate, so no
		// second ever sees more requests than the limit (the bursty limiter would let a
		// second after an idle one see twice as many).
		this.requests = (requestsPerSecond != null) ? RateLimiter.create(requestsPerSecond, Duration.ofSeconds(1))
				: null;
		// Bursty: after an idle moment up to a second's worth of bytes goes at once,
		// which the limit allows for.
		this.bytes = (bytesPerSecond != null) ? RateLimiter.create(Math.max(1.0, bytesPerSecond / (double) UNIT))
				: null;
		this.slots = slots;
	}

	/** The copy's slots, which throttled answers reduce. */
	public AdaptiveSlots slots() {
		return this.slots;
	}

	/**
	 * Gives a request the bytes it copies, where its HTTP request does not say: for
	 * {@code request.overrideConfiguration(Pacing.bytes(size))}.
	 */
	public static Consumer<AwsRequestOverrideConfiguration.Builder> bytes(long size) {
		return (config) -> config.putExecutionAttribute(BYTES, size);
	}

	/**
	 * Whether an S3 error code (of a retried attempt) is throttling not already seen by
	 * its status.
	 */
	public static boolean throttlingCode(String code) {
		return THROTTLING_CODES.contains(code);
	}

	/**
	 * Tells the slots of a throttled answer only its error code showed (see
	 * {@link #throttlingCode}).
	 */
	public void throttledBy(String code) {
		if (throttlingCode(code)) {
			this.slots.throttled();
		}
	}

	/**
	 * Tells the slots of a retried attempt by the error it failed with: throttling only
	 * its error code showed ({@link #throttledBy}), or no answer at all
	 * ({@code noResponse}: a timeout, a reset), which backs off as throttling does.
	 */
	public void retriedAfter(String code, String noResponse) {
		if (noResponse.equals(code)) {
			this.slots.unanswered();
		}
		else {
			throttledBy(code);
		}
	}

	@Override
	public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
		if (this.requests != null) {
			this.requests.acquire();
		}
		if (this.bytes != null) {
			long size = bytesOf(context.httpRequest(), attributes);
			if (size > 0) {
				this.bytes.acquire((int) Math.min(Integer.MAX_VALUE, (size + UNIT - 1) / UNIT));
			}
		}
	}

	@Override
	public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
		int status = context.httpResponse().statusCode();
		if (status == 503 || status == 429) {
			this.slots.throttled();
		}
		else if (status < 300) {
			this.slots.succeeded();
		}
	}

	/**
	 * The bytes a request copies, 0 for one that copies none (HEAD, PUT of a streamed
	 * copy, listing, ...).
	 */
	static long bytesOf(SdkHttpRequest request, ExecutionAttributes attributes) {
		Long given = attributes.getAttribute(BYTES);
		if (given != null) {
			return given;
		}
		Optional<String> copyRange = request.firstMatchingHeader("x-amz-copy-source-range");
		if (copyRange.isPresent()) {
			return rangeLength(copyRange.get());
		}
		String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
		if ("GetObject".equals(operation)) {
			return request.firstMatchingHeader("Range").map(Pacing::rangeLength).orElse(0L);
		}
		return 0;
	}

	private static long rangeLength(String range) {
		Matcher matcher = RANGE.matcher(range);
		return matcher.find() ? Long.parseLong(matcher.group(2)) - Long.parseLong(matcher.group(1)) + 1 : 0;
	}

}
