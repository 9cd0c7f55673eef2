/**
 * Completion report and run summary written at the end of every run, into
 * {@code <root>/<job>/<runId>/}: {@code completion-report.csv} (one row per object, a
 * superset of an S3 Batch Operations completion report) and {@code summary.json} (the run
 * in numbers). {@link io.github.s3bulkcopy.report.ReportService} writes both; each file
 * appears under its name only once complete, and the summary is written last.
 */
@NullMarked
package io.github.s3bulkcopy.report;

import org.jspecify.annotations.NullMarked;
