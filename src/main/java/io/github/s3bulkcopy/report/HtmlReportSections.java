package io.github.s3bulkcopy.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.verify.Verdict;
import io.github.s3bulkcopy.verify.VerificationMethod;
import org.jspecify.annotations.Nullable;

/** The sections of {@code report.html} below its header, in page order. */
final class HtmlReportSections {

	private final Html html;

	HtmlReportSections(Html html) {
		this.html = html;
	}

	void verification(RunSummary summary, RunFacts facts) {
		this.html.element("h2", "Verification");
		RunSummary.VerificationCounts verdicts = summary.verification();
		long pending = summary.objects().pending();
		long all = verdicts.verified() + verdicts.mismatch() + verdicts.notVerified() + pending;
		this.html.open("div", "class", "stack", "role", "img", "aria-label", "objects by verdict");
		segment("v-ok", verdicts.verified(), all);
		segment("v-bad", verdicts.mismatch(), all);
		segment("v-none", verdicts.notVerified(), all);
		segment("v-pending", pending, all);
		this.html.close("div");
		this.html.open("div", "class", "legend");
		legend("v-ok", "Verified", verdicts.verified(), all);
		legend("v-bad", "Mismatch", verdicts.mismatch(), all);
		legend("v-none", "Not verified", verdicts.notVerified(), all);
		legend("v-pending", "Pending", pending, all);
		this.html.close("div");
		this.html.element("h3", "By method");
		if (facts.byMethod().isEmpty()) {
			this.html.element("p", "No object has been dealt with yet.", "class", "empty");
		}
		else {
			this.html.open("table")
				.open("thead")
				.open("tr")
				.element("th", "Method")
				.element("th", "What was compared")
				.element("th", "Verified", "class", "num")
				.element("th", "Mismatch", "class", "num")
				.element("th", "Not verified", "class", "num")
				.close("tr")
				.close("thead")
				.open("tbody");
			for (Map.Entry<VerificationMethod, RunFacts.VerdictCounts> method : facts.byMethod().entrySet()) {
				RunFacts.VerdictCounts counts = method.getValue();
				this.html.open("tr")
					.element("td", method.getKey().name(), "class", "mono")
					.element("td", describe(method.getKey()))
					.element("td", Formats.count(counts.verified()), "class", "num")
					.element("td", Formats.count(counts.mismatch()), "class", "num")
					.element("td", Formats.count(counts.notVerified()), "class", "num")
					.close("tr");
			}
			this.html.close("tbody").close("table");
		}
		if (!facts.unverifiedReasons().isEmpty()) {
			this.html.element("h3", "Why objects are not verified");
			this.html.open("table")
				.open("thead")
				.open("tr")
				.element("th", "Reason")
				.element("th", "Objects", "class", "num")
				.close("tr")
				.close("thead")
				.open("tbody");
			facts.unverifiedReasons()
				.forEach((reason, count) -> this.html.open("tr")
					.element("td", reason)
					.element("td", Formats.count(count), "class", "num")
					.close("tr"));
			this.html.close("tbody").close("table");
		}
		this.html.newline();
	}

	void throughput(RunFacts facts) {
		this.html.element("h2", "Throughput over time");
		List<ThroughputInterval> series = facts.throughput();
		if (series.isEmpty()) {
			this.html.element("p", "No object has finished yet.", "class", "empty");
			return;
		}
		this.html.element("h3", "Objects finished per second (copied, skipped or failed)");
		ThroughputChart.render(this.html, series, ThroughputInterval::objectsPerSecond,
				(rate) -> Formats.axis(rate) + " obj/s", "objects finished per second over the run");
		this.html.element("h3", "Data copied per second");
		ThroughputChart.render(this.html, series, (interval) -> interval.bytesPerSecond() / (1024 * 1024),
				(rate) -> Formats.axis(rate) + " MiB/s", "mebibytes copied per second over the run");
		this.html.newline();
	}

