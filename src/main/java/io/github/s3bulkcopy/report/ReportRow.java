package io.github.s3bulkcopy.report;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.github.s3bulkcopy.ledger.LedgerRow;
import io.github.s3bulkcopy.ledger.ObjectOutcome;
import io.github.s3bulkcopy.ledger.ObjectStatus;
import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.verify.Verdict;
import io.github.s3bulkcopy.verify.Verification;
import io.github.s3bulkcopy.verify.VerificationMethod;
import org.jspecify.annotations.Nullable;

/**
 * One line of {@code completion-report.csv}. The first seven columns are those of an S3
 * Batch Operations completion report ({@code Report_CSV_20180820}), so tools that read
 * those read ours; the rest say where the copy went and how it was verified.
 *
 * @param bucket the source bucket
 * @param key the source key, not URL-encoded
 * @param versionId the source version copied, when one was named
 * @param taskStatus {@code succeeded} (COPIED, SKIPPED_UNCHANGED, SKIPPED_INVALID_KEY),
 * {@code failed}, {@code pending} or {@code skipped} (SKIPPED_ARCHIVED, RESTORE_PENDING:
 * an archived source, not copied in this run); for a destination object the plan does not
 * name, {@code succeeded} (DELETED) or {@code skipped} (EXTRA_AT_DESTINATION)
 * @param errorCode the S3 error code or exception name of a failure
 * @param httpStatusCode the HTTP status of a failed request, when there was a response
 * @param resultMessage {@code Copied}, {@code Skipped: unchanged at destination}, a
 * failure's message, or {@code Pending: not yet processed}, or why an archived source was
 * not copied
 * @param destinationBucket the destination bucket
 * @param destinationKey the destination key, not URL-encoded
 * @param size the size in bytes: as learned while copying, else as the manifest stated it
 * @param verificationMethod the comparison made, once the object was dealt with
 * @param sourceChecksum the source value compared
 * @param destinationChecksum the destination value compared
 * @param verified the verdict, once the object was dealt with
 * @param outcome the ledger status; DELETED or EXTRA_AT_DESTINATION for a destination
 * object the plan does not name (its source key is the one that would map to it)
 * @param verificationDetail why the verdict is not VERIFIED
 * @param startedAt when work on the object started
 * @param finishedAt when it ended
 * @param destinationVersionId the destination version that holds the source version, on a
 * versioned destination: the one the copy wrote, or the one found unchanged
 * @param notCarried what the copy did not carry over from the source, as
 * {@code ledger.NotCarried} bits (counted in the summary, not a column)
 */
