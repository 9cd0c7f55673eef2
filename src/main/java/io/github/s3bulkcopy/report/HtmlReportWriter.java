package io.github.s3bulkcopy.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Writes {@code report.html}: the run for people, in one self-contained file (styles and
 * charts inline, no script, no external asset) that opens offline and prints. It shows
 * the headline status, the totals, the verification breakdown, a throughput-over-time
 * chart, the failed objects with their reasons (the first {@link #MAX_FAILED_ROWS}, then
 * how many more), the job's settings and how to check the set. The markup is well-formed
 * XHTML, so it parses as XML as well as HTML.
 */
final class HtmlReportWriter {

	static final String FILE_NAME = "report.html";

	/** Failed objects listed on the page; the completion report lists all of them. */
	static final int MAX_FAILED_ROWS = 1000;

	private static final String CSS = """
			:root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--ok:#1a7f37;--warn:#9a6700;\
			--bad:#cf222e;--info:#0969da;--bar:#0969da}
			*{box-sizing:border-box}
			body{margin:0;font:14px/1.45 -apple-system,"Segoe UI","Helvetica Neue",Arial,"Noto Sans",\
			"DejaVu Sans",sans-serif;color:var(--ink);background:#fff}
			main{max-width:1120px;margin:0 auto;padding:28px 32px 48px}
			header.top{display:flex;justify-content:space-between;align-items:flex-start;gap:24px;\
			border-bottom:3px solid var(--ink);padding-bottom:14px}
			.kicker{font-size:12px;letter-spacing:.08em;text-transform:uppercase;color:var(--muted);margin:0}
			h1{font-size:26px;margin:2px 0 0}
			h2{font-size:17px;margin:34px 0 10px;padding-bottom:6px;border-bottom:1px solid var(--line)}
			h3{font-size:14px;margin:18px 0 6px}
			.status{font-weight:700;font-size:13px;letter-spacing:.04em;padding:6px 12px;border-radius:4px;\
			color:#fff;white-space:nowrap;margin-top:6px}
			.s-ok{background:var(--ok)}.s-warn{background:var(--warn)}.s-bad{background:var(--bad)}\
			.s-info{background:var(--info)}
			p.headline{font-size:17px;margin:16px 0 4px}
			p.subline{color:var(--muted);margin:0 0 6px}
			.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(160px,1fr));gap:10px;margin-top:18px}
			.card{border:1px solid var(--line);border-radius:6px;padding:10px 12px;background:var(--soft)}
			.card .label{font-size:12px;color:var(--muted)}
			.card .value{font-size:20px;font-weight:650;font-variant-numeric:tabular-nums}
			.card .note{font-size:12px;color:var(--muted)}
			.card.bad .value{color:var(--bad)}
			table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
			th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}
			th{font-size:12px;color:var(--muted);font-weight:600;background:var(--soft)}
			td.num,th.num{text-align:right;white-space:nowrap}
			table.facts th{width:210px;background:none;font-size:13px}
			code,.mono{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono",monospace;\
			font-size:12.5px;word-break:break-all}
			.stack{display:flex;height:18px;border-radius:3px;overflow:hidden;border:1px solid var(--line);margin:8px 0}
			.stack span{display:block;height:100%}
			.v-ok{background:var(--ok)}.v-bad{background:var(--bad)}.v-none{background:#bf8700}.v-pending{background:#d1d9e0}
			.legend{display:flex;flex-wrap:wrap;gap:16px;font-size:12.5px;color:var(--muted)}
			.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:5px}
			svg.chart{width:100%;height:auto;display:block}
			svg.chart .bar{fill:var(--bar)}
			svg.chart .grid{stroke:#e6eaef;stroke-width:1}
			svg.chart .axis{stroke:#8c959f;stroke-width:1}
			svg.chart text{font-size:11px;fill:var(--muted)}
			.empty{color:var(--muted);font-style:italic}
			.more{margin-top:8px;color:var(--muted)}
			footer{margin-top:40px;padding-top:10px;border-top:1px solid var(--line);color:var(--muted);font-size:12px}
			@media print{main{padding:0}h2{break-after:avoid}tr{break-inside:avoid}.card{background:none}}
			""";

	/**
	 * Writes the page.
	 * @param file where it goes; its folder must exist
	 * @param run what is known about the run
	 * @param summary the numbers {@code summary.json} holds
	 * @param facts what the pass over the rows found
	 * @param files the report set's files, relative to its folder, as the page lists them
	 * @param generatedAt when the set was written
	 */
	void write(Path file, RunMetadata run, RunSummary summary, RunFacts facts, List<String> files, Instant generatedAt)
			throws IOException {
		Objects.requireNonNull(file, "file is required");
		String page = render(run, summary, facts, files, generatedAt);
		AtomicFiles.write(file, (out) -> {
			out.write(page);
			return null;
		});
	}

	String render(RunMetadata run, RunSummary summary, RunFacts facts, List<String> files, Instant generatedAt) {
		Html html = new Html();
		String title = "Copy report: job " + run.job() + ", run " + run.runId();
		html.raw("<!DOCTYPE html>").newline();
		html.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "en", "xml:lang", "en").newline();
		html.open("head")
			.empty("meta", "charset", "utf-8")
			.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
			.element("title", title)
			.open("style")
			.raw(CSS)
			.close("style")
			.close("head")
			.newline();
		html.open("body").open("main").newline();
		header(html, run, summary, facts);
		cards(html, summary, facts);
		HtmlReportSections sections = new HtmlReportSections(html);
		sections.verification(summary, facts);
		sections.throughput(facts);
		sections.failures(facts);
		sections.notCarried(summary);
		sections.requests(summary);
		sections.run(run, summary, generatedAt);
		sections.settings(run);
		sections.files(files);
		html.open("footer")
			.text("Written by s3-bulk-copy " + run.toolVersion() + " at " + Formats.time(generatedAt)
					+ " from the job database's ledger. Times are UTC.")
			.close("footer");
		html.close("main").close("body").close("html").newline();
		return html.toString();
	}

	private static void header(Html html, RunMetadata run, RunSummary summary, RunFacts facts) {
		RunSummary.ObjectCounts objects = summary.objects();
		html.open("header", "class", "top")
			.open("div")
			.element("p", "s3-bulk-copy · completion report", "class", "kicker");
		html.element("h1", "Job " + run.job() + " · run " + run.runId());
		html.element("p", "s3://" + run.source().bucket() + "/" + run.source().prefix() + "  →  s3://"
				+ run.destination().bucket() + "/" + run.destination().prefix(), "class", "subline mono");
		html.close("div");
		html.element("div", statusText(run.status()), "class", "status " + statusClass(run.status()));
		html.close("header").newline();
		html.element("p", headline(run.status(), objects), "class", "headline");
		RunSummary.VerificationCounts verdicts = summary.verification();
		long finished = objects.total() - objects.pending();
		html.element("p",
				Formats.count(verdicts.verified()) + " of " + Formats.count(finished) + " finished objects verified ("
						+ Formats.percent(verdicts.verified(), finished) + "), " + Formats.count(verdicts.mismatch())
						+ " mismatched, " + Formats.count(verdicts.notVerified()) + " not verified.",
				"class", "subline");
	}

	private static void cards(Html html, RunSummary summary, RunFacts facts) {
		RunSummary.ObjectCounts objects = summary.objects();
		Duration duration = Duration.between(summary.startTime(), summary.endTime());
		html.open("div", "class", "cards");
		card(html, "Objects", Formats.count(objects.total()), "in the manifest", false);
		card(html, "Copied", Formats.count(objects.copied()), Formats.percent(objects.copied(), objects.total()),
				false);
		card(html, "Skipped (unchanged)", Formats.count(objects.skipped()),
				Formats.percent(objects.skipped(), objects.total()), false);
		card(html, "Failed", Formats.count(objects.failed()), Formats.percent(objects.failed(), objects.total()),
				objects.failed() > 0);
		if (objects.skippedInvalidKey() > 0) {
			card(html, "Skipped (invalid key)", Formats.count(objects.skippedInvalidKey()),
					"empty destination key: see the report", false);
		}
		card(html, "Pending", Formats.count(objects.pending()), (objects.pending() > 0) ? "not yet dealt with" : "none",
				false);
		if (objects.archived() > 0 || objects.restorePending() > 0) {
			card(html, "Archived (not copied)", Formats.count(objects.archived()),
					(objects.archived() > 0) ? "not restored; copy.restore restores them" : "none", false);
			card(html, "Restore pending", Formats.count(objects.restorePending()),
					(objects.restorePending() > 0) ? "a later run copies them once restored" : "none", false);
		}
		if (objects.deleted() > 0 || objects.extraAtDestination() > 0) {
			card(html, "Deleted (not in plan)", Formats.count(objects.deleted()),
					"destination objects no source object maps to", false);
			card(html, "Extra at destination", Formats.count(objects.extraAtDestination()),
					(objects.extraAtDestination() > 0) ? "not deleted: see the report (outcome EXTRA_AT_DESTINATION)"
							: "none left",
					objects.extraAtDestination() > 0);
		}
		if (!summary.filteredOut().isEmpty()) {
			long filtered = summary.filteredOut().values().stream().mapToLong(Long::longValue).sum();
			StringBuilder byFilter = new StringBuilder("not planned: ");
			summary.filteredOut()
				.forEach((filter,
						count) -> byFilter.append(filter).append(' ').append(Formats.count(count)).append(", "));
			card(html, "Filtered out", Formats.count(filtered), byFilter.substring(0, byFilter.length() - 2), false);
		}
		card(html, "Data copied", Formats.shortBytes(summary.bytes().copied()),
				"of " + Formats.shortBytes(summary.bytes().total()) + " in all", false);
		card(html, "Duration", Formats.duration(duration),
				summary.executions() + " execution" + ((summary.executions() == 1) ? "" : "s"), false);
		card(html, "Throughput", Formats.rate(summary.objectsPerSecond().doubleValue(), "obj"),
				Formats.mebibytesPerSecond(summary.bytesPerSecond().doubleValue()), false);
		card(html, "Retried requests", Formats.count(summary.retries().total()),
				(summary.retries().total() > 0) ? "see Run below" : "none", false);
		html.close("div").newline();
	}

	private static void card(Html html, String label, String value, @Nullable String note, boolean bad) {
		html.open("div", "class", bad ? "card bad" : "card")
			.element("div", label, "class", "label")
			.element("div", value, "class", "value");
		if (note != null) {
			html.element("div", note, "class", "note");
		}
		html.close("div");
	}

	static String headline(String status, RunSummary.ObjectCounts objects) {
		String total = Formats.count(objects.total());
		return switch (status) {
			case "COMPLETED" -> (objects.total() == 0) ? "The manifest listed no objects: nothing to copy."
					: (objects.archived() + objects.restorePending() > 0) ? archivedHeadline(objects) : "All " + total
							+ " objects were copied or found unchanged at the destination; none failed.";
			case "COMPLETED_WITH_FAILURES" ->
				Formats.count(objects.failed()) + " of " + total + " objects failed; the other "
						+ Formats
							.count(objects.total() - objects.failed() - objects.archived() - objects.restorePending())
						+ " were copied or found unchanged"
						+ ((objects.archived() + objects.restorePending() > 0)
								? ", " + Formats.count(objects.archived() + objects.restorePending())
										+ " archived ones not copied (see Archived)"
								: "")
						+ ".";
			case "RUNNING" -> "The run is still going on: " + Formats.count(objects.total() - objects.pending())
					+ " of " + total + " objects done so far.";
			default -> "The run did not finish (" + status + "): " + Formats.count(objects.pending()) + " of " + total
					+ " objects are still pending. Running the same command again resumes it.";
		};
	}

	private static String archivedHeadline(RunSummary.ObjectCounts objects) {
		long archived = objects.archived() + objects.restorePending();
		String headline = Formats.count(objects.total() - archived) + " of " + Formats.count(objects.total())
				+ " objects were copied or found unchanged at the destination; none failed. " + Formats.count(archived)
				+ " archived source objects were not copied";
		if (objects.restorePending() > 0) {
			headline += "; " + Formats.count(objects.restorePending())
					+ " are being restored, and a later run copies them once restored";
		}
		return headline + ".";
	}

	private static String statusText(String status) {
		return status.replace('_', ' ');
	}

	private static String statusClass(String status) {
		return switch (status) {
			case "COMPLETED" -> "s-ok";
			case "COMPLETED_WITH_FAILURES" -> "s-warn";
			case "RUNNING" -> "s-info";
			default -> "s-bad";
		};
	}

}
