package io.github.s3bulkcopy.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.s3bulkcopy.job.CopyProgress;
import io.github.s3bulkcopy.jobfile.ByteSize;

import org.springframework.context.ApplicationContext;

/** A plain progress line every few seconds while a run copies (no control characters: fine in logs and CI). */
final class ProgressTicker implements AutoCloseable {

	private final ScheduledExecutorService scheduler;

	private ProgressTicker(ScheduledExecutorService scheduler) {
		this.scheduler = scheduler;
	}

	static ProgressTicker start(ApplicationContext context, PrintWriter err) {
		CopyProgress progress = context.getBean(CopyProgress.class);
		long started = System.nanoTime();
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "progress");
			thread.setDaemon(true);
			return thread;
		});
		long period = Long.getLong("s3bulkcopy.progress.seconds", 10);
		scheduler.scheduleAtFixedRate(() -> {
			double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
			err.printf(Locale.ROOT, "progress: %,d objects done (%,.0f/s), %s copied, %,d failed%n",
					progress.objects(), progress.objects() / seconds, ByteSize.format(progress.bytes()),
					progress.failed());
			err.flush();
		}, period, period, TimeUnit.SECONDS);
		return new ProgressTicker(scheduler);
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

}
