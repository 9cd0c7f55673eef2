package io.github.s3bulkcopy.job;

/** The manifest could not be planned as it is; the message names the file and line. */
public class InvalidManifestException extends RuntimeException {

	public InvalidManifestException(String message, Throwable cause) {
		super(message, cause);
	}

}
