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
			return "progress: planning the run (reading the manifest into the ledger)";
		}
		return String.format(Locale.ROOT, "progress: %,d/%,d objects (%s), %s, %s, ETA %s, %,d failed%s",
				snapshot.doneObjects(), snapshot.totalObjects(),
				percent(snapshot.doneObjects(), snapshot.totalObjects()), bytes(snapshot), rates(snapshot),
				eta(snapshot.eta()), snapshot.failed(), concurrency(snapshot, ", "));
	}

	/**
	 * What the terminal shows beside the bar, which itself shows objects, percentage and
	 * ETA.
	 */
	static String extra(ProgressModel.Snapshot snapshot) {
		return String.format(Locale.ROOT, "%s · %s · %,d failed%s", bytes(snapshot), rates(snapshot), snapshot.failed(),
				concurrency(snapshot, " · "));
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
		if (eta == null) {
			return "unknown";
		}
		long seconds = eta.getSeconds();
		return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60, seconds % 60);
	}

	private static String percent(long part, long whole) {
		return (whole == 0) ? "100%" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
	}

}
