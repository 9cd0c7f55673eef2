package io.github.s3bulkcopy.batchops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.s3bulkcopy.testsupport.JobFixture;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S3 Batch Operations cannot delete extras: batch-copy and replicate refuse a job with
 * copy.delete-extraneous.
 */
class BatchMirrorRefusalTests {

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "batch-copy", "replicate" })
	void aMirrorIsRefusedBeforeAnythingIsSubmitted(String command) throws IOException {
		Path job = this.dir.resolve("mirror.yml");
		Files.writeString(job,
				Files.readString(Path.of("jobs/batch-operations.yml"))
					.replace("location: reports/", "location: " + this.dir.resolve("reports"))
						+ "\ncopy:\n  delete-extraneous: true\n  max-deletes: 10\n");

		JobFixture.Result result = JobFixture.runCommand(command, "--job", job.toString());

		assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
		assertThat(result.err()).contains("copy.delete-extraneous: " + command + " hands the objects to S3 Batch "
				+ "Operations, which cannot delete");
	}

}
