package io.github.s3bulkcopy.manifest;

import io.github.s3bulkcopy.ExitCodes;
import io.github.s3bulkcopy.S3BulkCopyException;

/**
 * A manifest that cannot be read as it is: unreadable, corrupt, malformed or naming a
 * different bucket. The message names the file and, where there is one, the line, so a
 * user can find the fault without a stack trace.
 */
public class ManifestException extends S3BulkCopyException {

	public ManifestException(String message) {
		super(ExitCodes.INVALID_INPUT, message, null);
	}

	public ManifestException(String message, Throwable cause) {
		super(ExitCodes.INVALID_INPUT, message, cause);
	}

}
