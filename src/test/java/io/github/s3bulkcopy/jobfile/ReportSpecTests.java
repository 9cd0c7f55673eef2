package io.github.s3bulkcopy.jobfile;

import java.io.IOException;
import java.nio.file.Path;

import io.github.s3bulkcopy.jobfile.loading.JobFileException;
import io.github.s3bulkcopy.jobfile.loading.JobFileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.s3bulkcopy.jobfile.JobFiles.MINIMAL;
import static io.github.s3bulkcopy.jobfile.JobFiles.assertLoadingFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReportSpecTests {

	@TempDir
	Path dir;

	@Test
	void aLocalFolderIsTheDefault() throws IOException {
		ReportSpec report = load(MINIMAL).report();

		assertThat(report.isS3()).isFalse();
		assertThat(report.localRoot()).isEqualTo(Path.of("reports/"));
	}

	@Test
	void anS3LocationIsWrittenLocallyFirst() throws IOException {
		ReportSpec report = load(MINIMAL + """
				report:
				  location: s3://audit-reports/copies
				  sse-kms-key-id: alias/reports
				""").report();

		assertThat(report.isS3()).isTrue();
		assertThat(report.bucket()).isEqualTo("audit-reports");
		assertThat(report.prefix()).isEqualTo("copies/");
		assertThat(report.localRoot()).isEqualTo(Path.of("reports/"));
		assertThat(report.sseKmsKeyId()).isEqualTo("alias/reports");
		assertThat(
				load(MINIMAL + "report:\n  location: s3://audit-reports\n  local-directory: /var/reports\n").report())
			.satisfies((bare) -> {
				assertThat(bare.prefix()).isEmpty();
				assertThat(bare.localRoot()).isEqualTo(Path.of("/var/reports"));
			});
	}

	@Test
	void s3OnlyPropertiesAreRejectedWithALocalLocation() throws IOException {
		Path file = write(MINIMAL + """
				report:
				  location: reports/
				  local-directory: elsewhere/
				  sse-kms-key-id: alias/reports
				""");

		assertLoadingFails(file).withMessageContaining("report.local-directory")
			.withMessageContaining("report.sse-kms-key-id");
	}

	@Test
	void aBadBucketOrSchemeIsRejected() throws IOException {
		assertThatExceptionOfType(JobFileException.class)
			.isThrownBy(() -> load(MINIMAL + "report:\n  location: s3://Bad_Bucket/x/\n"))
			.withMessageContaining("report.location");
		assertThatExceptionOfType(JobFileException.class)
			.isThrownBy(() -> load(MINIMAL + "report:\n  location: gs://bucket/x/\n"))
			.withMessageContaining("report.location");
	}

	private JobSpec load(String yaml) throws IOException {
		return new JobFileLoader().load(write(yaml)).spec();
	}

	private Path write(String yaml) throws IOException {
		return JobFiles.write(this.dir, yaml);
	}

}
