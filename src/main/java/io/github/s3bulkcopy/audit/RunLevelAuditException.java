package io.github.s3bulkcopy.audit;

import io.github.s3bulkcopy.copy.S3Failure;
import io.github.s3bulkcopy.ledger.PlannedObject;

/**
 * A check failed for a reason that is not the object's own (network, throttling after
 * retries, a missing bucket): the chunk is rolled back and the verify run fails
 * resumably.
 */
public class RunLevelAuditException extends RuntimeException {

	public RunLevelAuditException(PlannedObject object, S3Failure failure, Throwable cause) {
		super("verifying " + object.sourceKey() + " failed: " + failure.errorCode()
				+ ((failure.httpStatus() != null) ? " (HTTP " + failure.httpStatus() + ")" : "") + ": "
				+ failure.message(), cause);
	}

}
