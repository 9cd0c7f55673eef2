package io.github.s3bulkcopy.jobfile.loading;

import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with a job file, as the user sees it:
 * {@code jobs/x.yml:14: manifest.type: must be one of inventory, csv, listing (was 'inventroy')}.
 *
 * @param file the file as the user named it
 * @param line the 1-based line the problem is on, 0 when it is on no line (a property
 * that is missing)
 * @param column the 1-based column, 0 when only the line is known or useful
 * @param property the property path in kebab-case ({@code copy.part-size}); null for the
 * file as a whole
 * @param reason what is wrong; never contains a secret value
 */
public record JobFileProblem(String file, int line, int column, @Nullable String property, String reason) {

	/** A problem with the file as a whole, on no particular line. */
	static JobFileProblem ofFile(String file, String reason) {
		return new JobFileProblem(file, 0, 0, null, reason);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(this.file);
		if (this.line > 0) {
			text.append(':').append(this.line);
			if (this.column > 0) {
				text.append(':').append(this.column);
			}
		}
		text.append(": ");
		if (this.property != null) {
			text.append(this.property).append(": ");
		}
		return text.append(this.reason).toString();
	}

}
