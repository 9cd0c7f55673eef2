package io.github.s3bulkcopy.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.s3bulkcopy.ProcessSettings;
import io.github.s3bulkcopy.batch.CopyProgress;
import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.metrics.S3RequestMetrics;
import io.github.s3bulkcopy.pacing.AdaptiveLimit;
import io.github.s3bulkcopy.pacing.AdaptiveSlots;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;

/**
 * Shows a run's progress while it goes on. On a terminal, one line that updates in place
 * (drawn by the progressbar library): objects done/total with percentage and ETA, bytes,
 * objects/s, MiB/s, failures, the objects in flight the copy allows now, and how long S3
 * has answered nothing while requests wait, once that is half the idle timeout. Anywhere
 * else (CI, cron, Kubernetes, a file) a plain line every few seconds, with no control
 * characters. {@code --quiet} shows nothing.
 */
final class ProgressDisplay implements AutoCloseable {

	private final @Nullable ScheduledExecutorService scheduler;

	private @Nullable ProgressBar bar;

	/**
	 * What the bar shows as ETA: ours, from the recent rate, not the library's average
	 * since start.
	 */
	private volatile @Nullable Duration eta;

	private ProgressDisplay(@Nullable ScheduledExecutorService scheduler) {
		this.scheduler = scheduler;
	}

	static ProgressDisplay start(ApplicationContext context, PrintWriter err, ProgressOptions options) {
		if (options.quiet) {
			return new ProgressDisplay(null);
		}
		JdbcLedger ledger = context.getBean(JdbcLedger.class);
		AdaptiveLimit limit = context.getBean(AdaptiveSlots.class).limit();
		S3RequestMetrics requests = context.getBean(S3RequestMetrics.class);
		// Half the idle timeout: S3 silent that long is worth saying, well before every
		// attempt of a call has timed out.
		Duration silenceShown = context.getBean(ProcessSettings.class).idleTimeout().dividedBy(2);
		ProgressModel model = new ProgressModel(context.getBean(CopyProgress.class), ledger::counts, System::nanoTime,
				() -> (limit.finishedObjects() > 0) ? limit.current() : 0, requests::silence, silenceShown);
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "progress");
			thread.setDaemon(true);
			return thread;
		});
		ProgressDisplay display = new ProgressDisplay(scheduler);
		if (isTerminal()) {
			scheduler.scheduleWithFixedDelay(() -> display.draw(model), 1, 1, TimeUnit.SECONDS);
		}
		else {
			long period = Math.max(1, options.intervalSeconds);
			scheduler.scheduleAtFixedRate(() -> {
				err.println(ProgressLine.plain(model.sample()));
				err.flush();
			}, period, period, TimeUnit.SECONDS);
		}
		return display;
	}

	/**
	 * A terminal is one a person watches: both ends of the console attached, and not a
	 * dumb one.
	 */
	static boolean isTerminal() {
		return System.console() != null && !"dumb".equals(System.getenv("TERM"))
				&& !Boolean.getBoolean("s3bulkcopy.progress.plain");
	}

	private synchronized void draw(ProgressModel model) {
		ProgressModel.Snapshot snapshot = model.sample();
		if (!snapshot.copying()) {
			return;
		}
		if (this.bar == null) {
			this.bar = new ProgressBarBuilder().setTaskName("Copying")
				.setInitialMax(snapshot.totalObjects())
				.setUnit(" objects", 1)
				.setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
				.setConsumer(new ConsoleProgressBarConsumer(System.err))
				.setUpdateIntervalMillis(500)
				.setEtaFunction((state) -> Optional.ofNullable(this.eta))
				.build();
		}
		this.eta = snapshot.eta();
		this.bar.maxHint(snapshot.totalObjects());
		this.bar.stepTo(snapshot.doneObjects());
		this.bar.setExtraMessage(ProgressLine.extra(snapshot));
	}

	@Override
	public synchronized void close() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
		}
		if (this.bar != null) {
			this.bar.close();
			this.bar = null;
		}
	}

}
