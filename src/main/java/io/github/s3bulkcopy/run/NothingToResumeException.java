package io.github.s3bulkcopy.run;

import io.github.s3bulkcopy.ExitCodes;
import io.github.s3bulkcopy.S3BulkCopyException;

/** {@code restart} found no unfinished run of the job. */
public class NothingToResumeException extends S3BulkCopyException {

	public NothingToResumeException(String message) {
		super(ExitCodes.INVALID_INPUT, message, null);
	}

}
