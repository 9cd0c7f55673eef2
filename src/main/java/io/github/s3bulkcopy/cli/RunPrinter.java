package io.github.s3bulkcopy.cli;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.github.s3bulkcopy.ExitCodes;
import io.github.s3bulkcopy.audit.VerifyResult;
import io.github.s3bulkcopy.clients.S3Configuration;
import io.github.s3bulkcopy.jobfile.ByteSize;
import io.github.s3bulkcopy.jobfile.CopySpec;
import io.github.s3bulkcopy.jobfile.JobFile;
import io.github.s3bulkcopy.jobfile.RestoreTier;
import io.github.s3bulkcopy.ledger.ExtraObject;
import io.github.s3bulkcopy.ledger.LedgerCounts;
import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.ledger.StorageClassCount;
import io.github.s3bulkcopy.pacing.AdaptiveLimit;
import io.github.s3bulkcopy.plan.CostEstimate;
import io.github.s3bulkcopy.plan.DryRun;
import io.github.s3bulkcopy.plan.RequestKind;
import io.github.s3bulkcopy.report.SummaryWriter;
import io.github.s3bulkcopy.report.VerifyReportWriter;
import io.github.s3bulkcopy.run.RunCatalog;
import io.github.s3bulkcopy.run.RunCatalog.RunInfo;
import io.github.s3bulkcopy.run.RunResult;
import io.github.s3bulkcopy.verify.VerifyFinding;
import org.jspecify.annotations.Nullable;

/** What the commands print for people. */
final class RunPrinter {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private RunPrinter() {
	}

	static void printResult(PrintWriter out, RunResult result) {
		LedgerCounts counts = result.counts();
		String outcome = switch (result.exitCode()) {
			case ExitCodes.DELETES_REFUSED -> "COMPLETED, DELETIONS REFUSED: " + result.extras().found()
					+ " destination object(s) are not in the plan, more than copy.max-deletes: none deleted (listed "
					+ "in the report as EXTRA_AT_DESTINATION)";
			case 0 -> (counts.archived() + counts.restorePending() > 0)
					? "COMPLETED: every object copied or unchanged, except archived ones not copied (below)"
					: "COMPLETED: every object copied or unchanged";
			case 1 -> "COMPLETED WITH FAILURES: " + counts.failed() + " object(s) failed, see the report";
			default -> result.status() + ": run the same command again to resume";
		};
		out.printf(Locale.ROOT, "Run %d of job %s%s: %s%n", result.run(), result.jobName(),
				result.resumed() ? " (resumed)" : "", outcome);
		printCounts(out, counts);
		if (result.extras().total() > 0) {
			out.printf(Locale.ROOT,
					"  extras:       %,d destination object(s) not in the plan: %,d deleted, %,d not "
							+ "deleted (S3 refused), %,d left in place%n",
					result.extras().total(), result.extras().deleted(), result.extras().failed(),
					result.extras().found());
		}
		for (String failure : result.failures()) {
			out.println("  failure:      " + failure);
		}
		if (result.reportDirectory() != null) {
			out.println("  report:       " + result.reportDirectory().resolve("completion-report.csv"));
			out.println("  summary:      " + result.reportDirectory().resolve("summary.json"));
			out.println("  page:         " + result.reportDirectory().resolve("report.html"));
			out.println("  checksums:    " + result.reportDirectory().resolve("SHA256SUMS")
					+ " (check: s3-bulk-copy report verify " + result.reportDirectory() + ")");
		}
		out.flush();
	}

	/**
	 * The objects this process had in flight, when it copied any: where an auto limit
	 * settled and how far it went, and how S3's throttling held the copy back, when it
	 * did (how low the limit went and where it ended).
	 */
	static void printThrottling(PrintWriter out, AdaptiveLimit limit) {
		String setting = limit.auto() ? "auto" : Integer.toString(limit.maximum());
		if (limit.finishedObjects() > 0 && limit.auto()) {
			out.printf(Locale.ROOT,
					"  concurrency:  auto (%d to %d): settled at %d objects in flight; started at %d, %d at the "
							+ "lowest, %d at the highest%n",
					limit.minimum(), limit.maximum(), limit.current(), limit.start(), limit.lowest(), limit.highest());
		}
		else if (limit.finishedObjects() > 0) {
			out.printf(Locale.ROOT, "  concurrency:  %d objects in flight (copy.concurrency %d)%n", limit.current(),
					limit.maximum());
		}
		if (limit.throttledAnswers() > 0) {
			out.printf(Locale.ROOT,
					"  throttling:   %d throttled answer(s) (503 SlowDown and the like); objects "
							+ "in flight limited to %d at least, %d at the end (copy.concurrency %s)%n",
					limit.throttledAnswers(), limit.lowest(), limit.current(), setting);
		}
		if (limit.unansweredAttempts() > 0) {
			out.printf(Locale.ROOT,
					"  no answer:    %d attempt(s) got no answer (timeouts, resets) and were retried; each "
							+ "lowered the objects in flight as throttling does%n",
					limit.unansweredAttempts());
		}
		out.flush();
	}

