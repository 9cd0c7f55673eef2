package io.github.s3bulkcopy.cli;

import java.sql.SQLException;

import io.github.s3bulkcopy.job.EndpointUnreachableException;
import io.github.s3bulkcopy.ExitCodes;
import io.github.s3bulkcopy.job.FailureThresholdExceededException;
import io.github.s3bulkcopy.job.InvalidSetupException;
import io.github.s3bulkcopy.job.JobDatabaseException;
import io.github.s3bulkcopy.job.InvalidManifestException;
import io.github.s3bulkcopy.job.JobBusyException;
import io.github.s3bulkcopy.job.NothingToResumeException;
import io.github.s3bulkcopy.jobfile.JobFileException;
import io.github.s3bulkcopy.manifest.ManifestException;
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

	static int exitCode(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JobFileException || cause instanceof ManifestException
					|| cause instanceof InvalidManifestException || cause instanceof NothingToResumeException
					|| cause instanceof UsageException || cause instanceof InvalidSetupException) {
				return ExitCodes.INVALID_INPUT;
			}
			if (cause instanceof JobBusyException || isDatabaseInUse(cause)) {
				return ExitCodes.BUSY;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return ExitCodes.RESUMABLE;
	}

	static String message(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JobFileException || cause instanceof ManifestException
					|| cause instanceof InvalidManifestException || cause instanceof NothingToResumeException
					|| cause instanceof JobBusyException || cause instanceof UsageException
					|| cause instanceof InvalidSetupException || cause instanceof EndpointUnreachableException
					|| cause instanceof FailureThresholdExceededException || cause instanceof JobDatabaseException) {
				return cause.getMessage();
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
