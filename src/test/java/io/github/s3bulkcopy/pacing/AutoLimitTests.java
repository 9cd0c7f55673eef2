package io.github.s3bulkcopy.pacing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The arithmetic of {@code copy.concurrency: auto}: rounds of finished objects grow the
 * limit while their time in flight holds, shrink it when that time rises, and throttling
 * cuts it as it cuts a fixed limit.
 */
class AutoLimitTests {

	private static final long MILLIS = 1_000_000L;

	private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

	private final AdaptiveLimit limit = AdaptiveLimit.auto(16, 4, 512, Duration.ofSeconds(1), this.nanos::get);

	@Test
	void growsByAQuarterAfterEachFullRoundWhoseTimeInFlightHoldsUntilItFirstDecreases() {
		assertThat(this.limit.current()).isEqualTo(16);

		round(60, 16);
		assertThat(this.limit.current()).isEqualTo(20);
		round(62, 20);
		assertThat(this.limit.current()).isEqualTo(25);
		round(58, 25);
		assertThat(this.limit.current()).isEqualTo(31);
		assertThat(this.limit.highest()).isEqualTo(31);
		assertThat(this.limit.lowest()).isEqualTo(16);
	}

	@Test
	void decidesOnlyOnceARoundAsLargeAsTheLimitHasFinished() {
		for (int i = 0; i < 15; i++) {
			this.limit.finished(60 * MILLIS, 16);
		}
		assertThat(this.limit.current()).isEqualTo(16);

		this.limit.finished(60 * MILLIS, 16);

		assertThat(this.limit.current()).isEqualTo(20);
	}

	@Test
	void doesNotGrowWhileFewerThanTheLimitAreInFlight() {
		for (int i = 0; i < 10; i++) {
			round(60, 9);
		}

		assertThat(this.limit.current()).as("a limit not used in full says nothing about more").isEqualTo(16);
	}

	@Test
	void staysWhileTimeInFlightRisesModestly() {
		round(60, 16);
		round(90, 20);
		round(100, 20);

		assertThat(this.limit.current()).isEqualTo(20);
	}

	@Test
	void shrinksByAQuarterWhenTimeInFlightMoreThanDoublesThenHoldsAndGrowsByAnEighth() {
		round(60, 16);
		round(60, 20);
		assertThat(this.limit.current()).isEqualTo(25);

		round(150, 25);
		assertThat(this.limit.current()).isEqualTo(19);
		round(200, 19);
		assertThat(this.limit.current()).as("within the hold time").isEqualTo(19);
		after(Duration.ofSeconds(1));
		round(200, 19);
		assertThat(this.limit.current()).isEqualTo(15);
		assertThat(this.limit.lowest()).isEqualTo(15);
		after(Duration.ofSeconds(1));
		round(60, 15);
		round(60, 16);
		assertThat(this.limit.current()).as("an eighth per round after a decrease").isEqualTo(18);
	}

	@Test
	void aFewObjectsOfARoundThatWaitedOutARetryDoNotReadAsQueueing() {
		round(60, 16);
		assertThat(this.limit.current()).isEqualTo(20);

		for (int i = 0; i < 18; i++) {
			this.limit.finished(60 * MILLIS, 20);
		}
		this.limit.finished(900 * MILLIS, 20);
		this.limit.finished(1200 * MILLIS, 20);

		assertThat(this.limit.current()).as("the round's median is 60 ms; its mean, 159 ms, would have shrunk it")
			.isEqualTo(25);
	}

	@Test
	void aRiseInTimeInFlightThatStaysShrinksItOnce() {
		round(60, 16);
		assertThat(this.limit.current()).isEqualTo(20);

		round(150, 20);
		assertThat(this.limit.current()).isEqualTo(15);
		for (int i = 0; i < 10; i++) {
			after(Duration.ofSeconds(1));
			round(150, 15);
		}

		assertThat(this.limit.current()).as("the machine got busier, the limit did not cause it").isEqualTo(15);
	}

	@Test
	void forgetsTheLowestTimeInFlightSlowlySoAStoreThatGotSlowerIsNotQueueingForever() {
		round(40, 16);
		for (int i = 0; i < 200; i++) {
			after(Duration.ofSeconds(1));
			round(60, this.limit.current());
		}

		assertThat(this.limit.current()).as("60 ms has become the usual time").isGreaterThan(100);
	}

