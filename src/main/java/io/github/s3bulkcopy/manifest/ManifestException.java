package io.github.s3bulkcopy.manifest;

/**
 * A manifest that cannot be read as it is: unreadable, corrupt, malformed or naming a different bucket. The message
 * names the file and, where there is one, the line, so a user can find the fault without a stack trace.
 */
public class ManifestException extends RuntimeException {

	public ManifestException(String message) {
		super(message);
	}

	public ManifestException(String message, Throwable cause) {
		super(message, cause);
	}

}
