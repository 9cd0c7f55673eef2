package io.github.s3bulkcopy.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.github.s3bulkcopy.jobfile.ScheduleWindow;
import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.support.CronExpression;
import org.springframework.util.Assert;

/**
 * Runs the job at each tick of a cron expression, one run at a time: a tick that comes
 * while a run is still going is skipped (and said so), and the run itself decides what to
 * do (resume an unfinished run, or start a new one that copies only what changed). Ends
 * at {@code until}, after {@code maxRuns}, or when stopped.
 * <p>
 * With a {@link ScheduleWindow window}, a tick outside it starts no run, and a run still
 * going when the window ends is asked to stop (as {@code stop} does: it ends STOPPED
 * after its chunks in flight), so that the next tick inside the window resumes it.
 */
public class RunScheduler {

	/** One scheduled run: returns its result, or throws when it could not run. */
	@FunctionalInterface
	public interface ScheduledRun {

		RunResult run() throws Exception;

	}

	/** How the scheduler ended. */
	public record Outcome(int runs, int skippedTicks, @Nullable RunResult last, boolean stopped) {
	}

	private final CronExpression cron;

	private final @Nullable Instant until;

	private final int maxRuns;

	private final Clock clock;

	private final Consumer<String> log;

	private final CountDownLatch stopped = new CountDownLatch(1);

	private final @Nullable ScheduleWindow window;

	private final BooleanSupplier stopRun;

	/**
	 * @param cron when runs start
	 * @param until no run starts after this instant (null: no end)
	 * @param maxRuns the scheduler ends after this many runs (0: no limit)
	 * @param clock the time source
	 * @param log where to say what happens, one line at a time
	 */
	public RunScheduler(CronExpression cron, @Nullable Instant until, int maxRuns, Clock clock, Consumer<String> log) {
		this(cron, until, maxRuns, null, () -> false, clock, log);
	}

	/**
	 * @param cron when runs start
	 * @param until no run starts after this instant (null: no end)
	 * @param maxRuns the scheduler ends after this many runs (0: no limit)
	 * @param window when runs may go (null: at any time)
	 * @param stopRun asks the run going to stop, as {@code stop} does; true when it found
	 * one to ask (the window's end asks again each second until it does or the run ends)
	 * @param clock the time source
	 * @param log where to say what happens, one line at a time
	 */
	public RunScheduler(CronExpression cron, @Nullable Instant until, int maxRuns, @Nullable ScheduleWindow window,
			BooleanSupplier stopRun, Clock clock, Consumer<String> log) {
		Assert.notNull(cron, "cron is required");
		Assert.notNull(stopRun, "stopRun is required");
		Assert.notNull(clock, "clock is required");
		Assert.notNull(log, "log is required");
		this.cron = cron;
		this.until = until;
		this.maxRuns = maxRuns;
		this.clock = clock;
		this.log = log;
		this.window = window;
		this.stopRun = stopRun;
	}

