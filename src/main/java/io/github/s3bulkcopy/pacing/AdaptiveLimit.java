package io.github.s3bulkcopy.pacing;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.springframework.util.Assert;

/**
 * A limit on requests in flight that adapts to throttling, additive increase and
 * multiplicative decrease (AIMD, as TCP's congestion window): halved when the store
 * throttles (503 SlowDown and the like), raised by one after as many answers without
 * throttling as the limit allows in flight (about one round of requests), always between
 * 1 and its maximum. A burst of throttled answers to the requests already in flight
 * halves it once: after a decrease, further throttling within the hold time counts but
 * does not decrease it again, and it does not grow within that time either.
 * <p>
 * Only the arithmetic: thread-safe, with an injectable clock, and knowing nothing of S3
 * or of what it limits ({@link AdaptiveSlots} applies it to the copy's slots). A limit
 * that also grows while throughput grows would extend this class.
 */
public final class AdaptiveLimit {

	/** How long after a decrease the limit neither decreases again nor grows. */
	public static final Duration HOLD = Duration.ofSeconds(1);

	private final int maximum;

	private final long holdNanos;

	private final LongSupplier nanoTime;

	private int limit;

	private int lowest;

	private long throttled;

	private int unthrottled;

	private boolean decreased;

	private long decreasedAt;

	/**
	 * A limit starting at {@code maximum}, held for {@link #HOLD} after each decrease, on
	 * the system's clock.
	 */
	public AdaptiveLimit(int maximum) {
		this(maximum, HOLD, System::nanoTime);
	}

	/**
	 * @param maximum the limit it starts at and never exceeds
	 * @param hold how long after a decrease it neither decreases again nor grows
	 * @param nanoTime the clock, in nanoseconds (as {@link System#nanoTime()})
	 */
	public AdaptiveLimit(int maximum, Duration hold, LongSupplier nanoTime) {
		Assert.isTrue(maximum >= 1, "maximum must be at least 1");
		Assert.notNull(hold, "hold is required");
		Assert.notNull(nanoTime, "nanoTime is required");
		this.maximum = maximum;
		this.holdNanos = hold.toNanos();
		this.nanoTime = nanoTime;
		this.limit = maximum;
		this.lowest = maximum;
	}

	/**
	 * An answer that throttled: halves the limit unless it was decreased within the hold
	 * time. Returns the limit.
	 */
	public synchronized int throttled() {
		this.throttled++;
		long now = this.nanoTime.getAsLong();
		if (!holding(now)) {
			this.limit = Math.max(1, this.limit / 2);
			this.lowest = Math.min(this.lowest, this.limit);
			this.decreased = true;
			this.decreasedAt = now;
			this.unthrottled = 0;
		}
		return this.limit;
	}

	/**
	 * An answer that did not throttle: one more towards the next increase, which comes
	 * after as many of them as the limit (outside the hold time). Returns the limit.
	 */
	public synchronized int succeeded() {
		if (this.limit >= this.maximum) {
			return this.limit;
		}
		if (holding(this.nanoTime.getAsLong())) {
			return this.limit;
		}
		this.unthrottled++;
		if (this.unthrottled >= this.limit) {
			this.limit++;
			this.unthrottled = 0;
		}
		return this.limit;
	}

	private boolean holding(long now) {
		return this.decreased && now - this.decreasedAt < this.holdNanos;
	}

	/** The limit now. */
	public synchronized int current() {
		return this.limit;
	}

	/** The limit it starts at and never exceeds. */
	public int maximum() {
		return this.maximum;
	}

	/** The lowest the limit has been. */
	public synchronized int lowest() {
		return this.lowest;
	}

	/** How many throttled answers it was told of. */
	public synchronized long throttledAnswers() {
		return this.throttled;
	}

}
