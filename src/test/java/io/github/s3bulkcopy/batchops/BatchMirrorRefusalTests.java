package io.github.s3bulkcopy.batchops;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.s3bulkcopy.cli.Main;
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
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();

		int exitCode = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), command, "--job",
				job.toString());

		assertThat(exitCode).as(err.toString()).isEqualTo(2);
		assertThat(err.toString()).contains("copy.delete-extraneous: " + command + " hands the objects to S3 Batch "
				+ "Operations, which cannot delete");
	}

}