	void failures(RunFacts facts) {
		this.html.element("h2", "Failed objects (" + Formats.count(facts.failedTotal()) + ")");
		if (facts.failedTotal() == 0) {
			this.html.element("p", "No object failed.", "class", "empty");
			return;
		}
		this.html.open("table")
			.open("thead")
			.open("tr")
			.element("th", "#", "class", "num")
			.element("th", "Key")
			.element("th", "Version")
			.element("th", "Error code")
			.element("th", "HTTP", "class", "num")
			.element("th", "Reason")
			.close("tr")
			.close("thead")
			.open("tbody");
		int number = 0;
		for (ReportRow row : facts.failedObjects()) {
			number++;
			this.html.open("tr")
				.element("td", Integer.toString(number), "class", "num")
				.element("td", row.key(), "class", "mono")
				.element("td", orDash(row.versionId()), "class", "mono")
				.element("td", orDash(row.errorCode()), "class", "mono")
				.element("td", (row.httpStatusCode() != null) ? row.httpStatusCode().toString() : "–", "class", "num")
				.element("td", reason(row))
				.close("tr")
				.newline();
		}
		this.html.close("tbody").close("table");
		long more = facts.failedTotal() - facts.failedObjects().size();
		if (more > 0) {
			this.html.element("p",
					"… and " + Formats.count(more) + " more failed objects not listed here: "
							+ "completion-report.csv lists every object (filter on TaskStatus failed).",
					"class", "more");
		}
		this.html.newline();
	}

	void notCarried(RunSummary summary) {
		this.html.element("h2", "Not carried over");
		if (summary.notCarried().isEmpty()) {
			this.html.element("p", "Nothing listed: no object was copied.", "class", "empty");
			return;
		}
		this.html.element("p", "What the copies did not keep of their sources, and why (summary.json: notCarried).");
		this.html.open("table")
			.open("thead")
			.open("tr")
			.element("th", "Property")
			.element("th", "Objects", "class", "num")
			.element("th", "Why")
			.close("tr")
			.close("thead")
			.open("tbody");
		for (RunSummary.NotCarriedEntry entry : summary.notCarried()) {
			this.html.open("tr")
				.element("td", entry.what())
				.element("td", Formats.count(entry.objects()), "class", "num")
				.element("td", entry.why())
				.close("tr");
		}
		this.html.close("tbody").close("table").newline();
	}

	/**
	 * The S3 requests the run made, by side and operation, with the retries among them.
	 */
	void requests(RunSummary summary) {
		this.html.element("h2", "Requests");
		RunSummary.Requests requests = summary.requests();
		if (requests.total() == 0) {
			this.html.element("p", "None counted.", "class", "empty");
			return;
		}
		this.html.element("p", Formats.count(requests.total()) + " requests, " + Formats.count(requests.retries())
				+ " of them retries, counted per attempt in every execution of the run.");
		this.html.open("table").open("thead").open("tr").element("th", "Side").element("th", "Operation");
		this.html.element("th", "Requests").element("th", "Retries");
		this.html.close("tr").close("thead").open("tbody");
		requests.bySide()
			.forEach((side,
					operations) -> operations.forEach((operation, count) -> this.html.open("tr")
						.element("td", side)
						.element("td", operation, "class", "mono")
						.element("td", Formats.count(count.requests()), "class", "num")
						.element("td", Formats.count(count.retries()), "class", "num")
						.close("tr")));
		this.html.close("tbody").close("table").newline();
	}

	void run(RunMetadata run, RunSummary summary, Instant generatedAt) {
		this.html.element("h2", "Run");
		this.html.open("table", "class", "facts").open("tbody");
		fact("Job", run.job());
		fact("Run", Long.toString(run.runId()));
		fact("Status", run.status() + " (exit code " + run.exitCode() + ")");
		fact("Started", Formats.time(run.startTime()));
		fact("Ended", Formats.time(run.endTime()));
		fact("Duration", Formats.duration(Duration.between(run.startTime(), run.endTime())) + " over "
				+ run.executions() + " execution" + ((run.executions() == 1) ? "" : "s"));
		fact("Source", "s3://" + run.source().bucket() + "/" + run.source().prefix());
		fact("Destination", "s3://" + run.destination().bucket() + "/" + run.destination().prefix());
		fact("Source identity", orUnknown(run.callerIdentities().source()));
		fact("Destination identity", orUnknown(run.callerIdentities().destination()));
		fact("Manifest",
				run.manifest().type() + ((run.manifest().location() != null) ? ": " + run.manifest().location() : ""));
		fact("Bytes", Formats.bytes(summary.bytes().copied()) + " copied of " + Formats.bytes(summary.bytes().total()));
		fact("Average throughput", Formats.rate(summary.objectsPerSecond().doubleValue(), "objects") + ", "
				+ Formats.mebibytesPerSecond(summary.bytesPerSecond().doubleValue()));
		StringBuilder retries = new StringBuilder(Formats.count(summary.retries().total()));
		if (!summary.retries().byErrorCode().isEmpty()) {
			retries.append(": ");
			summary.retries()
				.byErrorCode()
				.forEach((code, count) -> retries.append(code).append(" ").append(Formats.count(count)).append(", "));
			retries.setLength(retries.length() - 2);
		}
		fact("Retried requests", retries.toString());
		fact("Job file SHA-256", run.jobFileSha256());
		fact("Tool version", "s3-bulk-copy " + run.toolVersion());
		fact("Report written", Formats.time(generatedAt));
		this.html.close("tbody").close("table").newline();
	}

