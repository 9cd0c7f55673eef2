package io.github.s3bulkcopy.verify;

import org.jspecify.annotations.Nullable;

/**
 * What a verify run found for one object, as its report states it. Stored in the ledger
 * as the row's status and error code (a verified object is SKIPPED_UNCHANGED, anything
 * else FAILED with the finding's error code), so the finding of a row is derived, never
 * stored twice.
 */
public enum VerifyFinding {

	/** The destination holds the source's bytes, as a valid comparison proved. */
	VERIFIED(null),

	/** The manifest lists an object the destination does not have. */
	MISSING_AT_DESTINATION("MissingAtDestination"),

	/** The destination object's size differs from the source's. */
	SIZE_DIFFERS("SizeDiffers"),

	/**
	 * Same size, but a valid comparison (checksum, ETag or full read) found different
	 * values.
	 */
	CHECKSUM_DIFFERS("VerificationMismatch"),

	/**
	 * Both objects are there with equal sizes, but no comparison the job allows could
	 * prove them equal.
	 */
	NOT_VERIFIED("NotVerified"),

	/** The source object is gone, so there is nothing to compare the destination with. */
	SOURCE_MISSING("SourceMissing"),

	/**
	 * An object could not be checked (access denied, for example); the row's error code
	 * and message say why.
	 */
	ERROR(null),

	/** Not checked yet (only in the report of an unfinished run). */
	PENDING(null),

	/**
	 * Not an object of the manifest: the destination has an object under its prefix that
	 * no object of the plan maps to (and the job's filters do not leave out). Found by
	 * listing the destination, never stored in the ledger.
	 */
	EXTRA_AT_DESTINATION("ExtraAtDestination");

	private final @Nullable String errorCode;

	VerifyFinding(@Nullable String errorCode) {
		this.errorCode = errorCode;
	}

	/**
	 * The error code a FAILED ledger row carries for this finding, or null for findings
	 * that are not failures.
	 */
	public @Nullable String errorCode() {
		return this.errorCode;
	}

	/**
	 * The finding of one ledger row of a verify run.
	 * @param pending whether the row is still PENDING
	 * @param failed whether the row is FAILED
	 * @param errorCode the row's error code
	 * @param verdict the row's verdict
	 */
	public static VerifyFinding of(boolean pending, boolean failed, @Nullable String errorCode,
			@Nullable Verdict verdict) {
		if (pending) {
			return PENDING;
		}
		if (!failed) {
			return (verdict == Verdict.VERIFIED) ? VERIFIED : NOT_VERIFIED;
		}
		for (VerifyFinding finding : values()) {
			if (finding.errorCode != null && finding.errorCode.equals(errorCode)) {
				return finding;
			}
		}
		return ERROR;
	}

}
