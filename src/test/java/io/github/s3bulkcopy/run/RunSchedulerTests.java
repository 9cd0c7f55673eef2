package io.github.s3bulkcopy.run;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.s3bulkcopy.ledger.LedgerCounts;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.scheduling.support.CronExpression;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduler on a one-second cron, bounded to a few ticks. */
class RunSchedulerTests {

	private final List<String> log = new CopyOnWriteArrayList<>();

	@Test
	void runsNeverOverlapAndTicksDuringARunAreSkipped() throws Exception {
		RunScheduler scheduler = new RunScheduler(CronExpression.parse("* * * * * *"), null, 3, Clock.systemUTC(),
				this.log::add);
		List<long[]> spans = new ArrayList<>();
		AtomicInteger calls = new AtomicInteger();

		RunScheduler.Outcome outcome = scheduler.start(() -> {
			long start = System.nanoTime();
			if (calls.incrementAndGet() == 2) {
				Thread.sleep(2300);
			}
			spans.add(new long[] { start, System.nanoTime() });
			return result(calls.get());
		});

		assertThat(outcome.runs()).isEqualTo(3);
		assertThat(outcome.skippedTicks()).isGreaterThanOrEqualTo(2);
		for (int i = 1; i < spans.size(); i++) {
			assertThat(spans.get(i)[0]).as("run %d starts after run %d ended", i + 1, i)
				.isGreaterThan(spans.get(i - 1)[1]);
		}
		assertThat(this.log).anyMatch((line) -> line.contains("tick(s) skipped while the run was going"))
			.anyMatch((line) -> line.contains("schedule ended after 3 run(s)"));
	}

	@Test
	void aTickThatFindsTheJobBusyIsSkippedAndTheNextOneRuns() throws Exception {
		RunScheduler scheduler = new RunScheduler(CronExpression.parse("* * * * * *"), null, 2, Clock.systemUTC(),
				this.log::add);
		AtomicInteger calls = new AtomicInteger();

		RunScheduler.Outcome outcome = scheduler.start(() -> {
			if (calls.incrementAndGet() == 1) {
				throw new JobBusyException("job 'x' is being run by another process");
			}
			return result(1);
		});

		assertThat(outcome.runs()).isEqualTo(2);
		assertThat(outcome.last()).isNotNull();
		assertThat(this.log).anyMatch((line) -> line.startsWith("tick skipped: job 'x' is being run"));
	}

	@Test
	void stopEndsAWaitingScheduleAtOnce() throws Exception {
		RunScheduler scheduler = new RunScheduler(CronExpression.parse("0 0 0 1 1 *"), null, 0, Clock.systemUTC(),
				this.log::add);
		new Thread(() -> {
			sleep(300);
			scheduler.stop();
		}).start();
		long start = System.nanoTime();

		RunScheduler.Outcome outcome = scheduler.start(() -> result(1));

		assertThat(outcome.stopped()).isTrue();
		assertThat(outcome.runs()).isZero();
		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
	}

	@Test
	void noRunStartsAfterUntil() throws Exception {
		RunScheduler scheduler = new RunScheduler(CronExpression.parse("* * * * * *"), Instant.now().plusMillis(2500),
				0, Clock.systemUTC(), this.log::add);

		RunScheduler.Outcome outcome = scheduler.start(() -> result(1));

		assertThat(outcome.runs()).isBetween(1, 3);
		assertThat(this.log.get(this.log.size() - 1)).startsWith("schedule ended: no tick before");
	}

	private static RunResult result(long run) {
		return new RunResult("x", run, run, false, BatchStatus.COMPLETED,
				new LedgerCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), null, List.of());
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
