package io.github.s3bulkcopy.pacing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdaptiveSlotsTests {

	private final AtomicLong nanos = new AtomicLong();

	private final AdaptiveSlots slots = new AdaptiveSlots(new AdaptiveLimit(8, Duration.ofSeconds(1), this.nanos::get));

	@Test
	void throttlingLeavesFewerSlotsOnceTheWorkInFlightEnds() throws InterruptedException {
		this.slots.acquire(6);

		this.slots.throttled();

		assertThat(this.slots.limit().current()).isEqualTo(4);
		assertThat(this.slots.tryAcquire()).as("6 in flight, limit 4").isFalse();
		this.slots.release(3);
		assertThat(this.slots.tryAcquire()).as("3 in flight, limit 4").isTrue();
		assertThat(this.slots.tryAcquire()).as("4 in flight, limit 4").isFalse();
	}

	@Test
	void slotsComeBackAsTheLimitGrows() {
		this.slots.throttled();
		this.slots.throttled();
		this.nanos.addAndGet(Duration.ofSeconds(1).toNanos());
		this.slots.throttled();
		assertThat(this.slots.availablePermits()).isEqualTo(3);
		this.nanos.addAndGet(Duration.ofSeconds(1).toNanos());

		for (int i = 0; i < 100; i++) {
			this.slots.succeeded();
		}

		assertThat(this.slots.limit().current()).isEqualTo(8);
		assertThat(this.slots.availablePermits()).isEqualTo(8);
	}

	@Test
	void anAutoLimitGrowingOnRoundsOfFinishedWorkGivesMoreSlotsAtOnce() throws InterruptedException {
		AdaptiveSlots auto = new AdaptiveSlots(AdaptiveLimit.auto(16, 4, 512, Duration.ofSeconds(1), this.nanos::get));
		auto.acquire(16);
		assertThat(auto.tryAcquire()).isFalse();

		for (int i = 0; i < 16; i++) {
			auto.finished(Duration.ofMillis(60).toNanos());
		}

		assertThat(auto.limit().current()).isEqualTo(20);
		assertThat(auto.availablePermits()).isEqualTo(4);
	}

}
