package io.github.s3bulkcopy.jobfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.s3bulkcopy.jobfile.loading.JobFileException;
import io.github.s3bulkcopy.jobfile.loading.JobFileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code copy.mode}: what auto resolves to, and the one combination a job file may not
 * ask for.
 */
class CopyModeTests {

	private static final String ROLE_A = "arn:aws:iam::222222222222:role/reader";

	private static final String ROLE_B = "arn:aws:iam::333333333333:role/writer";

	@TempDir
	Path dir;

	@Test
	void autoCopiesServerSideWithOneSetOfCredentialsAndStreamsWithTwo() throws IOException {
		assertThat(resolve(credentials(ROLE_A), credentials(ROLE_A), "", "")).isEqualTo(CopyMode.SERVER_SIDE);
		assertThat(resolve("", "", "", "")).isEqualTo(CopyMode.SERVER_SIDE);
		assertThat(resolve(credentials(ROLE_A), credentials(ROLE_B), "", "")).isEqualTo(CopyMode.STREAM);
		assertThat(resolve(credentials(ROLE_A), "", "", "")).isEqualTo(CopyMode.STREAM);
		assertThat(resolve("  credentials:\n    profile: a\n", "  credentials:\n    profile: b\n", "", ""))
			.isEqualTo(CopyMode.STREAM);
		assertThat(resolve("", "", "  endpoint: https://s3.one.example\n", "  endpoint: https://s3.two.example\n"))
			.isEqualTo(CopyMode.STREAM);
	}

	@Test
	void aForcedModeIsKept() throws IOException {
		JobSpec job = load(credentials(ROLE_A), credentials(ROLE_B), "", "", "copy:\n  mode: server-side\n");
		assertThat(CopyMode.resolve(job)).isEqualTo(CopyMode.SERVER_SIDE);
		assertThat(job.copy().mode()).isEqualTo(CopyMode.SERVER_SIDE);
		assertThat(CopyMode.resolve(load("", "", "", "", "copy:\n  mode: stream\n"))).isEqualTo(CopyMode.STREAM);
	}

	@Test
	void serverSideBetweenTwoEndpointsIsRejectedWhenTheFileIsLoaded() {
		assertThatExceptionOfType(JobFileException.class)
			.isThrownBy(() -> load("", "", "  endpoint: https://s3.one.example\n",
					"  endpoint: https://s3.two.example\n", "copy:\n  mode: server-side\n"))
			.withMessageContaining("copy.mode: server-side copies only within one endpoint");
	}

	private CopyMode resolve(String source, String destination, String sourceEndpoint, String destinationEndpoint)
			throws IOException {
		return CopyMode.resolve(load(source, destination, sourceEndpoint, destinationEndpoint, ""));
	}

	private JobSpec load(String source, String destination, String sourceEndpoint, String destinationEndpoint,
			String extra) throws IOException {
		String yaml = "name: modes\nsource:\n  bucket: a\n" + sourceEndpoint + source + "destination:\n  bucket: b\n"
				+ destinationEndpoint + destination + "manifest:\n  type: listing\n" + extra;
		Path file = Files.writeString(this.dir.resolve("modes.yml"), yaml, StandardCharsets.UTF_8);
		return new JobFileLoader().load(file).spec();
	}

	private static String credentials(String role) {
		return "  credentials:\n    role-arn: " + role + "\n";
	}

}