	static void printVerifyResult(PrintWriter out, VerifyResult verify) {
		RunResult result = verify.run();
		String outcome = switch (verify.exitCode()) {
			case 0 -> "COMPLETED: every object verified";
			case 1 -> "COMPLETED WITH FINDINGS: " + result.counts().failed() + " object(s) not verified, "
					+ verify.count(VerifyFinding.EXTRA_AT_DESTINATION) + " extra at the destination, see the report";
			default -> result.status() + ": run the same command again to resume";
		};
		out.printf(Locale.ROOT, "Verify run %d of job %s%s: %s%n", result.run(), result.jobName(),
				result.resumed() ? " (resumed)" : "", outcome);
		out.printf(Locale.ROOT, "  objects:      %,d planned, %,d verified, %,d pending%n", result.counts().total(),
				verify.count(VerifyFinding.VERIFIED), result.counts().pending());
		out.printf(Locale.ROOT,
				"  findings:     %,d missing at destination, %,d size differs, %,d checksum differs, "
						+ "%,d not verifiable, %,d source missing, %,d errors%n",
				verify.count(VerifyFinding.MISSING_AT_DESTINATION), verify.count(VerifyFinding.SIZE_DIFFERS),
				verify.count(VerifyFinding.CHECKSUM_DIFFERS), verify.count(VerifyFinding.NOT_VERIFIED),
				verify.count(VerifyFinding.SOURCE_MISSING), verify.count(VerifyFinding.ERROR));
		out.printf(Locale.ROOT, "  destination:  %,d extra (under the destination prefix, not in the plan)%n",
				verify.count(VerifyFinding.EXTRA_AT_DESTINATION));
		for (String failure : result.failures()) {
			out.println("  failure:      " + failure);
		}
		if (result.reportDirectory() != null) {
			out.println("  report:       " + result.reportDirectory().resolve(VerifyReportWriter.FILE_NAME));
			out.println("  summary:      " + result.reportDirectory().resolve(SummaryWriter.FILE_NAME));
		}
		out.flush();
	}

	static void printCounts(PrintWriter out, LedgerCounts counts) {
		out.printf(Locale.ROOT,
				"  objects:      %,d planned, %,d copied, %,d skipped (unchanged), %,d failed, %,d pending%s%n",
				counts.total(), counts.copied(), counts.skipped(), counts.failed(), counts.pending(),
				(counts.skippedInvalidKey() > 0)
						? String.format(Locale.ROOT, ", %,d skipped (invalid key)", counts.skippedInvalidKey()) : "");
		out.printf(Locale.ROOT, "  bytes:        %s planned, %s copied%n", ByteSize.format(counts.totalBytes()),
				ByteSize.format(counts.copiedBytes()));
		out.printf(Locale.ROOT, "  verification: %,d verified, %,d mismatched, %,d not verified%n", counts.verified(),
				counts.mismatched(), counts.notVerified());
		if (counts.archived() > 0) {
			out.printf(Locale.ROOT, "  archived:     %,d not copied: archived and not restored (SKIPPED_ARCHIVED); "
					+ "copy.restore has a run restore them%n", counts.archived());
		}
		if (counts.restorePending() > 0) {
			out.printf(Locale.ROOT, "  restores:     %,d pending (RESTORE_PENDING): a later run (or the next scheduled "
					+ "tick) copies them once restored%n", counts.restorePending());
		}
	}

