package io.github.s3bulkcopy.plan;

import io.github.s3bulkcopy.ExitCodes;
import io.github.s3bulkcopy.S3BulkCopyException;

/** The manifest could not be planned as it is; the message names the file and line. */
public class InvalidManifestException extends S3BulkCopyException {

	public InvalidManifestException(String message, Throwable cause) {
		super(ExitCodes.INVALID_INPUT, message, cause);
	}

}
