package io.github.s3bulkcopy.job;

/** No run was started because there is nothing new to copy (exit code 0); the message says why. */
public class NothingNewException extends RuntimeException {

	public NothingNewException(String message) {
		super(message);
	}

}
