package io.github.s3bulkcopy.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes {@code summary.json}: a {@link RunSummary} as pretty-printed UTF-8 JSON with its
 * fields in a fixed order and times as ISO-8601 UTC strings. The file appears under its
 * name only once it is complete.
 */
public class SummaryWriter {

	/** The summary's file name inside a run's report folder. */
	public static final String FILE_NAME = "summary.json";

	/**
	 * Writes the summary to {@code file}, replacing any earlier one.
	 * @param file where the summary goes; its folder must exist
	 * @param summary the run in numbers
	 * @throws IOException if the file cannot be written; nothing is left under its name
	 * then (or the earlier file is)
	 */
	public void write(Path file, RunSummary summary) throws IOException {
		Objects.requireNonNull(file, "file is required");
		Objects.requireNonNull(summary, "summary is required");
		String json = toJson(summary);
		AtomicFiles.write(file, (out) -> {
			out.write(json);
			out.write('\n');
			return null;
		});
	}

	/** The summary as the file holds it, without the final line break. */
	public String toJson(RunSummary summary) {
		return SummaryJson.write(summary);
	}

}