	static void printProgress(PrintWriter out, RunInfo run, RunCatalog.Progress progress) {
		LedgerCounts counts = progress.counts();
		out.printf(Locale.ROOT, "  run %d%s:%n", run.run(), progress.going() ? " (going on)" : "");
		out.printf(Locale.ROOT, "    done:      %,d/%,d objects (%s), %s/%s%n", counts.done(), counts.total(),
				(counts.total() == 0) ? "100%"
						: String.format(Locale.ROOT, "%.1f%%", 100.0 * counts.done() / counts.total()),
				ByteSize.format(counts.doneBytes()), ByteSize.format(counts.totalBytes()));
		out.printf(Locale.ROOT, "    rate:      %,.1f objects/s, %,.1f MiB/s (%s)%n", progress.objectsPerSecond(),
				progress.bytesPerSecond() / (1024 * 1024), progress.going() ? "last 5 minutes" : "average of the run");
		if (progress.going()) {
			out.printf(Locale.ROOT, "    ETA:       %s%n", ProgressLine.eta(progress.eta()));
		}
		out.printf(Locale.ROOT, "    failures:  %,d so far%n", counts.failed());
	}

	static void printPlan(PrintWriter out, JobFile jobFile, DryRun.Plan plan) {
		var spec = jobFile.spec();
		out.printf(Locale.ROOT, "Dry run of job %s: nothing was copied.%n", spec.name());
		out.printf(Locale.ROOT, "  from:    s3://%s/%s%n", spec.source().bucket(), spec.source().prefix());
		out.printf(Locale.ROOT, "  to:      s3://%s/%s%n", spec.destination().bucket(), spec.destination().prefix());
		out.printf(Locale.ROOT, "  objects: %,d%n", plan.counts().total());
		out.printf(Locale.ROOT, "  bytes:   %s%s%n", ByteSize.format(plan.counts().totalBytes()),
				(plan.counts().total() > 0 && plan.counts().totalBytes() == 0) ? " (the manifest states no sizes)"
						: "");
		printConcurrency(out, spec.copy());
		StorageClassCount archived = plan.archived();
		if (archived.objects() > 0) {
			var restore = spec.copy().restore();
			out.printf(Locale.ROOT, "  archived: %,d objects, %s (GLACIER, DEEP_ARCHIVE in the manifest): %s%n",
					archived.objects(), ByteSize.format(archived.bytes()),
					(restore == null)
							? "not copied unless already restored (SKIPPED_ARCHIVED); copy.restore restores them"
							: "restored (" + restore.tier().name().toLowerCase(Locale.ROOT) + ", " + restore.days()
									+ " days) and copied by a later run, unless already restored");
			if (restore != null && restore.tier() == RestoreTier.EXPEDITED && plan.deepArchive() > 0) {
				out.printf(Locale.ROOT, "  warning:  %,d DEEP_ARCHIVE objects cannot be restored expedited (Deep "
						+ "Archive has none): set copy.restore.tier to standard or bulk%n", plan.deepArchive());
			}
		}
		if (!plan.filteredOut().isEmpty()) {
			long left = plan.filteredOut().values().stream().mapToLong(Long::longValue).sum();
			out.printf(Locale.ROOT, "  filtered out: %,d%n", left);
			plan.filteredOut()
				.forEach(
						(filter, count) -> out.printf(Locale.ROOT, "    %-24s %,d%n", "filter." + filter + ":", count));
		}
		if (!plan.first().isEmpty()) {
			out.printf(Locale.ROOT, "  first %d:%n", plan.first().size());
			for (PlannedObject object : plan.first()) {
				out.printf(Locale.ROOT, "    %s -> %s%s%n", object.sourceKey(), object.destinationKey(),
						(object.size() != null) ? " (" + ByteSize.format(object.size()) + ")" : "");
			}
		}
		if (plan.deletions() != null) {
			printDeletions(out, plan.deletions());
		}
		if (plan.cost() != null) {
			printCost(out, plan.cost());
		}
		out.flush();
	}

	/** What a run of the job will keep in flight. */
	static void printConcurrency(PrintWriter out, CopySpec copy) {
		if (copy.concurrency().auto()) {
			AdaptiveLimit limit = S3Configuration.limit(copy);
			out.printf(Locale.ROOT,
					"  concurrency: auto: starts at %d objects in flight, then follows S3 between %d and %d "
							+ "(copy.min-concurrency, copy.max-concurrency)%n",
					limit.start(), limit.minimum(), limit.maximum());
		}
		else {
			out.printf(Locale.ROOT,
					"  concurrency: %d objects in flight (copy.concurrency; fewer while S3 throttles)%n",
					copy.concurrencyCeiling());
		}
	}

