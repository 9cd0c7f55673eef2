package io.github.s3bulkcopy.run;

import io.github.s3bulkcopy.ExitCodes;
import io.github.s3bulkcopy.S3BulkCopyException;

/**
 * No run was started because there is nothing new to copy (exit code 0); the message says
 * why.
 */
public class NothingNewException extends S3BulkCopyException {

	public NothingNewException(String message) {
		super(ExitCodes.INVALID_INPUT, message, null);
	}

}
