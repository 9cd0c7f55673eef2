package io.github.s3bulkcopy.copy;

import io.github.s3bulkcopy.ledger.PlannedObject;

/**
 * A copy failed for a reason that is not the object's own (network, throttling after
 * retries, a missing bucket): the chunk is rolled back and the run fails resumably.
 */
public class RunLevelCopyException extends RuntimeException {

	private final S3Failure failure;

	public RunLevelCopyException(PlannedObject object, S3Failure failure, Throwable cause) {
		super("copying " + object.sourceKey() + " failed: " + failure.errorCode()
				+ ((failure.httpStatus() != null) ? " (HTTP " + failure.httpStatus() + ")" : "") + ": "
				+ failure.message(), cause);
		this.failure = failure;
	}

	public S3Failure failure() {
		return this.failure;
	}

}
