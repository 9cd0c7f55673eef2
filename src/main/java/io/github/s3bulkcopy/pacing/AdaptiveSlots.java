package io.github.s3bulkcopy.pacing;

import java.util.concurrent.Semaphore;

import org.springframework.util.Assert;

/**
 * The copy's slots for work in flight, as many as an {@link AdaptiveLimit} allows: fewer
 * when S3 throttles, more again once it stops, and with {@code copy.concurrency: auto}
 * more while the time each object takes holds and fewer when it rises. A decrease takes
 * effect as the work in flight ends (no new work starts until fewer than the limit are in
 * flight); an increase at once.
 */
public class AdaptiveSlots extends Semaphore {

	private static final long serialVersionUID = 1L;

	private final transient AdaptiveLimit limit;

	private int granted;

	public AdaptiveSlots(AdaptiveLimit limit) {
		super(limit.current());
		Assert.notNull(limit, "limit is required");
		this.limit = limit;
		this.granted = limit.current();
	}

	/**
	 * Tells the limit of an attempt that got no answer (timed out, reset), which halves
	 * it.
	 */
	public synchronized void unanswered() {
		apply(this.limit.unanswered());
	}

	/**
	 * Tells the limit of work that finished after holding a slot for
	 * {@code nanosInFlight}; call before giving the slot back.
	 */
	public synchronized void finished(long nanosInFlight) {
		apply(this.limit.finished(nanosInFlight, this.granted - availablePermits()));
	}

	/** Tells the limit of a throttled answer. */
	public synchronized void throttled() {
		apply(this.limit.throttled());
	}

	/** Tells the limit of an answer that did not throttle. */
	public synchronized void succeeded() {
		apply(this.limit.succeeded());
	}

	/** The limit these slots follow. */
	public AdaptiveLimit limit() {
		return this.limit;
	}

	private void apply(int target) {
		if (target > this.granted) {
			release(target - this.granted);
		}
		else if (target < this.granted) {
			reducePermits(this.granted - target);
		}
		this.granted = target;
	}

}
