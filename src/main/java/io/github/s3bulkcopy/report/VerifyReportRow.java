package io.github.s3bulkcopy.report;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.github.s3bulkcopy.ledger.ExtraObject;
import io.github.s3bulkcopy.ledger.LedgerRow;
import io.github.s3bulkcopy.ledger.ObjectOutcome;
import io.github.s3bulkcopy.ledger.ObjectStatus;
import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.verify.Verdict;
import io.github.s3bulkcopy.verify.Verification;
import io.github.s3bulkcopy.verify.VerificationMethod;
import io.github.s3bulkcopy.verify.VerifyFinding;
import org.jspecify.annotations.Nullable;

/**
 * One line of {@code verify-report.csv}: what a verify run found for one object of the
 * manifest.
 *
 * @param bucket the source bucket
 * @param key the source key, not URL-encoded
 * @param versionId the source version checked, when one was named
 * @param destinationBucket the destination bucket
 * @param destinationKey the destination key, not URL-encoded
 * @param finding VERIFIED, MISSING_AT_DESTINATION, SIZE_DIFFERS, CHECKSUM_DIFFERS,
 * NOT_VERIFIED, SOURCE_MISSING, ERROR, PENDING, or EXTRA_AT_DESTINATION (a destination
 * object no object of the plan maps to; its rows follow the plan's, in listing order, and
 * its key is the source key that would map to it)
 * @param size the source's size in bytes
 * @param verificationMethod the comparison made (SIZE when sizes differ)
 * @param sourceValue the source's value compared, such as
 * {@code CRC64NVME:FULL_OBJECT:<base64>}
 * @param destinationValue the destination's value compared
 * @param verdict VERIFIED, MISMATCH or NOT_VERIFIED
 * @param errorCode the S3 error code when the object could not be checked, or the
 * finding's code
 * @param detail why the object is not VERIFIED
 * @param checkedAt when the check ended
 * @param destinationVersionId the destination version checked, when the copy job recorded
 * which one holds the source version (every version copied); otherwise the destination's
 * current version was checked
 */
public record VerifyReportRow(String bucket, String key, @Nullable String versionId, String destinationBucket,
		String destinationKey, VerifyFinding finding, @Nullable Long size,
		@Nullable VerificationMethod verificationMethod, @Nullable String sourceValue,
		@Nullable String destinationValue, @Nullable Verdict verdict, @Nullable String errorCode,
		@Nullable String detail, @Nullable Instant checkedAt, @Nullable String destinationVersionId) {

	/** The header row, in column order. */
	public static final List<String> HEADER = List.of("Bucket", "Key", "VersionId", "DestinationBucket",
			"DestinationKey", "Finding", "Size", "VerificationMethod", "SourceValue", "DestinationValue", "Verdict",
			"ErrorCode", "Detail", "CheckedAt", "DestinationVersionId");

	/** The report line for one ledger row of a verify run. */
	public static VerifyReportRow of(LedgerRow row, String destinationBucket) {
		PlannedObject planned = row.planned();
		ObjectOutcome outcome = row.outcome();
		Verification verification = (outcome != null) ? outcome.verification() : null;
		VerifyFinding finding = VerifyFinding.of(row.status() == ObjectStatus.PENDING,
				row.status() == ObjectStatus.FAILED, (outcome != null) ? outcome.errorCode() : null,
				(verification != null) ? verification.verdict() : null);
		String detail = null;
		if (outcome != null && finding != VerifyFinding.VERIFIED) {
			detail = (outcome.message() != null) ? outcome.message()
					: (verification != null) ? verification.reason() : null;
		}
		return new VerifyReportRow(planned.sourceBucket(), planned.sourceKey(), planned.versionId(), destinationBucket,
				planned.destinationKey(), finding,
				(outcome != null && outcome.size() != null) ? outcome.size() : planned.size(),
				(verification != null) ? verification.method() : null,
				(verification != null) ? verification.sourceValue() : null,
				(verification != null) ? verification.destinationValue() : null,
				(verification != null) ? verification.verdict() : null, (outcome != null) ? outcome.errorCode() : null,
				detail, (outcome != null) ? outcome.finishedAt() : null, planned.destinationVersionId());
	}

	/**
	 * The report line for a destination object no object of the plan maps to: its source
	 * is the key that would map to it, which the plan does not name; its destination
	 * value is the ETag the listing gave.
	 */
	public static VerifyReportRow ofExtra(ExtraObject extra, String sourceBucket, String destinationBucket) {
		return new VerifyReportRow(sourceBucket, extra.sourceKey(), null, destinationBucket, extra.destinationKey(),
				VerifyFinding.EXTRA_AT_DESTINATION, extra.size(), null, null, extra.etag(), null,
				VerifyFinding.EXTRA_AT_DESTINATION.errorCode(),
				"at the destination, and no object of the plan maps to it", null, null);
	}

	/** The columns as text, in {@link #HEADER} order; absent values are null. */
	public List<@Nullable String> fields() {
		return Arrays.asList(this.bucket, this.key, this.versionId, this.destinationBucket, this.destinationKey,
				this.finding.name(), text(this.size), text(this.verificationMethod), this.sourceValue,
				this.destinationValue, text(this.verdict), this.errorCode, this.detail, text(this.checkedAt),
				this.destinationVersionId);
	}

	private static @Nullable String text(@Nullable Object value) {
		return (value != null) ? value.toString() : null;
	}

}
