package io.github.s3bulkcopy.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar answers the same with the start-up warm-up ({@link StartupWarmUp}) as
 * without it ({@code -Ds3bulkcopy.warm-up=false}): a bad job file, a broken client
 * setting and a job database that cannot be opened fail at start, with the same exit code
 * and message.
 */
class StartupWarmUpIT {

	private static final Path JAR = Path.of(System.getProperty("s3bulkcopy.jar", "target/s3-bulk-copy.jar"));

	private static final String OFF = "-D" + StartupWarmUp.PROPERTY + "=false";

	@TempDir
	Path dir;

	@Test
	void aBadJobFileFailsTheSame() throws Exception {
		Path job = Files.writeString(this.dir.resolve("bad.yml"), "name: warm-up-test\n");

		Run warm = java(List.of(), "copy", "--job", job.toString());
		Run cold = java(List.of(OFF), "copy", "--job", job.toString());

		assertThat(warm.exit()).as(warm.toString()).isEqualTo(2);
		assertThat(warm.err()).contains("source");
		assertThat(warm).isEqualTo(cold);
	}

	@Test
	void aBrokenClientSettingFailsAtStartTheSame() throws Exception {
		Path job = job();
		List<String> broken = List.of("-Ds3bulkcopy.idle-timeout=1500ms");

		Run warm = java(broken, "copy", "--job", job.toString());
		Run cold = java(concat(broken, OFF), "copy", "--job", job.toString());

		assertThat(warm.exit()).as(warm.toString()).isNotZero();
		assertThat(warm.err()).contains("s3bulkcopy.idle-timeout");
		assertThat(warm.out()).as("no run started").doesNotContain("Run ");
		assertThat(warm).isEqualTo(cold);
	}

	@Test
	void aJobDatabaseThatCannotBeOpenedFailsTheSame() throws Exception {
		Path job = job();
		Path notAFolder = Files.writeString(this.dir.resolve("file"), "");
		List<String> badUrl = List.of("-Dspring.datasource.url=jdbc:h2:file:" + notAFolder + "/db");

		Run warm = java(badUrl, "copy", "--job", job.toString());
		Run cold = java(concat(badUrl, OFF), "copy", "--job", job.toString());

		assertThat(warm.exit()).as(warm.toString()).isNotZero();
		assertThat(warm.out()).as("no run started").doesNotContain("Run ");
		assertThat(warm).isEqualTo(cold);
	}

	/**
	 * A valid job on a port where nothing listens: a run would fail on its first request.
	 */
	private Path job() throws Exception {
		String side = "  region: us-east-1\n  endpoint: http://127.0.0.1:9\n  credentials: {}\n";
		return Files.writeString(this.dir.resolve("job.yml"), "name: warm-up-test\nsource:\n  bucket: src\n" + side
				+ "destination:\n  bucket: dst\n" + side + "manifest:\n  type: listing\n");
	}

	private static List<String> concat(List<String> options, String more) {
		List<String> all = new ArrayList<>(options);
		all.add(more);
		return all;
	}

	private Run java(List<String> options, String... args) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(options);
		command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.dir.toFile());
		builder.environment().remove("JAVA_TOOL_OPTIONS");
		builder.environment().put("AWS_ACCESS_KEY_ID", "warm-up-test");
		builder.environment().put("AWS_SECRET_ACCESS_KEY", "warm-up-test");
		Path out = Files.createTempFile(this.dir, "out", ".txt");
		Path err = Files.createTempFile(this.dir, "err", ".txt");
		Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished in time").isTrue();
		return new Run(process.exitValue(), blankTimes(Files.readString(out, StandardCharsets.UTF_8)),
				blankTimes(Files.readString(err, StandardCharsets.UTF_8)));
	}

	/** Log lines start with the time of day. */
	private static String blankTimes(String text) {
		return text.replaceAll("(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ", "");
	}

	record Run(int exit, String out, String err) {

	}

}
