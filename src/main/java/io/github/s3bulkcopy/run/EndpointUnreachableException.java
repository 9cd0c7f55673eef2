package io.github.s3bulkcopy.run;

import io.github.s3bulkcopy.ExitCodes;
import io.github.s3bulkcopy.S3BulkCopyException;

/**
 * An S3 endpoint did not answer; the run can be started again once it does (exit code 3).
 */
public class EndpointUnreachableException extends S3BulkCopyException {

	public EndpointUnreachableException(String message, Throwable cause) {
		super(ExitCodes.RESUMABLE, message, cause);
	}

}
