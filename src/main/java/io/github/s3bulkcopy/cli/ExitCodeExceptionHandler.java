package io.github.s3bulkcopy.cli;

import java.sql.SQLException;

import io.github.s3bulkcopy.ExitCodes;
import io.github.s3bulkcopy.S3BulkCopyException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command threw into one clear line on stderr and the exit code scripts rely on; the stack trace only
 * with {@code S3BULKCOPY_DEBUG=1}.
 */
class ExitCodeExceptionHandler implements IExecutionExceptionHandler {

	@Override
	public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
		int code = exitCode(ex);
		String prefix = switch (code) {
			case ExitCodes.INVALID_INPUT -> "error: ";
			case ExitCodes.BUSY -> "busy: ";
			default -> "error (resumable: run the same command again): ";
		};
		commandLine.getErr().println(prefix + message(ex));
		if ("1".equals(System.getenv("S3BULKCOPY_DEBUG"))) {
			ex.printStackTrace(commandLine.getErr());
		}
		return code;
	}

	/**
	 * The exit code of the first error in the chain that names one; unexpected errors end a run resumably. A job
	 * database held by another process is busy, whatever error reports it.
	 */
	static int exitCode(Throwable ex) {
		Integer code = null;
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (isDatabaseInUse(cause)) {
				return ExitCodes.BUSY;
			}
			if (code == null && cause instanceof S3BulkCopyException known) {
				code = known.exitCode();
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return (code != null) ? code : ExitCodes.RESUMABLE;
	}

	/** The message of the first error in the chain written for the user, else the innermost error's first line. */
	static String message(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof S3BulkCopyException known) {
				return known.getMessage();
			}
			if (isDatabaseInUse(cause)) {
				return "the job database is in use by another s3-bulk-copy process (a run may be going on): "
						+ firstLine(cause.getMessage());
			}
			if (cause.getCause() == null || cause.getCause() == cause) {
				return firstLine((cause.getMessage() != null) ? cause.getMessage() : cause.toString());
			}
		}
		return String.valueOf(ex);
	}

	private static boolean isDatabaseInUse(Throwable cause) {
		// H2 error 90020: "Database may be already in use" (the embedded file is open in another process).
		return cause instanceof SQLException sql && sql.getErrorCode() == 90020;
	}

	private static String firstLine(String text) {
		int newline = text.indexOf('\n');
		return (newline < 0) ? text : text.substring(0, newline);
	}

}
