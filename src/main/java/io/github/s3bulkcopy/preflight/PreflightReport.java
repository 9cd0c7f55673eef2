package io.github.s3bulkcopy.preflight;

import java.util.List;

/**
 * What preflight found, side by side.
 *
 * @param sections the checks of each side (and of the copy as a whole), in the order they
 * ran
 */
public record PreflightReport(List<Section> sections) {

	/** Whether no check failed. */
	public boolean passed() {
		return this.sections.stream()
			.flatMap((section) -> section.checks().stream())
			.noneMatch((check) -> check.status() == Check.Status.FAIL);
	}

	/**
	 * The checks of one side.
	 *
	 * @param title e.g. "source s3://bucket/prefix (role arn:...)"
	 * @param checks the checks, in order
	 */
	public record Section(String title, List<Check> checks) {

	}

}