public record ReportRow(String bucket, String key, @Nullable String versionId, String taskStatus,
		@Nullable String errorCode, @Nullable Integer httpStatusCode, String resultMessage, String destinationBucket,
		String destinationKey, @Nullable Long size, @Nullable VerificationMethod verificationMethod,
		@Nullable String sourceChecksum, @Nullable String destinationChecksum, @Nullable Verdict verified,
		ObjectStatus outcome, @Nullable String verificationDetail, @Nullable Instant startedAt,
		@Nullable Instant finishedAt, @Nullable String destinationVersionId, int notCarried) {

	/** The header row, in column order. */
	public static final List<String> HEADER = List.of("Bucket", "Key", "VersionId", "TaskStatus", "ErrorCode",
			"HTTPStatusCode", "ResultMessage", "DestinationBucket", "DestinationKey", "Size", "VerificationMethod",
			"SourceChecksum", "DestinationChecksum", "Verified", "Outcome", "VerificationDetail", "StartedAt",
			"FinishedAt", "DestinationVersionId");

	static final String COPIED_MESSAGE = "Copied";

	static final String SKIPPED_MESSAGE = "Skipped: unchanged at destination";

	static final String FAILED_MESSAGE = "Failed";

	static final String PENDING_MESSAGE = "Pending: not yet processed";

	static final String INVALID_KEY_MESSAGE = "Skipped: invalid destination key";

	static final String ARCHIVED_MESSAGE = "Skipped: the source is archived and not restored";

	static final String RESTORE_PENDING_MESSAGE = "Restore pending: a later run copies the object once restored";

	static final String DELETED_MESSAGE = "Deleted: at the destination, not in the plan (copy.delete-extraneous)";

	static final String EXTRA_MESSAGE = "Not deleted: at the destination, not in the plan";

	/**
	 * The report line for one ledger row. The row's status is authoritative; a finished
	 * row without an outcome (which the ledger should never hold) is still reported, with
	 * the outcome's columns empty.
	 */
	public static ReportRow of(LedgerRow row, String destinationBucket) {
		PlannedObject planned = row.planned();
		ObjectOutcome outcome = row.outcome();
		// A destination object the plan does not name was compared with nothing.
		Verification verification = (outcome != null && !row.status().isExtra()) ? outcome.verification() : null;
		Long size = (outcome != null && outcome.size() != null) ? outcome.size() : planned.size();
		return new ReportRow(planned.sourceBucket(), planned.sourceKey(), planned.versionId(), taskStatus(row.status()),
				(outcome != null) ? outcome.errorCode() : null, (outcome != null) ? outcome.httpStatus() : null,
				resultMessage(row.status(), outcome), destinationBucket, planned.destinationKey(), size,
				(verification != null) ? verification.method() : null,
				(verification != null) ? verification.sourceValue() : null,
				(verification != null) ? verification.destinationValue() : null,
				(verification != null) ? verification.verdict() : null, row.status(),
				(verification != null && verification.verdict() != Verdict.VERIFIED) ? verification.reason() : null,
				(outcome != null) ? outcome.startedAt() : null, (outcome != null) ? outcome.finishedAt() : null,
				planned.destinationVersionId(), (outcome != null) ? outcome.notCarried() : 0);
	}

	private static String taskStatus(ObjectStatus status) {
		return switch (status) {
			case COPIED, SKIPPED_UNCHANGED, SKIPPED_INVALID_KEY -> "succeeded";
			case FAILED -> "failed";
			case PENDING -> "pending";
			case SKIPPED_ARCHIVED, RESTORE_PENDING -> "skipped";
			case DELETED -> "succeeded";
			case EXTRA_AT_DESTINATION -> "skipped";
		};
	}

	private static String resultMessage(ObjectStatus status, @Nullable ObjectOutcome outcome) {
		return switch (status) {
			case COPIED -> COPIED_MESSAGE;
			// A skip on the ledger's word names the run that verified the copy.
			case SKIPPED_UNCHANGED -> (outcome != null && outcome.message() != null)
					? SKIPPED_MESSAGE + " (" + outcome.message() + ")" : SKIPPED_MESSAGE;
			case FAILED -> (outcome != null && outcome.message() != null) ? outcome.message() : FAILED_MESSAGE;
			case PENDING -> PENDING_MESSAGE;
			case SKIPPED_INVALID_KEY ->
				(outcome != null && outcome.message() != null) ? outcome.message() : INVALID_KEY_MESSAGE;
			case SKIPPED_ARCHIVED ->
				(outcome != null && outcome.message() != null) ? outcome.message() : ARCHIVED_MESSAGE;
			case RESTORE_PENDING ->
				(outcome != null && outcome.message() != null) ? outcome.message() : RESTORE_PENDING_MESSAGE;
			case DELETED -> DELETED_MESSAGE;
			case EXTRA_AT_DESTINATION ->
				(outcome != null && outcome.message() != null) ? outcome.message() : EXTRA_MESSAGE;
		};
	}

	/**
	 * The columns as text, in {@link #HEADER} order; absent values are null. Times are
	 * ISO-8601 in UTC.
	 */
	public List<@Nullable String> fields() {
		return Arrays.asList(this.bucket, this.key, this.versionId, this.taskStatus, this.errorCode,
				text(this.httpStatusCode), this.resultMessage, this.destinationBucket, this.destinationKey,
				text(this.size), text(this.verificationMethod), this.sourceChecksum, this.destinationChecksum,
				text(this.verified), this.outcome.name(), this.verificationDetail, text(this.startedAt),
				text(this.finishedAt), this.destinationVersionId);
	}

	private static @Nullable String text(@Nullable Object value) {
		// Instant.toString() is ISO-8601 in UTC (ISO_INSTANT); enums print their names.
		return (value != null) ? value.toString() : null;
	}

}
