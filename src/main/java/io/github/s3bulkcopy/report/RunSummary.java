package io.github.s3bulkcopy.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * The content of {@code summary.json}: one run in numbers. Field order is fixed so that summaries diff cleanly.
 * {@code durationSeconds} and {@code objectsPerSecond} are decimals with a fixed number of places, written plainly
 * (never in exponent form).
 *
 * @param job the job's name
 * @param runId the run's id
 * @param status how the run ended, e.g. COMPLETED, COMPLETED_WITH_FAILURES, FAILED, STOPPED
 * @param exitCode the process exit code
 * @param startTime when the run started (ISO-8601, UTC)
 * @param endTime when it ended (ISO-8601, UTC)
 * @param durationSeconds {@code endTime - startTime}, to the millisecond (three decimals)
 * @param source the source bucket and prefix
 * @param destination the destination bucket and prefix
 * @param manifest the manifest's type and location
 * @param jobFileSha256 the SHA-256 of the job file, as hex
 * @param objects the report's rows by outcome
 * @param bytes sizes added up (see {@link ReportTotals} for rows of unknown size)
 * @param verification finished rows by verdict
 * @param objectsPerSecond finished objects (copied, skipped or failed) per second of the run, to two decimals; 0 for a
 * run of no measurable duration
 * @param reportFile the completion report's name, relative to the folder of {@code summary.json}
 * @param toolVersion the version of this tool that ran
 */
@JsonPropertyOrder({ "job", "runId", "status", "exitCode", "startTime", "endTime", "durationSeconds", "source",
		"destination", "manifest", "jobFileSha256", "objects", "bytes", "verification", "objectsPerSecond",
		"reportFile", "toolVersion" })
public record RunSummary(String job, long runId, String status, int exitCode, Instant startTime, Instant endTime,
		BigDecimal durationSeconds, Side source, Side destination, Manifest manifest, String jobFileSha256,
		ObjectCounts objects, ByteCounts bytes, VerificationCounts verification, BigDecimal objectsPerSecond,
		String reportFile, String toolVersion) {

	/**
	 * The summary of a run whose completion report added up to {@code totals}.
	 * @param run what is known about the run
	 * @param totals what {@link CompletionReportWriter} counted
	 * @param reportFile the completion report's name, relative to the summary's folder
	 */
	public static RunSummary of(RunMetadata run, ReportTotals totals, String reportFile) {
		long millis = Duration.between(run.startTime(), run.endTime()).toMillis();
		BigDecimal seconds = BigDecimal.valueOf(millis, 3);
		BigDecimal objectsPerSecond = (millis > 0)
				? BigDecimal.valueOf(totals.finished()).divide(seconds, 2, RoundingMode.HALF_UP)
				: BigDecimal.ZERO.setScale(2);
		return new RunSummary(run.job(), run.runId(), run.status(), run.exitCode(), run.startTime(), run.endTime(),
				seconds, run.source(), run.destination(), run.manifest(), run.jobFileSha256(),
				new ObjectCounts(totals.objects(), totals.copied(), totals.skipped(), totals.failed(), totals.pending()),
				new ByteCounts(totals.bytesTotal(), totals.bytesCopied()),
				new VerificationCounts(totals.verified(), totals.mismatch(), totals.notVerified()), objectsPerSecond,
				reportFile, run.toolVersion());
	}

	/**
	 * One side of the copy.
	 *
	 * @param bucket the bucket
	 * @param prefix the key prefix ({@code ""} for the whole bucket)
	 */
	@JsonPropertyOrder({ "bucket", "prefix" })
	public record Side(String bucket, String prefix) {

	}

	/**
	 * Where the list of objects came from.
	 *
	 * @param type the manifest type, e.g. INVENTORY, CSV, LISTING
	 * @param location a local path or {@code s3://} URI; null for a listing
	 */
	@JsonPropertyOrder({ "type", "location" })
	public record Manifest(String type, @Nullable String location) {

	}

	/**
	 * Objects by outcome; {@code total = copied + skipped + failed + pending}.
	 *
	 * @param total all objects of the run
	 * @param copied copied
	 * @param skipped already at the destination, unchanged
	 * @param failed not copied, or copied and found not to match
	 * @param pending not dealt with (an unfinished run)
	 */
	@JsonPropertyOrder({ "total", "copied", "skipped", "failed", "pending" })
	public record ObjectCounts(long total, long copied, long skipped, long failed, long pending) {

	}

	/**
	 * Bytes.
	 *
	 * @param total the sizes of all objects whose size is known
	 * @param copied the sizes of the copied objects
	 */
	@JsonPropertyOrder({ "total", "copied" })
	public record ByteCounts(long total, long copied) {

	}

	/**
	 * Finished objects by verdict; pending objects have none.
	 *
	 * @param verified compared and equal
	 * @param mismatch compared and different
	 * @param notVerified no valid comparison made
	 */
	@JsonPropertyOrder({ "verified", "mismatch", "notVerified" })
	public record VerificationCounts(long verified, long mismatch, long notVerified) {

	}

}
