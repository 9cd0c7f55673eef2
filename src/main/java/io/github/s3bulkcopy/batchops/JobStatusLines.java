package io.github.s3bulkcopy.batchops;

import java.time.Duration;
import java.util.Locale;

/**
 * The line a person reads for each state of a Batch Operations job: what it means, and
 * what, if anything, they should do about it.
 */
public final class JobStatusLines {

	private JobStatusLines() {
	}

	public static String of(JobSnapshot job, String jobFile, Duration waited) {
		String head = String.format(Locale.ROOT, "batch job %s: %s, %s", job.jobId(), job.status(), progress(job));
		String tail = switch (job.status().toLowerCase(Locale.ROOT)) {
			case "new", "preparing" -> "S3 is reading the manifest";
			case "suspended" -> "awaiting confirmation" + cause(job.suspendedCause()) + ": run 'batch-confirm --job "
					+ jobFile + "' to start it, or 'batch-cancel --job " + jobFile + "'";
			case "ready" -> "queued: it starts when the account's higher-priority jobs leave room";
			case "active" -> "running";
			case "pausing", "paused" -> "paused by someone (console or API)" + cause(job.statusUpdateReason())
					+ ": resume it there; still waiting";
			case "completing" -> "writing the completion report";
			case "complete" -> "done";
			case "failing" -> "failing" + cause(job.statusUpdateReason()) + ": waiting for it to stop";
			case "failed" -> "FAILED" + (job.failureReasons().isEmpty() ? cause(job.statusUpdateReason())
					: ": " + String.join("; ", job.failureReasons()));
			case "cancelling" -> "being cancelled";
			case "cancelled" -> "CANCELLED" + cause(job.statusUpdateReason());
			default -> "a status this tool does not know; still waiting";
		};
		return head + " (" + tail + ")" + ((waited.isZero()) ? "" : ", waited " + format(waited));
	}

	static String progress(JobSnapshot job) {
		String tasks = (job.total() > 0)
				? String.format(Locale.ROOT, "%,d of %,d tasks succeeded, %,d failed", job.succeeded(), job.total(),
						job.failed())
				: String.format(Locale.ROOT, "%,d tasks succeeded, %,d failed", job.succeeded(), job.failed());
		return tasks + ", " + format(Duration.ofSeconds(job.activeSeconds())) + " active";
	}

	private static String cause(String reason) {
		return (reason != null && !reason.isBlank()) ? " (" + reason + ")" : "";
	}

	static String format(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds < 60) {
			return seconds + "s";
		}
		if (seconds < 3600) {
			return (seconds / 60) + "m" + String.format(Locale.ROOT, "%02ds", seconds % 60);
		}
		return (seconds / 3600) + "h" + String.format(Locale.ROOT, "%02dm", (seconds % 3600) / 60);
	}

}
