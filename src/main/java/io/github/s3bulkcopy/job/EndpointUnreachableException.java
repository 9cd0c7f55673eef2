package io.github.s3bulkcopy.job;

/** An S3 endpoint did not answer; the run can be started again once it does (exit code 3). */
public class EndpointUnreachableException extends RuntimeException {

	public EndpointUnreachableException(String message, Throwable cause) {
		super(message, cause);
	}

}