	void settings(RunMetadata run) {
		this.html.element("h2", "Job settings");
		if (run.settings().isEmpty()) {
			this.html.element("p", "Not recorded.", "class", "empty");
			return;
		}
		this.html.open("table").open("thead").open("tr").element("th", "Property").element("th", "Value");
		this.html.close("tr").close("thead").open("tbody");
		for (RunMetadata.Setting setting : run.settings()) {
			this.html.open("tr")
				.element("td", setting.property(), "class", "mono")
				.element("td", setting.value().isEmpty() ? "–" : setting.value(), "class", "mono")
				.close("tr");
		}
		this.html.close("tbody").close("table").newline();
	}

	void files(List<String> files) {
		this.html.element("h2", "Files of this report");
		this.html.element("p", "Every file of this folder is listed with its SHA-256 in SHA256SUMS, written last. "
				+ "To check that nothing was changed, added or removed since, run in this folder:");
		this.html.open("p")
			.element("code", "sha256sum -c SHA256SUMS")
			.text("  or  ")
			.element("code", "s3-bulk-copy report verify <this folder>")
			.close("p");
		this.html.open("table").open("tbody");
		for (String file : files) {
			this.html.open("tr").element("td", file, "class", "mono").element("td", describeFile(file)).close("tr");
		}
		this.html.close("tbody").close("table").newline();
	}

	private void fact(String name, String value) {
		this.html.open("tr").element("th", name).element("td", value).close("tr");
	}

	private void segment(String style, long count, long all) {
		if (count > 0) {
			// Never <span/>: browsers read it as an open tag outside SVG.
			this.html
				.open("span", "class", style, "style",
						String.format(java.util.Locale.ROOT, "width:%.3f%%", 100.0 * count / all))
				.close("span");
		}
	}

	private void legend(String style, String label, long count, long all) {
		this.html.open("span")
			.open("i", "class", style)
			.close("i")
			.text(label + ": " + Formats.count(count) + " (" + Formats.percent(count, all) + ")")
			.close("span");
	}

	private static String reason(ReportRow row) {
		String message = row.resultMessage();
		// A failed copy is "not verified" for the obvious reason; only a mismatch adds to
		// the message.
		if (row.verified() == Verdict.MISMATCH && row.verificationDetail() != null
				&& !message.contains(row.verificationDetail())) {
			return message + " (verification: " + row.verificationDetail() + ")";
		}
		return message;
	}

	private static String describe(VerificationMethod method) {
		return switch (method) {
			case ETAG -> "source and destination ETags, both MD5s of the bytes";
			case MD5_READ -> "the destination read back, its MD5 against the source's MD5 ETag";
			case NONE -> "nothing compared";
			default -> "see docs/integrity.md";
		};
	}

	private static String describeFile(String file) {
		if (file.equals(CompletionReportWriter.FILE_NAME)) {
			return "every object once, sorted by key: outcome, error, verification, timing";
		}
		if (file.equals(SummaryWriter.FILE_NAME)) {
			return "the run in numbers, for machines";
		}
		if (file.equals(HtmlReportWriter.FILE_NAME)) {
			return "this page";
		}
		if (file.equals(ReportChecksums.FILE_NAME)) {
			return "SHA-256 of every other file";
		}
		if (file.endsWith("/" + BatchOperationsReport.MANIFEST)) {
			return "S3 Batch Operations report manifest (Report_CSV_20180820)";
		}
		return "S3 Batch Operations result CSV (no header, keys URL-encoded)";
	}

	private static String orDash(@Nullable String value) {
		return (value != null && !value.isEmpty()) ? value : "–";
	}

	private static String orUnknown(@Nullable String value) {
		return (value != null) ? value : "not recorded (default credential chain)";
	}

}
