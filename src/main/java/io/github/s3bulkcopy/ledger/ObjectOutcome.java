package io.github.s3bulkcopy.ledger;

import java.time.Instant;

import io.github.s3bulkcopy.verify.Verification;
import org.jspecify.annotations.Nullable;

/**
 * What happened to one object in the copy step.
 *
 * @param seq the object's position in the plan
 * @param status COPIED, SKIPPED_UNCHANGED, FAILED, SKIPPED_INVALID_KEY, SKIPPED_ARCHIVED
 * or RESTORE_PENDING
 * @param size the size in bytes as learned while copying (may fill a size the manifest
 * did not state)
 * @param errorCode the S3 error code (e.g. NoSuchKey) or the exception's name, for
 * failures
 * @param httpStatus the HTTP status of the failed request, when there was a response
 * @param message a one-line reason, for failures, skipped invalid keys and archived
 * objects (never a secret)
 * @param verification how the copy was verified, and the verdict
 * @param startedAt when work on the object started
 * @param finishedAt when it ended
 * @param destinationVersionId the destination version that holds the source version, when
 * the destination is versioned: the one the copy wrote, or the one a skip compared with;
 * null keeps what the ledger had
 * @param notCarried what the copy did not carry over from the source, as
 * {@link NotCarried} bits; 0 for none or for an object not copied
 * @param sourceEtag the source's ETag the copy was made of (or the skip compared), when
 * known
 * @param destinationEtag the ETag of the destination object the copy made (or the skip
 * found), when known
 */
public record ObjectOutcome(long seq, ObjectStatus status, @Nullable Long size, @Nullable String errorCode,
		@Nullable Integer httpStatus, @Nullable String message, Verification verification, Instant startedAt,
		Instant finishedAt, @Nullable String destinationVersionId, int notCarried, @Nullable String sourceEtag,
		@Nullable String destinationEtag) {

	/** An outcome that names neither side's ETag. */
	public ObjectOutcome(long seq, ObjectStatus status, @Nullable Long size, @Nullable String errorCode,
			@Nullable Integer httpStatus, @Nullable String message, Verification verification, Instant startedAt,
			Instant finishedAt, @Nullable String destinationVersionId, int notCarried) {
		this(seq, status, size, errorCode, httpStatus, message, verification, startedAt, finishedAt,
				destinationVersionId, notCarried, null, null);
	}

	/**
	 * An outcome that names no destination version and left nothing out (or copied
	 * nothing).
	 */
	public ObjectOutcome(long seq, ObjectStatus status, @Nullable Long size, @Nullable String errorCode,
			@Nullable Integer httpStatus, @Nullable String message, Verification verification, Instant startedAt,
			Instant finishedAt) {
		this(seq, status, size, errorCode, httpStatus, message, verification, startedAt, finishedAt, null, 0);
	}

	/** An outcome that left nothing out. */
	public ObjectOutcome(long seq, ObjectStatus status, @Nullable Long size, @Nullable String errorCode,
			@Nullable Integer httpStatus, @Nullable String message, Verification verification, Instant startedAt,
			Instant finishedAt, @Nullable String destinationVersionId) {
		this(seq, status, size, errorCode, httpStatus, message, verification, startedAt, finishedAt,
				destinationVersionId, 0);
	}

	/** An outcome that names no destination version. */
	public ObjectOutcome(long seq, ObjectStatus status, @Nullable Long size, @Nullable String errorCode,
			@Nullable Integer httpStatus, @Nullable String message, Verification verification, Instant startedAt,
			Instant finishedAt, int notCarried) {
		this(seq, status, size, errorCode, httpStatus, message, verification, startedAt, finishedAt, null, notCarried);
	}

	/**
	 * The same outcome, naming the ETags of the source it was made of and of the
	 * destination object: what a later run needs to rely on the copy
	 * ({@link LedgerProof}).
	 */
	public ObjectOutcome withEtags(@Nullable String source, @Nullable String destination) {
		return new ObjectOutcome(this.seq, this.status, this.size, this.errorCode, this.httpStatus, this.message,
				this.verification, this.startedAt, this.finishedAt, this.destinationVersionId, this.notCarried, source,
				destination);
	}

}
