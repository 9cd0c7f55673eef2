package io.github.s3bulkcopy.job;

/** Another live process holds the job's lock. */
public class JobBusyException extends RuntimeException {

	public JobBusyException(String message) {
		super(message);
	}

}
