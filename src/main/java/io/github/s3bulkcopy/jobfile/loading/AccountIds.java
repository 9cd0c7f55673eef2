package io.github.s3bulkcopy.jobfile.loading;

/**
 * How a job file names an AWS account ({@code source.expected-owner},
 * {@code destination.expected-owner}).
 */
public final class AccountIds {

	public static final String PATTERN = "[0-9]{12}";

	public static final String MESSAGE = "must be a 12-digit AWS account id, quoted, such as \"012345678901\" (YAML may "
			+ "read an unquoted number with a leading 0 as an octal number)";

	private AccountIds() {
	}

}
