package io.github.s3bulkcopy.cli;

import java.time.Duration;
import java.util.Locale;

import io.github.s3bulkcopy.jobfile.ByteSize;
import org.jspecify.annotations.Nullable;

/**
 * The words of a progress reading, the same in a log line and beside the terminal's bar.
 */
final class ProgressLine {

	private ProgressLine() {
	}

	/** The whole reading as one plain line, for logs: no control characters. */
	static String plain(ProgressModel.Snapshot snapshot) {
		if (!snapshot.copying()) {
			return "progress: planning the run (reading the manifest into the ledger)" + silence(snapshot, "; ");
		}
		return String.format(Locale.ROOT, "progress: %,d/%,d objects (%s), %s, %s, ETA %s, %,d failed%s%s",
				snapshot.doneObjects(), snapshot.totalObjects(),
				percent(snapshot.doneObjects(), snapshot.totalObjects()), bytes(snapshot), rates(snapshot),
				eta(snapshot.eta()), snapshot.failed(), concurrency(snapshot, ", "), silence(snapshot, "; "));
	}

	/**
	 * What the terminal shows beside the bar, which itself shows objects, percentage and
	 * ETA.
	 */
	static String extra(ProgressModel.Snapshot snapshot) {
		return String.format(Locale.ROOT, "%s · %s · %,d failed%s%s", bytes(snapshot), rates(snapshot),
				snapshot.failed(), concurrency(snapshot, " · "), silence(snapshot, " · "));
	}

	/**
	 * How long S3 has answered nothing while requests wait, where that has lasted long
	 * enough to show: why nothing moves, before the idle timeout fails the attempts.
	 */
	static String silence(ProgressModel.Snapshot snapshot, String separator) {
		long waiting = snapshot.silence().waiting();
		return (waiting > 0) ? separator + String.format(Locale.ROOT, "no answer from S3 for %s, %,d request%s waiting",
				clock(snapshot.silence().unanswered()), waiting, (waiting == 1) ? "" : "s") : "";
	}

	/** The objects in flight the copy allows now, where known. */
	static String concurrency(ProgressModel.Snapshot snapshot, String separator) {
		return (snapshot.concurrency() > 0)
				? separator + String.format(Locale.ROOT, "concurrency %,d", snapshot.concurrency()) : "";
	}

	static String bytes(ProgressModel.Snapshot snapshot) {
		return ByteSize.format(snapshot.doneBytes()) + "/" + ByteSize.format(snapshot.totalBytes());
	}

	static String rates(ProgressModel.Snapshot snapshot) {
		return String.format(Locale.ROOT, "%,.1f objects/s, %,.1f MiB/s", snapshot.objectsPerSecond(),
				snapshot.bytesPerSecond() / (1024 * 1024));
	}

	static String eta(@Nullable Duration eta) {
		return (eta != null) ? clock(eta) : "unknown";
	}

	/** A duration as hours, minutes and seconds: {@code 1:02:03}. */
	static String clock(Duration duration) {
		long seconds = duration.getSeconds();
		return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60, seconds % 60);
	}

	private static String percent(long part, long whole) {
		return (whole == 0) ? "100%" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
	}

}
