package io.github.s3bulkcopy.jobfile.loading;

import java.util.List;
import java.util.stream.Collectors;

import io.github.s3bulkcopy.ExitCodes;
import io.github.s3bulkcopy.S3BulkCopyException;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * A job file that cannot be used. The message is what the user sees: one line per
 * problem, each naming the file, the line where known, the property and the reason. It
 * never contains a secret value.
 */
public class JobFileException extends S3BulkCopyException {

	private final List<JobFileProblem> problems;

	public JobFileException(List<JobFileProblem> problems) {
		this(problems, null);
	}

	public JobFileException(List<JobFileProblem> problems, @Nullable Throwable cause) {
		super(ExitCodes.INVALID_INPUT, message(problems), cause);
		this.problems = List.copyOf(problems);
	}

	/** The problems, in the order they appear in the file; those on no line come last. */
	public List<JobFileProblem> problems() {
		return this.problems;
	}

	private static String message(List<JobFileProblem> problems) {
		Assert.notEmpty(problems, "problems must not be empty");
		return problems.stream().map(JobFileProblem::toString).collect(Collectors.joining("\n"));
	}

}
