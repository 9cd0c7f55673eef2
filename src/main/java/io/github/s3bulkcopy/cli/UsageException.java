package io.github.s3bulkcopy.cli;

import io.github.s3bulkcopy.ExitCodes;
import io.github.s3bulkcopy.S3BulkCopyException;

/** A command was used wrongly in a way picocli cannot see (exit code 2). */
class UsageException extends S3BulkCopyException {

	UsageException(String message) {
		super(ExitCodes.INVALID_INPUT, message, null);
	}

}
