package io.github.s3bulkcopy.ledger;

import io.github.s3bulkcopy.ExitCodes;
import io.github.s3bulkcopy.S3BulkCopyException;

/**
 * The job database cannot be opened or prepared (exit code 3: fix it and run the same
 * command again).
 */
public class JobDatabaseException extends S3BulkCopyException {

	public JobDatabaseException(String message, Throwable cause) {
		super(ExitCodes.RESUMABLE, message, cause);
	}

}
