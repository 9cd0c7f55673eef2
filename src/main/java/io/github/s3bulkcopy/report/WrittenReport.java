package io.github.s3bulkcopy.report;

import java.nio.file.Path;

/**
 * The files a run's report was written to, and what they say.
 *
 * @param folder the run's report folder, {@code <root>/<job>/<runId>}
 * @param completionReportFile {@code completion-report.csv} in that folder
 * @param summaryFile {@code summary.json} in that folder
 * @param totals what the completion report adds up to
 * @param summary what {@code summary.json} holds
 */
public record WrittenReport(Path folder, Path completionReportFile, Path summaryFile, ReportTotals totals,
		RunSummary summary) {

}
