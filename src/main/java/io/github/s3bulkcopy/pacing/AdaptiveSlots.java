package io.github.s3bulkcopy.pacing;

import java.util.concurrent.Semaphore;

import org.springframework.util.Assert;

/**
 * The copy's slots for work in flight ({@code copy.concurrency} of them at most), as many
 * as an {@link AdaptiveLimit} allows: fewer when S3 throttles, more again once it stops.
 * A decrease takes effect as the work in flight ends (no new work starts until fewer than
 * the limit are in flight); an increase at once.
 */
public class AdaptiveSlots extends Semaphore {

	private static final long serialVersionUID = 1L;

	private final transient AdaptiveLimit limit;

	private int granted;

	public AdaptiveSlots(AdaptiveLimit limit) {
		super(limit.maximum());
		Assert.notNull(limit, "limit is required");
		this.limit = limit;
		this.granted = limit.maximum();
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
