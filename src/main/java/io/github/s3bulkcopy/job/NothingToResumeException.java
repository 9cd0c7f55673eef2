package io.github.s3bulkcopy.job;

/** {@code restart} found no unfinished run of the job. */
public class NothingToResumeException extends RuntimeException {

	public NothingToResumeException(String message) {
		super(message);
	}

}
