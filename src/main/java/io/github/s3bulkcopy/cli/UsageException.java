package io.github.s3bulkcopy.cli;

/** A command was used wrongly in a way picocli cannot see (exit code 2). */
class UsageException extends RuntimeException {

	UsageException(String message) {
		super(message);
	}

}
