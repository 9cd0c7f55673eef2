package io.github.s3bulkcopy.pacing;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.LongSupplier;

import org.springframework.util.Assert;

/**
 * A limit on objects in flight that adapts, between a minimum and a maximum. Two kinds:
 * <ul>
 * <li><b>fixed</b> ({@code copy.concurrency: 64}): starts at its maximum and backs off
 * when the store throttles, additive increase and multiplicative decrease (AIMD, as TCP's
 * congestion window): halved on its first throttled answer (503 SlowDown and the like),
 * cut to {@link #THROTTLED_TO} of itself on later ones, halved on an attempt that got no
 * answer (a timeout, a reset), raised by one after as many answers without throttling as
 * the limit allows in flight (about one round of requests), never above its maximum,
 * never below 1;</li>
 * <li><b>auto</b> ({@code copy.concurrency: auto}): the same back-off, and besides it
 * looks at each round of finished objects (as many as the limit): while their time in
 * flight stays within {@link #GROW_WITHIN} of the lowest seen and the limit was used in
 * full, it grows: by a quarter per round until its first decrease (so that it climbs from
 * its start to hundreds within a dozen round trips), by an eighth per round after that,
 * and by one per round for {@link #CAUTIOUS} after the store last throttled (TCP's slow
 * start, then congestion avoidance); when their time rises above {@link #SHRINK_ABOVE}
 * times the lowest, it shrinks by a quarter. A round's time is its median, so the few
 * objects of a round that waited out a retry's back-off do not read as queueing. By
 * Little's law (throughput = objects in flight / time in flight) more in flight at an
 * unchanged time in flight is more throughput, and a time that rises with the limit means
 * the extra objects only queue (at the store, the network or this machine's CPU).</li>
 * </ul>
 * A burst of throttled answers to the requests already in flight decreases it once: after
 * a decrease, further throttling within the hold time counts but does not decrease it
 * again, and it does not grow within that time either.
 * <p>
 * Time in flight is measured per object (from taking a slot to giving it back: its HEAD,
 * copy and verification together), the unit the limit counts, never per request.
 * Throttling is counted per request, as each answer comes.
 * <p>
 * Only the arithmetic: thread-safe, with an injectable clock, and knowing nothing of S3
 * or of what it limits ({@link AdaptiveSlots} applies it to the copy's slots).
 */
public final class AdaptiveLimit {

	/** How long after a decrease the limit neither decreases again nor grows. */
	public static final Duration HOLD = Duration.ofSeconds(1);

	/**
	 * What a throttled answer leaves of a limit that decreased before. Gentler than
	 * halving: once the limit is near the store's rate, S3 throttles it when it is a
	 * little above, and a halved limit spent the hold time and the rounds of growing back
	 * well below that rate (0.72 × the rate in the benchmark; 0.95-0.98 × with 0.8 in
	 * AutoLimitUnderThrottlingTests' simulation, where 0.7 made 0.91-0.93 ×).
	 */
	static final double THROTTLED_TO = 0.8;

	/** Where an auto limit starts, within its bounds. */
	public static final int AUTO_START = 16;

	/**
	 * A round's time in flight up to this many times the lowest seen lets an auto limit
	 * grow.
	 */
	static final double GROW_WITHIN = 1.25;

	/**
	 * How long after throttling (or an attempt without an answer) an auto limit grows by
	 * one per round rather than by an eighth.
	 */
	public static final Duration CAUTIOUS = Duration.ofSeconds(30);

	/** A round's time in flight above this many times the lowest seen shrinks it. */
	static final double SHRINK_ABOVE = 2.0;

	/**
	 * How far the lowest time in flight moves towards each round's, so that a store that
	 * became slower for good is not taken for queueing forever.
	 */
	static final double BASELINE_DRIFT = 0.02;

	private final int minimum;

	private final int maximum;

	private final int start;

	private final boolean auto;

	private final long holdNanos;

	private final LongSupplier nanoTime;

	private int limit;

	private int lowest;

	private int highest;

	private long throttled;

	private long unanswered;

	private long finished;

	private int unthrottled;

	private boolean decreased;

	private long decreasedAt;

	private boolean everThrottled;

