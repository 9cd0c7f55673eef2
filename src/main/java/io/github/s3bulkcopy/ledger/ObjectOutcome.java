package io.github.s3bulkcopy.ledger;

import java.time.Instant;

import io.github.s3bulkcopy.verify.Verification;
import org.jspecify.annotations.Nullable;

/**
 * What happened to one object in the copy step.
 *
 * @param seq the object's position in the plan
 * @param status COPIED, SKIPPED_UNCHANGED, FAILED, SKIPPED_ARCHIVED or RESTORE_PENDING
 * @param size the size in bytes as learned while copying (may fill a size the manifest did not state)
 * @param errorCode the S3 error code (e.g. NoSuchKey) or the exception's name, for failures
 * @param httpStatus the HTTP status of the failed request, when there was a response
 * @param message a one-line reason, for failures and archived objects (never a secret)
 * @param verification how the copy was verified, and the verdict
 * @param startedAt when work on the object started
 * @param finishedAt when it ended
 */
public record ObjectOutcome(long seq, ObjectStatus status, @Nullable Long size, @Nullable String errorCode,
		@Nullable Integer httpStatus, @Nullable String message, Verification verification, Instant startedAt,
		Instant finishedAt) {

}
