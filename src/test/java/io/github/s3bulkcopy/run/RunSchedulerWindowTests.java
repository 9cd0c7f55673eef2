package io.github.s3bulkcopy.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.s3bulkcopy.jobfile.ScheduleWindow;
import io.github.s3bulkcopy.ledger.LedgerCounts;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.scheduling.support.CronExpression;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler with a window, on a one-second cron and a clock set just before the
 * window's end, a few ticks long.
 */
class RunSchedulerWindowTests {

	private static final ScheduleWindow NIGHT = ScheduleWindow.parse("22:00-06:00 UTC");

	private final List<String> log = new CopyOnWriteArrayList<>();

	@Test
	void aRunGoingAtTheWindowsEndIsAskedToStop() throws Exception {
		CountDownLatch asked = new CountDownLatch(1);
		AtomicInteger asks = new AtomicInteger();
		// The first tick, 05:59:59, is inside the window, which ends a second later.
		RunScheduler scheduler = new RunScheduler(CronExpression.parse("* * * * * *"), null, 1, NIGHT, () -> {
			// The run is not recorded yet the first time it is asked: asked again a
			// second later.
			if (asks.incrementAndGet() == 1) {
				return false;
			}
			asked.countDown();
			return true;
		}, clockAt("2026-12-07T05:59:58.500Z"), this.log::add);

		RunScheduler.Outcome outcome = scheduler.start(() -> {
			assertThat(asked.await(10, TimeUnit.SECONDS)).as("asked to stop").isTrue();
			return result(BatchStatus.STOPPED);
		});

		assertThat(outcome.runs()).isEqualTo(1);
		assertThat(asks).hasValue(2);
		assertThat(this.log).contains(
				"window 22:00-06:00 UTC ended: the run stops, and the next tick inside the window " + "resumes it");
	}

	@Test
	void ticksOutsideTheWindowStartNoRun() throws Exception {
		Clock clock = clockAt("2026-12-07T06:00:00.500Z");
		RunScheduler scheduler = new RunScheduler(CronExpression.parse("* * * * * *"),
				clock.instant().plus(Duration.ofMillis(2300)), 0, NIGHT, () -> true, clock, this.log::add);
		AtomicInteger runs = new AtomicInteger();

		RunScheduler.Outcome outcome = scheduler.start(() -> {
			runs.incrementAndGet();
			return result(BatchStatus.COMPLETED);
		});

		assertThat(runs).hasValue(0);
		assertThat(outcome.runs()).isZero();
		assertThat(this.log).filteredOn((line) -> line.equals("tick outside the window 22:00-06:00 UTC: no run"))
			.hasSize(2);
	}

	@Test
	void aRunThatEndsBeforeTheWindowDoesIsNotAskedToStop() throws Exception {
		AtomicInteger asks = new AtomicInteger();
		RunScheduler scheduler = new RunScheduler(CronExpression.parse("* * * * * *"), null, 1, NIGHT, () -> {
			asks.incrementAndGet();
			return true;
		}, clockAt("2026-12-07T05:59:57.500Z"), this.log::add);

		scheduler.start(() -> result(BatchStatus.COMPLETED));
		Thread.sleep(2000);

		assertThat(asks).as("the window's end came after the run ended").hasValue(0);
	}

	private static Clock clockAt(String instant) {
		return Clock.offset(Clock.system(ZoneOffset.UTC), Duration.between(Instant.now(), Instant.parse(instant)));
	}

	private static RunResult result(BatchStatus status) {
		return new RunResult("job", 1, 1, false, status, new LedgerCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), null,
				List.of());
	}

}
