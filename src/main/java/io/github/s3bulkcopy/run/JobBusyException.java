package io.github.s3bulkcopy.run;

import io.github.s3bulkcopy.ExitCodes;
import io.github.s3bulkcopy.S3BulkCopyException;

/** Another live process holds the job's lock. */
public class JobBusyException extends S3BulkCopyException {

	public JobBusyException(String message) {
		super(ExitCodes.BUSY, message, null);
	}

}
