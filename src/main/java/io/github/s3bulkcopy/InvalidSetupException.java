package io.github.s3bulkcopy;

/**
 * The job file names a bucket that is not there as described, or a setting of the process
 * takes no such value (exit code 2); the message says what to fix.
 */
public class InvalidSetupException extends S3BulkCopyException {

	public InvalidSetupException(String message) {
		super(ExitCodes.INVALID_INPUT, message, null);
	}

}
