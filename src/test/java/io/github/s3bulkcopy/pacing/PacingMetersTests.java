package io.github.s3bulkcopy.pacing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PacingMetersTests {

	@Test
	void meterTheLimitAndTheThrottledAnswers() {
		AdaptiveLimit limit = new AdaptiveLimit(16);
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		new PacingMeters(limit).bindTo(registry);

		limit.throttled();
		limit.throttled();

		assertThat(registry.get("s3bulkcopy.concurrency.limit").gauge().value()).isEqualTo(8);
		assertThat(registry.get("s3bulkcopy.throttled").functionCounter().count()).isEqualTo(2);
	}

}