	/** Ticks until the end; every run goes through {@code run}. */
	public Outcome start(ScheduledRun run) throws InterruptedException {
		int runs = 0;
		int skipped = 0;
		RunResult last = null;
		ZonedDateTime now = ZonedDateTime.now(this.clock.withZone(ZoneId.systemDefault()));
		while (true) {
			ZonedDateTime next = this.cron.next(now);
			if (next == null || (this.until != null && next.toInstant().isAfter(this.until))) {
				this.log.accept("schedule ended: no tick before " + ((this.until != null) ? this.until : "the end"));
				return new Outcome(runs, skipped, last, false);
			}
			this.log.accept("next run at " + next.toOffsetDateTime());
			if (waitUntil(next.toInstant())) {
				this.log.accept("schedule stopped");
				return new Outcome(runs, skipped, last, true);
			}
			if (this.window != null && !this.window.contains(next.toInstant())) {
				this.log.accept("tick outside the window " + this.window + ": no run");
				ZonedDateTime after = ZonedDateTime.now(this.clock.withZone(ZoneId.systemDefault()));
				now = after.isAfter(next) ? after : next;
				continue;
			}
			runs++;
			try (WindowEnd end = windowEnd(next.toInstant())) {
				last = run.run();
				this.log.accept("run " + last.run() + " of job " + last.jobName() + " ended " + last.status()
						+ " (exit " + last.exitCode() + ")");
			}
			catch (JobBusyException ex) {
				this.log.accept("tick skipped: " + ex.getMessage());
			}
			catch (NothingNewException ex) {
				this.log.accept("tick found nothing new");
			}
			catch (Exception ex) {
				this.log.accept("tick failed, the next tick tries again: " + RunLauncher.describe(ex));
			}
			if (this.stopped.getCount() == 0) {
				this.log.accept("schedule stopped");
				return new Outcome(runs, skipped, last, true);
			}
			if (this.maxRuns > 0 && runs >= this.maxRuns) {
				this.log.accept("schedule ended after " + runs + " run(s)");
				return new Outcome(runs, skipped, last, false);
			}
			// Ticks that passed while the run went on are skipped, never queued: runs do
			// not overlap or pile up.
			ZonedDateTime after = ZonedDateTime.now(this.clock.withZone(ZoneId.systemDefault()));
			int missed = 0;
			for (ZonedDateTime tick = this.cron.next(next); tick != null
					&& tick.isBefore(after); tick = this.cron.next(tick)) {
				missed++;
			}
			if (missed > 0) {
				skipped += missed;
				this.log.accept(missed + " tick(s) skipped while the run was going");
			}
			// The wait ends on a millisecond, so a short run can end before the tick it
			// ran for: the next tick is counted from that tick, never from an earlier
			// instant, or the same tick would run twice.
			now = after.isAfter(next) ? after : next;
		}
	}

	/**
	 * Asks the run started at {@code tick} to stop when the window ends; nothing to do
	 * without a window.
	 */
	private WindowEnd windowEnd(Instant tick) {
		if (this.window == null) {
			return new WindowEnd(null);
		}
		Instant end = this.window.endAfter(tick);
		ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "schedule-window");
			thread.setDaemon(true);
			return thread;
		});
		// Once the run has returned, an end not yet come is dropped (one under way is let
		// finish).
		timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		long delay = Math.max(0, Duration.between(this.clock.instant(), end).toMillis());
		timer.schedule(new Runnable() {

			@Override
			public void run() {
				if (RunScheduler.this.stopRun.getAsBoolean()) {
					RunScheduler.this.log.accept("window " + RunScheduler.this.window
							+ " ended: the run stops, and the next tick inside the window resumes it");
				}
				else if (!timer.isShutdown()) {
					// At the window's end the run may not be recorded yet: asked again
					// each second until it is.
					timer.schedule(this, 1, TimeUnit.SECONDS);
				}
			}

		}, delay, TimeUnit.MILLISECONDS);
		return new WindowEnd(timer);
	}

	/** The window's end, waited for while a run goes; closed when the run returns. */
	private record WindowEnd(@Nullable ScheduledExecutorService timer) implements AutoCloseable {

		/**
		 * Drops an end not yet come and waits for one under way to finish: not
		 * interrupted, as it may be writing the stop request to the job database (H2
		 * closes its file when a thread writing to it is interrupted).
		 */
		@Override
		public void close() {
			if (this.timer != null) {
				this.timer.shutdown();
				try {
					this.timer.awaitTermination(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}

	}

	/** Ends the schedule: at once when waiting, after the current run otherwise. */
	public void stop() {
		this.stopped.countDown();
	}

	/** Waits for an instant; true when stopped meanwhile. */
	private boolean waitUntil(Instant instant) throws InterruptedException {
		long millis = Duration.between(this.clock.instant(), instant).toMillis();
		return millis > 0 ? this.stopped.await(millis, TimeUnit.MILLISECONDS) : this.stopped.getCount() == 0;
	}

}
