package io.github.s3bulkcopy;

import org.jspecify.annotations.Nullable;

/**
 * An error the command line reports as it is: its message is written for the user (one
 * line, naming the file, property or object at fault), and it carries the exit code
 * scripts see ({@link ExitCodes}). Errors of any other type are unexpected and end a run
 * resumably ({@link ExitCodes#RESUMABLE}).
 */
public abstract class S3BulkCopyException extends RuntimeException {

	private final int exitCode;

	protected S3BulkCopyException(int exitCode, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.exitCode = exitCode;
	}

	/** The process's exit code when this error ends a command. */
	public int exitCode() {
		return this.exitCode;
	}

}
