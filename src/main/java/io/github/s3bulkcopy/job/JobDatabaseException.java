package io.github.s3bulkcopy.job;

/** The job database cannot be opened or prepared (exit code 3: fix it and run the same command again). */
public class JobDatabaseException extends RuntimeException {

	public JobDatabaseException(String message, Throwable cause) {
		super(message, cause);
	}

}
