package io.github.s3bulkcopy.pacing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AdaptiveLimitTests {

	private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

	private final AdaptiveLimit limit = new AdaptiveLimit(64, Duration.ofSeconds(1), this.nanos::get);

	@Test
	void startsAtItsMaximumAndDoesNotGrowBeyondIt() {
		for (int i = 0; i < 1000; i++) {
			this.limit.succeeded();
		}

		assertThat(this.limit.current()).isEqualTo(64);
		assertThat(this.limit.lowest()).isEqualTo(64);
		assertThat(this.limit.throttledAnswers()).isZero();
	}

	@Test
	void throttlingHalvesItFirstThenCutsItToFourFifthsOncePerHoldTime() {
		assertThat(this.limit.throttled()).isEqualTo(32);
		for (int i = 0; i < 20; i++) {
			assertThat(this.limit.throttled()).as("the rest of the burst, within the hold time").isEqualTo(32);
		}
		after(Duration.ofMillis(1000));

		assertThat(this.limit.throttled()).isEqualTo(25);
		after(Duration.ofMillis(1000));
		assertThat(this.limit.throttled()).isEqualTo(20);
		assertThat(this.limit.throttledAnswers()).isEqualTo(23);
	}

	@Test
	void anAttemptWithoutAnAnswerHalvesIt() {
		assertThat(this.limit.unanswered()).isEqualTo(32);
		after(Duration.ofSeconds(1));

		assertThat(this.limit.unanswered()).isEqualTo(16);
		assertThat(this.limit.unansweredAttempts()).isEqualTo(2);
		assertThat(this.limit.throttledAnswers()).isZero();
	}

	@Test
	void neverGoesBelowOne() {
		for (int i = 0; i < 20; i++) {
			this.limit.throttled();
			after(Duration.ofSeconds(1));
		}

		assertThat(this.limit.current()).isEqualTo(1);
		assertThat(this.limit.lowest()).isEqualTo(1);
	}

	@Test
	void growsByOneAfterARoundOfAnswersWithoutThrottlingOnceTheHoldTimeIsOver() {
		this.limit.throttled();
		this.limit.throttled();
		for (int i = 0; i < 100; i++) {
			this.limit.succeeded();
		}
		assertThat(this.limit.current()).as("no growth within the hold time").isEqualTo(32);
		after(Duration.ofSeconds(1));

		for (int i = 0; i < 31; i++) {
			this.limit.succeeded();
		}
		assertThat(this.limit.current()).isEqualTo(32);
		this.limit.succeeded();
		assertThat(this.limit.current()).as("after 32 answers at 32").isEqualTo(33);
		for (int i = 0; i < 33; i++) {
			this.limit.succeeded();
		}
		assertThat(this.limit.current()).as("after 33 more at 33").isEqualTo(34);
		assertThat(this.limit.lowest()).isEqualTo(32);
	}

	@Test
	void growsBackToItsMaximumOnceThrottlingStops() {
		for (int i = 0; i < 20; i++) {
			this.limit.throttled();
			after(Duration.ofSeconds(1));
		}
		assertThat(this.limit.current()).isEqualTo(1);

		for (int i = 0; i < 10_000 && this.limit.current() < 64; i++) {
			this.limit.succeeded();
		}

		assertThat(this.limit.current()).isEqualTo(64);
		assertThat(this.limit.lowest()).isEqualTo(1);
	}

	@Test
	void maximumMustBeAtLeastOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AdaptiveLimit(0));
	}

	private void after(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

}
