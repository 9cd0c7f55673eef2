package io.github.s3bulkcopy.batchops;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * How long to wait before the next DescribeJob: the initial interval after something
 * changed, doubling up to the maximum while nothing does. A job that runs for hours then
 * costs a request a minute, and one that moves is seen moving.
 */
final class PollBackoff {

	private final Duration initial;

	private final Duration max;

	private Duration current;

	PollBackoff(Duration initial, Duration max) {
		Assert.isTrue(!initial.isNegative() && !initial.isZero(), "initial must be positive");
		Assert.isTrue(max.compareTo(initial) >= 0, "max must not be less than initial");
		this.initial = initial;
		this.max = max;
		this.current = initial;
	}

	Duration next(boolean changed) {
		if (changed) {
			this.current = this.initial;
			return this.current;
		}
		Duration doubled = this.current.multipliedBy(2);
		this.current = (doubled.compareTo(this.max) > 0) ? this.max : doubled;
		return this.current;
	}

}
