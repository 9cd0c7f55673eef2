package io.github.s3bulkcopy.jobfile;

/** How a job file names an AWS account ({@code source.expected-owner}, {@code destination.expected-owner}). */
final class AccountIds {

	static final String PATTERN = "[0-9]{12}";

	static final String MESSAGE = "must be a 12-digit AWS account id, such as 111122223333";

	private AccountIds() {
	}

}
