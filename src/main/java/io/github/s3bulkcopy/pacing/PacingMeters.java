package io.github.s3bulkcopy.pacing;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.util.Assert;

/**
 * The adaptive limit as Micrometer meters: the gauge {@code s3bulkcopy.concurrency.limit}
 * (objects the copy may have in flight now) and the counter {@code s3bulkcopy.throttled}
 * (answers that throttled).
 */
public class PacingMeters implements MeterBinder {

	private final AdaptiveLimit limit;

	public PacingMeters(AdaptiveLimit limit) {
		Assert.notNull(limit, "limit is required");
		this.limit = limit;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("s3bulkcopy.concurrency.limit", this.limit, AdaptiveLimit::current)
			.description("Objects the copy may have in flight now: as copy.concurrency auto finds it, or the fixed "
					+ "copy.concurrency, less while S3 throttles")
			.register(registry);
		FunctionCounter.builder("s3bulkcopy.throttled", this.limit, AdaptiveLimit::throttledAnswers)
			.description("S3 answers that throttled (503 SlowDown and the like)")
			.register(registry);
	}

}
