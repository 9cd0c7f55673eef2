package io.github.s3bulkcopy.batch;

import io.github.s3bulkcopy.ExitCodes;
import io.github.s3bulkcopy.S3BulkCopyException;

/**
 * A run failed wholesale and was stopped; the message says how badly and with which
 * error.
 */
public class FailureThresholdExceededException extends S3BulkCopyException {

	public FailureThresholdExceededException(String message) {
		super(ExitCodes.RESUMABLE, message, null);
	}

}