	private long throttledAt;

	private int roundObjects;

	private int roundMostInFlight;

	private long[] roundTimes = new long[0];

	private double baselineNanos;

	/**
	 * A fixed limit starting at {@code maximum}, held for {@link #HOLD} after each
	 * decrease, on the system's clock.
	 */
	public AdaptiveLimit(int maximum) {
		this(maximum, HOLD, System::nanoTime);
	}

	/**
	 * A fixed limit.
	 * @param maximum the limit it starts at and never exceeds
	 * @param hold how long after a decrease it neither decreases again nor grows
	 * @param nanoTime the clock, in nanoseconds (as {@link System#nanoTime()})
	 */
	public AdaptiveLimit(int maximum, Duration hold, LongSupplier nanoTime) {
		this(false, maximum, 1, maximum, hold, nanoTime);
	}

	private AdaptiveLimit(boolean auto, int start, int minimum, int maximum, Duration hold, LongSupplier nanoTime) {
		Assert.isTrue(minimum >= 1, "minimum must be at least 1");
		Assert.isTrue(maximum >= minimum, "maximum must be at least the minimum");
		Assert.notNull(hold, "hold is required");
		Assert.notNull(nanoTime, "nanoTime is required");
		this.auto = auto;
		this.minimum = minimum;
		this.maximum = maximum;
		this.start = Math.max(minimum, Math.min(maximum, start));
		this.holdNanos = hold.toNanos();
		this.nanoTime = nanoTime;
		this.limit = this.start;
		this.lowest = this.start;
		this.highest = this.start;
	}

	/**
	 * An auto limit starting at {@link #AUTO_START} (within the bounds), on the system's
	 * clock.
	 * @param minimum the lowest it goes
	 * @param maximum the highest it goes
	 */
	public static AdaptiveLimit auto(int minimum, int maximum) {
		return auto(AUTO_START, minimum, maximum, HOLD, System::nanoTime);
	}

	/**
	 * An auto limit.
	 * @param start where it starts (brought within the bounds)
	 * @param minimum the lowest it goes
	 * @param maximum the highest it goes
	 * @param hold how long after a decrease it neither decreases again nor grows
	 * @param nanoTime the clock, in nanoseconds (as {@link System#nanoTime()})
	 */
	public static AdaptiveLimit auto(int start, int minimum, int maximum, Duration hold, LongSupplier nanoTime) {
		return new AdaptiveLimit(true, start, minimum, maximum, hold, nanoTime);
	}

	/**
	 * An answer that throttled: cuts the limit to {@link #THROTTLED_TO} of itself unless
	 * a decrease still holds, or halves it if it never decreased: the first throttling
	 * comes after a climb (or at a fixed number) that may be well above the store's rate,
	 * as TCP halves its window on the first loss after slow start. Returns the limit.
	 */
	public synchronized int throttled() {
		this.throttled++;
		return backOff(this.decreased ? (int) (this.limit * THROTTLED_TO) : this.limit / 2);
	}

	/**
	 * An attempt that got no answer (timed out, or its connection was reset): halves the
	 * limit unless a decrease still holds. Harder than throttling, as TCP takes a timeout
	 * harder than a loss: no answer says nothing of how far over the store's rate the
	 * load is, and each such attempt costs a whole timeout. Returns the limit.
	 */
	public synchronized int unanswered() {
		this.unanswered++;
		return backOff(this.limit / 2);
	}

	private int backOff(int target) {
		long now = this.nanoTime.getAsLong();
		this.everThrottled = true;
		this.throttledAt = now;
		if (!holding(now)) {
			decreaseTo(target, now);
		}
		return this.limit;
	}

	private void decreaseTo(int target, long now) {
		this.limit = Math.max(this.minimum, Math.min(this.limit, target));
		this.lowest = Math.min(this.lowest, this.limit);
		this.decreased = true;
		this.decreasedAt = now;
		this.unthrottled = 0;
		restartRound();
	}

