package io.github.s3bulkcopy.report;

import java.nio.file.Path;
import java.util.List;

/**
 * The files a run's report set was written to, and what they say.
 *
 * @param folder the set's folder, by default {@code <root>/<job>/<runId>}
 * @param completionReportFile {@code completion-report.csv} in that folder
 * @param summaryFile {@code summary.json} in that folder
 * @param totals what the completion report adds up to
 * @param summary what {@code summary.json} holds
 * @param files every file of the set relative to the folder, with {@code /} separators,
 * {@code SHA256SUMS} last
 */
public record WrittenReport(Path folder, Path completionReportFile, Path summaryFile, ReportTotals totals,
		RunSummary summary, List<String> files) {

}