	@Test
	void neverGrowsAboveItsMaximum() {
		AdaptiveLimit small = AdaptiveLimit.auto(16, 4, 20, Duration.ofSeconds(1), this.nanos::get);
		for (int i = 0; i < 10; i++) {
			for (int j = 0; j < small.current(); j++) {
				small.finished(60 * MILLIS, small.current());
			}
		}

		assertThat(small.current()).isEqualTo(20);
		assertThat(small.highest()).isEqualTo(20);
	}

	@Test
	void throttlingCutsItDownToItsMinimumAndItThenGrowsByOnePerRound() {
		assertThat(this.limit.throttled()).as("the first halves it").isEqualTo(8);
		assertThat(this.limit.throttled()).as("the rest of the burst").isEqualTo(8);
		after(Duration.ofSeconds(1));
		assertThat(this.limit.throttled()).isEqualTo(6);
		after(Duration.ofSeconds(1));
		assertThat(this.limit.throttled()).isEqualTo(4);
		after(Duration.ofSeconds(1));
		assertThat(this.limit.throttled()).as("its minimum").isEqualTo(4);
		after(Duration.ofSeconds(1));

		round(60, 4);
		round(60, 5);
		round(60, 6);

		assertThat(this.limit.current()).as("one per round after throttling, as TCP's congestion avoidance")
			.isEqualTo(7);
		assertThat(this.limit.throttledAnswers()).isEqualTo(5);
		assertThat(this.limit.lowest()).isEqualTo(4);
	}

	@Test
	void growsByAnEighthAgainOnceS3HasNotThrottledForAWhile() {
		AdaptiveLimit large = AdaptiveLimit.auto(64, 4, 512, Duration.ofSeconds(1), this.nanos::get);
		large.throttled();
		after(Duration.ofSeconds(1));
		roundOf(large, 32);
		assertThat(large.current()).isEqualTo(33);
		after(AdaptiveLimit.CAUTIOUS.minusSeconds(2));
		roundOf(large, 33);
		assertThat(large.current()).as("still cautious").isEqualTo(34);
		after(Duration.ofSeconds(1));

		roundOf(large, 34);

		assertThat(large.current()).isEqualTo(38);
	}

	@Test
	void anAttemptWithoutAnAnswerHalvesIt() {
		assertThat(this.limit.unanswered()).isEqualTo(8);

		assertThat(this.limit.unansweredAttempts()).isEqualTo(1);
		assertThat(this.limit.throttledAnswers()).isZero();
	}

	@Test
	void answersWithoutThrottlingDoNotGrowAnAutoLimitRoundsOfObjectsDo() {
		for (int i = 0; i < 1000; i++) {
			this.limit.succeeded();
		}

		assertThat(this.limit.current()).isEqualTo(16);
	}

	@Test
	void startsWithinItsBounds() {
		assertThat(AdaptiveLimit.auto(16, 32, 64, Duration.ofSeconds(1), this.nanos::get).current()).isEqualTo(32);
		assertThat(AdaptiveLimit.auto(16, 1, 8, Duration.ofSeconds(1), this.nanos::get).current()).isEqualTo(8);
		assertThat(AdaptiveLimit.auto(4, 512).start()).isEqualTo(16);
	}

	@Test
	void aFixedLimitIgnoresTimeInFlight() {
		AdaptiveLimit fixed = new AdaptiveLimit(32, Duration.ofSeconds(1), this.nanos::get);
		for (int i = 0; i < 32; i++) {
			fixed.finished(10_000 * MILLIS, 32);
		}

		assertThat(fixed.current()).isEqualTo(32);
		assertThat(fixed.auto()).isFalse();
		assertThat(fixed.minimum()).isEqualTo(1);
	}

	/** A round of {@code limit}'s size, each object 60 ms in flight, all slots used. */
	private static void roundOf(AdaptiveLimit limit, int inFlight) {
		int objects = limit.current();
		for (int i = 0; i < objects; i++) {
			limit.finished(60 * MILLIS, inFlight);
		}
	}

	/** A round of as many objects as the limit, each {@code millis} in flight. */
	private void round(long millis, int inFlight) {
		int objects = this.limit.current();
		for (int i = 0; i < objects; i++) {
			this.limit.finished(millis * MILLIS, inFlight);
		}
	}

	private void after(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

}