	/**
	 * What a mirror would delete: how many, whether max-deletes refuses it, and the first
	 * keys.
	 */
	static void printDeletions(PrintWriter out, DryRun.Deletions deletions) {
		out.printf(Locale.ROOT,
				"  would delete: %,d destination objects no object of the plan maps to "
						+ "(copy.delete-extraneous)%s%n",
				deletions.count(),
				(deletions.leftOutByFilters() > 0)
						? String.format(Locale.ROOT, "; %,d more outside the plan are left out by the filters and kept",
								deletions.leftOutByFilters())
						: "");
		if (deletions.refused()) {
			out.printf(Locale.ROOT,
					"  refused: more than copy.max-deletes (%,d): the run would delete none and exit "
							+ "%d; raise copy.max-deletes to at least %,d to delete them%n",
					deletions.maxDeletes(), ExitCodes.DELETES_REFUSED, deletions.count());
		}
		if (!deletions.first().isEmpty()) {
			out.printf(Locale.ROOT, "  first %d to delete:%n", deletions.first().size());
			for (ExtraObject extra : deletions.first()) {
				out.printf(Locale.ROOT, "    %s%s%n", extra.destinationKey(),
						(extra.size() != null) ? " (" + ByteSize.format(extra.size()) + ")" : "");
			}
		}
	}

	/**
	 * The cost estimate: the total on a line of its own, then each request kind and each
	 * byte count behind it.
	 */
	static void printCost(PrintWriter out, CostEstimate cost) {
		long requests = cost.requests().values().stream().mapToLong(Long::longValue).sum();
		out.printf(Locale.ROOT,
				"estimated cost: %s (USD) for %,d requests, %s out of AWS through this host, %s " + "between regions%n",
				cost.totalText(), requests, ByteSize.format(cost.outToInternetBytes()),
				ByteSize.format(cost.interRegionBytes()));
		out.printf(Locale.ROOT, "  prices:  %s (an assumption to check)%n", cost.prices());
		for (RequestKind kind : RequestKind.values()) {
			out.printf(Locale.ROOT, "    %-31s %,12d requests  %s%n", kind.label(), cost.requests().get(kind),
					CostEstimate.usdText(cost.usd().get(kind.label())));
		}
		out.printf(Locale.ROOT, "    %-31s %21s  %s%n", "transfer out", ByteSize.format(cost.outToInternetBytes()),
				CostEstimate.usdText(cost.usd().get("transfer out")));
		out.printf(Locale.ROOT, "    %-31s %21s  %s%n", "inter-region", ByteSize.format(cost.interRegionBytes()),
				CostEstimate.usdText(cost.usd().get("inter-region")));
		cost.retrievalBytes()
			.forEach((storageClass, bytes) -> out.printf(Locale.ROOT, "    %-31s %21s  %s%n",
					"retrieval " + storageClass, ByteSize.format(bytes),
					CostEstimate.usdText(cost.usd().get("retrieval " + storageClass))));
		out.printf(Locale.ROOT, "  assumes: %s%n", String.join("; ", cost.notes()));
	}

	static void printRuns(PrintWriter out, String jobName, List<RunInfo> runs) {
		printRuns(out, jobName, runs, null);
	}

	/**
	 * The runs, newest first, then how far the newest got and how fast it goes (or went).
	 */
	static void printRuns(PrintWriter out, String jobName, List<RunInfo> runs, RunCatalog.@Nullable Progress latest) {
		out.println("Job " + jobName + ":");
		if (runs.isEmpty()) {
			out.println("  no runs");
			return;
		}
		out.printf(Locale.ROOT, "  %5s  %-10s  %-19s  %-19s  %10s  %10s  %10s  %10s  %10s  %10s  %10s%n", "RUN",
				"STATUS", "STARTED", "ENDED", "OBJECTS", "COPIED", "SKIPPED", "FAILED", "PENDING", "ARCHIVED",
				"RESTORING");
		for (RunInfo run : runs) {
			LedgerCounts counts = run.counts();
			out.printf(Locale.ROOT, "  %5d  %-10s  %-19s  %-19s  %,10d  %,10d  %,10d  %,10d  %,10d  %,10d  %,10d%n",
					run.run(), run.status(), (run.startTime() != null) ? TIME.format(run.startTime()) : "-",
					(run.endTime() != null) ? TIME.format(run.endTime()) : "-", counts.total(), counts.copied(),
					counts.skipped(), counts.failed(), counts.pending(), counts.archived(), counts.restorePending());
		}
		if (runs.get(0).lockHolder() != null) {
			out.println("  in progress in process " + runs.get(0).lockHolder());
		}
		if (latest != null) {
			printProgress(out, runs.get(0), latest);
		}
		out.flush();
	}

}
