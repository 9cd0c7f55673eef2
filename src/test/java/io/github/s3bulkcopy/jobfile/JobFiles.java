package io.github.s3bulkcopy.jobfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.s3bulkcopy.jobfile.loading.JobFileException;
import io.github.s3bulkcopy.jobfile.loading.JobFileLoader;
import org.assertj.core.api.ThrowableAssertAlternative;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the job file tests share: the smallest valid job file, a way to write one, and the
 * exception loading a wrong one throws, for the test to assert on.
 */
final class JobFiles {

	/** The smallest job file the loader takes: a listing of one bucket into another. */
	static final String MINIMAL = """
			name: copy-logs
			source:
			  bucket: acme-logs
			destination:
			  bucket: acme-logs-b
			manifest:
			  type: listing
			""";

	private JobFiles() {
	}

	/**
	 * Writes the YAML to a file of its own in the folder, so that a test can keep
	 * several.
	 */
	static Path write(Path dir, String yaml) throws IOException {
		return Files.writeString(Files.createTempFile(dir, "job-", ".yml"), yaml, StandardCharsets.UTF_8);
	}

	/** Loads the file, which must fail; the exception, for the test's assertions. */
	static ThrowableAssertAlternative<JobFileException> assertLoadingFails(Path file) {
		return assertThatExceptionOfType(JobFileException.class).isThrownBy(() -> new JobFileLoader().load(file));
	}

}
