package io.github.s3bulkcopy.job;

/** A run failed wholesale and was stopped; the message says how badly and with which error. */
public class FailureThresholdExceededException extends RuntimeException {

	public FailureThresholdExceededException(String message) {
		super(message);
	}

}
