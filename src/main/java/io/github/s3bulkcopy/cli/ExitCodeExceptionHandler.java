package io.github.s3bulkcopy.cli;

import java.sql.SQLException;
import java.util.function.Predicate;

import io.github.s3bulkcopy.ExitCodes;
import io.github.s3bulkcopy.S3BulkCopyException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import org.springframework.boot.context.properties.bind.BindException;

/**
 * Turns what a command threw into one clear line on stderr and the exit code scripts rely
 * on; the stack trace only with {@code S3BULKCOPY_DEBUG=1}.
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
	 * The exit code of the first error in the chain that names one; a process setting
	 * that cannot be bound is bad input like one the settings refuse; unexpected errors
	 * end a run resumably. A job database held by another process is busy, whatever error
	 * reports it.
	 */
	static int exitCode(Throwable ex) {
		if (find(ex, ExitCodeExceptionHandler::isDatabaseInUse) != null) {
			return ExitCodes.BUSY;
		}
		if (find(ex, S3BulkCopyException.class::isInstance) instanceof S3BulkCopyException known) {
			return known.exitCode();
		}
		return (find(ex, BindException.class::isInstance) != null) ? ExitCodes.INVALID_INPUT : ExitCodes.RESUMABLE;
	}

	/**
	 * The message of the first error in the chain written for the user, else the
	 * innermost error's first line.
	 */
	static String message(Throwable ex) {
		if (find(ex, S3BulkCopyException.class::isInstance) instanceof S3BulkCopyException known) {
			return known.getMessage();
		}
		Throwable inUse = find(ex, ExitCodeExceptionHandler::isDatabaseInUse);
		if (inUse != null) {
			return "the job database is in use by another s3-bulk-copy process (a run may be going on): "
					+ firstLine(inUse.getMessage());
		}
		Throwable innermost = find(ex, (cause) -> cause.getCause() == null || cause.getCause() == cause);
		String why = firstLine((innermost.getMessage() != null) ? innermost.getMessage() : innermost.toString());
		if (find(ex, BindException.class::isInstance) instanceof BindException bind) {
			return bind.getName() + ": " + why;
		}
		return why;
	}

	/**
	 * The first error of the chain (the error itself, its cause, ...) that matches, or
	 * null.
	 */
	private static @Nullable Throwable find(Throwable ex, Predicate<Throwable> matches) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (matches.test(cause)) {
				return cause;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

	private static boolean isDatabaseInUse(Throwable cause) {
		// H2 error 90020: "Database may be already in use" (the embedded file is open in
		// another process).
		return cause instanceof SQLException sql && sql.getErrorCode() == 90020;
	}

	private static String firstLine(String text) {
		int newline = text.indexOf('\n');
		return (newline < 0) ? text : text.substring(0, newline);
	}

}