	/**
	 * An answer that did not throttle. A fixed limit counts it towards the next increase,
	 * which comes after as many of them as the limit (outside the hold time); an auto
	 * limit grows by rounds of objects instead ({@link #finished}). Returns the limit.
	 */
	public synchronized int succeeded() {
		if (this.auto || this.limit >= this.maximum) {
			return this.limit;
		}
		if (holding(this.nanoTime.getAsLong())) {
			return this.limit;
		}
		this.unthrottled++;
		if (this.unthrottled >= this.limit) {
			increaseTo(this.limit + 1);
			this.unthrottled = 0;
		}
		return this.limit;
	}

	/**
	 * An object that gave its slot back; an auto limit decides at the end of each round
	 * of them whether to grow, stay or shrink. Returns the limit.
	 * @param nanosInFlight how long it held its slot
	 * @param inFlight the objects in flight as it finished, itself included
	 */
	public synchronized int finished(long nanosInFlight, int inFlight) {
		this.finished++;
		if (!this.auto) {
			return this.limit;
		}
		if (this.roundObjects == this.roundTimes.length) {
			this.roundTimes = Arrays.copyOf(this.roundTimes, Math.max(16, this.roundObjects * 2));
		}
		this.roundTimes[this.roundObjects++] = Math.max(0, nanosInFlight);
		this.roundMostInFlight = Math.max(this.roundMostInFlight, inFlight);
		if (this.roundObjects < this.limit) {
			return this.limit;
		}
		double nanos = median(this.roundTimes, this.roundObjects);
		boolean used = this.roundMostInFlight >= this.limit;
		restartRound();
		long now = this.nanoTime.getAsLong();
		if (holding(now)) {
			// The round mixes objects started before the decrease with those after it.
			return this.limit;
		}
		if (this.baselineNanos == 0 || nanos < this.baselineNanos) {
			this.baselineNanos = nanos;
		}
		else {
			this.baselineNanos += (nanos - this.baselineNanos) * BASELINE_DRIFT;
		}
		if (nanos > this.baselineNanos * SHRINK_ABOVE) {
			decreaseTo(this.limit - Math.max(1, this.limit / 4), now);
			// A rise shrinks it once; only a further rise shrinks it again. Time in
			// flight that rose for reasons of its own (a busy machine) then costs a
			// quarter, not everything down to the minimum.
			this.baselineNanos = Math.max(this.baselineNanos, nanos / SHRINK_ABOVE);
		}
		else if (used && nanos <= this.baselineNanos * GROW_WITHIN) {
			boolean cautious = this.everThrottled && now - this.throttledAt < CAUTIOUS.toNanos();
			int step = cautious ? 1 : Math.max(1, this.limit / (this.decreased ? 8 : 4));
			increaseTo(this.limit + step);
		}
		return this.limit;
	}

	private void increaseTo(int target) {
		this.limit = Math.min(this.maximum, target);
		this.highest = Math.max(this.highest, this.limit);
	}

	private void restartRound() {
		this.roundObjects = 0;
		this.roundMostInFlight = 0;
	}

	private static double median(long[] values, int count) {
		Arrays.sort(values, 0, count);
		int middle = count / 2;
		return (count % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
	}

	private boolean holding(long now) {
		return this.decreased && now - this.decreasedAt < this.holdNanos;
	}

	/** The limit now. */
	public synchronized int current() {
		return this.limit;
	}

	/** Whether it grows on its own ({@code copy.concurrency: auto}). */
	public boolean auto() {
		return this.auto;
	}

	/** The limit it starts at. */
	public int start() {
		return this.start;
	}

	/** The limit it never goes below (1 for a fixed limit). */
	public int minimum() {
		return this.minimum;
	}

	/** The limit it never exceeds. */
	public int maximum() {
		return this.maximum;
	}

	/** The lowest the limit has been. */
	public synchronized int lowest() {
		return this.lowest;
	}

	/** The highest the limit has been. */
	public synchronized int highest() {
		return this.highest;
	}

	/** How many throttled answers it was told of. */
	public synchronized long throttledAnswers() {
		return this.throttled;
	}

	/** How many objects gave their slot back ({@link #finished}). */
	public synchronized long finishedObjects() {
		return this.finished;
	}

	/** How many attempts without an answer (timeouts, resets) it was told of. */
	public synchronized long unansweredAttempts() {
		return this.unanswered;
	}

}
