package io.github.s3bulkcopy.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The launcher, {@code bin/s3-bulk-copy}, on the packaged jar: it answers as
 * {@code java -jar} does, exit codes included; a job's first run records a class archive
 * that later runs map; nothing of that shows in the output.
 */
class LauncherIT {

	private static final Path LAUNCHER = Path.of("bin/s3-bulk-copy");

	private static final Path JAR = Path.of(System.getProperty("s3bulkcopy.jar", "target/s3-bulk-copy.jar"));

	@TempDir
	Path dir;

	@Test
	void aJobsFirstRunRecordsTheClassArchiveAndLaterRunsMapItWithTheSameAnswer() throws Exception {
		Path job = invalidJob();
		Path cache = this.dir.resolve("cache");

		Run first = run(cache, Map.of(), "copy", "--job", job.toString());
		List<Path> archives = files(cache, "app.jsa");
		// -Xshare:on makes the JVM refuse to start unless it maps the archive.
		Run second = run(cache, Map.of("S3_BULK_COPY_JAVA_OPTS", "-Xshare:on"), "copy", "--job", job.toString());
		Run plain = java("copy", "--job", job.toString());

		assertThat(first.exit()).as(first.toString()).isEqualTo(2);
		assertThat(first.err()).contains(job.toString()).contains("source");
		assertThat(archives).hasSize(1);
		assertThat(files(cache, "app.jsa.")).as("no temporary archive is left").isEmpty();
		assertThat(second).isEqualTo(first);
		assertThat(plain).isEqualTo(first);
	}

	/**
	 * picocli's classes come from the class archive like the rest: a jar compiled for
	 * Java 5, as picocli's is, cannot be archived, and its classes were loaded and
	 * verified again at every start.
	 */
	@Test
	void theCommandLinesClassesComeFromTheClassArchive() throws Exception {
		Path job = invalidJob();
		Path cache = this.dir.resolve("cache");
		Path loaded = this.dir.resolve("loaded.log");

		run(cache, Map.of(), "copy", "--job", job.toString());
		Run second = run(cache, Map.of("S3_BULK_COPY_JAVA_OPTS", "-Xlog:class+load=info:file=" + loaded), "copy",
				"--job", job.toString());

		assertThat(second.exit()).as(second.toString()).isEqualTo(2);
		List<String> picocli = Files.readAllLines(loaded)
			.stream()
			.filter((line) -> line.contains(" picocli.CommandLine"))
			.toList();
		assertThat(picocli).hasSizeGreaterThan(50).allMatch((line) -> line.contains("shared objects file"));
	}

	/**
	 * On Java 25 and later a job's first run records an AOT configuration and leaves an
	 * AOT cache, which later runs map; the output is the same, with none of the JVM's
	 * notes about it. Skipped where this machine has no JDK 25+ (the system property
	 * {@code s3bulkcopy.jdk25} names one, else {@code /usr/lib/jvm} is searched).
	 */
	@Test
	void onJava25TheFirstRunLeavesAnAotCacheThatLaterRunsMap() throws Exception {
		Path jdk = jdk25();
		assumeTrue(jdk != null, "no JDK 25 or later found");
		Path job = invalidJob();
		Path cache = this.dir.resolve("cache");
		Map<String, String> java25 = Map.of("JAVA_HOME", jdk.toString());

		Run first = run(cache, java25, "copy", "--job", job.toString());
		// -XX:AOTMode=on makes the JVM refuse to start unless it maps the cache.
		Run second = run(cache, Map.of("JAVA_HOME", jdk.toString(), "S3_BULK_COPY_JAVA_OPTS", "-XX:AOTMode=on"), "copy",
				"--job", job.toString());

		assertThat(first.exit()).as(first.toString()).isEqualTo(2);
		assertThat(first.out()).as("the JVM's notes stay out of the tool's output").isEmpty();
		assertThat(first.err()).contains(job.toString()).contains("source").doesNotContain("AOT");
		assertThat(files(cache, "app.aot")).hasSize(1);
		assertThat(files(cache, "app.jsa")).isEmpty();
		assertThat(files(cache, "app.aot.")).as("no temporary file is left").isEmpty();
		assertThat(files(cache, "app.aotconf.")).as("no temporary file is left").isEmpty();
		assertThat(second).isEqualTo(first);
	}

	/**
	 * A JDK 25 that cannot assemble the cache (a wrapper that fails the assembly, here)
	 * leaves a note and is not asked again: otherwise every run of it would pay for
	 * recording. The runs answer as before.
	 */
	@Test
	void onJava25ACacheThatCannotBeAssembledIsNotTriedAgain() throws Exception {
		Path jdk = jdk25();
		assumeTrue(jdk != null, "no JDK 25 or later found");
		Path calls = this.dir.resolve("calls.txt");
		Path home = wrappedJdk("failing-jdk", jdk,
				"echo \"$*\" >> '" + calls + "'\n" + "case \"$*\" in *AOTMode=create*) exit 1;; esac\n");
		Files.copy(jdk.resolve("release"), home.resolve("release"));
		Path job = invalidJob();
		Path cache = this.dir.resolve("cache");
		Map<String, String> failing = Map.of("JAVA_HOME", home.toString());

		Run first = run(cache, failing, "copy", "--job", job.toString());
		List<Path> notes = files(cache, "aot-cache-failed");
		Files.delete(calls);
		Run second = run(cache, failing, "copy", "--job", job.toString());

		assertThat(first.exit()).as(first.toString()).isEqualTo(2);
		assertThat(notes).hasSize(1);
		assertThat(files(cache, "app.aot")).isEmpty();
		assertThat(files(cache, "app.aot.")).as("no temporary file is left").isEmpty();
		assertThat(files(cache, "app.aotconf.")).as("no temporary file is left").isEmpty();
		assertThat(second).isEqualTo(first);
		assertThat(Files.readString(calls)).as("the second run records nothing").doesNotContain("AOTMode");
	}

	/**
	 * A jar named otherwise (a release's s3-bulk-copy-1.2.0.jar) is extracted under its
	 * own name and archived too.
	 */
	@Test
	void aJarOfAnotherNameGetsItsArchiveToo() throws Exception {
		Path renamed = Files.copy(JAR, this.dir.resolve("s3-bulk-copy-1.2.0.jar"));
		Path job = invalidJob();
		Path cache = this.dir.resolve("cache");
		Map<String, String> jar = Map.of("S3_BULK_COPY_JAR", renamed.toString());

		Run first = run(cache, jar, "copy", "--job", job.toString());
		Run second = run(cache, Map.of("S3_BULK_COPY_JAR", renamed.toString(), "S3_BULK_COPY_JAVA_OPTS", "-Xshare:on"),
				"copy", "--job", job.toString());

		assertThat(first.exit()).as(first.toString()).isEqualTo(2);
		assertThat(files(cache, "s3-bulk-copy-1.2.0.jar")).as("the jar is extracted").hasSize(1);
		assertThat(files(cache, "app.jsa")).hasSize(1);
		assertThat(second).isEqualTo(first);
	}

	/**
	 * A java the launcher cannot read a release of (a wrapper script, here; a JDK without
	 * its release file) still runs, with the dynamic archive (a failed read of the
	 * release once ended the launcher at once: exit 2, no word).
	 */
	@Test
	void aJavaWithoutAReadableReleaseStillRunsWithTheDynamicArchive() throws Exception {
		Path home = wrappedJdk("wrapped-jdk", Path.of(System.getProperty("java.home")), "");
		Path job = invalidJob();
		Path cache = this.dir.resolve("cache");
		Map<String, String> wrapped = Map.of("JAVA_HOME", home.toString());

		Run version = run(cache, wrapped, "--version");
		Run first = run(cache, wrapped, "copy", "--job", job.toString());

		assertThat(version).isEqualTo(java("--version"));
		assertThat(first).isEqualTo(java("copy", "--job", job.toString()));
		assertThat(files(cache, "app.jsa")).hasSize(1);
	}

	@Test
	void aCommandThatRunsNoJobAnswersWithoutRecordingAnArchive() throws Exception {
		Path cache = this.dir.resolve("cache");

		Run help = run(cache, Map.of(), "--help");

		assertThat(help).isEqualTo(java("--help"));
		assertThat(help.exit()).isZero();
		assertThat(files(cache, "s3-bulk-copy.jar")).as("the jar is extracted").hasSize(1);
		assertThat(files(cache, "app.jsa")).isEmpty();
	}

	/**
	 * The JVM makes reflective calls through its native accessors, not method handles
	 * spun at each constructor's and method's first call, which cost an empty run's start
	 * more than the calls themselves.
	 */
	@Test
	void theJvmCallsReflectivelyThroughNativeAccessors() throws Exception {
		Path cache = this.dir.resolve("cache");

		Run version = run(cache, Map.of("S3_BULK_COPY_JAVA_OPTS", "-XshowSettings:properties"), "--version");

		assertThat(version.exit()).isZero();
		assertThat(version.err()).contains("jdk.reflect.useNativeAccessorOnly = true");
	}

	/**
	 * {@code status} records a class archive of its own, smaller than a run's, and maps
	 * it afterwards; it answers as {@code java -jar} does.
	 */
	@Test
	void statusRecordsAnArchiveOfItsOwnThatLaterStatusRunsMap() throws Exception {
		Path cache = this.dir.resolve("cache");
		// Its own job database, in the test's folder (the environment binds like
		// spring.datasource.url).
		Map<String, String> database = Map.of("SPRING_DATASOURCE_URL", "jdbc:h2:file:" + this.dir.resolve("db"));

		Run first = run(cache, database, "status");
		List<Path> archives = files(cache, "status.jsa");
		// -Xshare:on makes the JVM refuse to start unless it maps the archive.
		Map<String, String> mapped = new HashMap<>(database);
		mapped.put("S3_BULK_COPY_JAVA_OPTS", "-Xshare:on");
		Run second = run(cache, mapped, "status");
		ProcessBuilder plain = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", JAR.toString(), "status");
		plain.environment().putAll(database);

		assertThat(first.exit()).as(first.toString()).isZero();
		assertThat(first.out()).isEqualTo("No runs yet.\n");
		assertThat(archives).hasSize(1);
		assertThat(files(cache, "app.jsa")).as("a run's archive is not recorded by status").isEmpty();
		assertThat(files(cache, "status.jsa.")).as("no temporary archive is left").isEmpty();
		assertThat(second).isEqualTo(first);
		assertThat(Run.of(plain, this.dir)).isEqualTo(first);
	}

	/**
	 * A job's first run keeps the CRT's native library in the cache folder, and later
	 * runs load it from there: with a temporary folder the CRT cannot extract its library
	 * into, a later run still gets as far as its endpoint. A run pointed at a folder with
	 * no library in it fails with the CRT's reason and the folder to fix (exit 2), and
	 * keeps nothing.
	 */
	@Test
	void aJobsFirstRunKeepsTheCrtLibraryThatLaterRunsLoad() throws Exception {
		Path job = unreachableJob();
		Path cache = this.dir.resolve("cache");
		Path notAFolder = Files.writeString(this.dir.resolve("not-a-folder"), "");
		Path elsewhere = Files.createDirectory(this.dir.resolve("elsewhere"));
		Map<String, String> environment = new HashMap<>(unreachableJobsEnvironment());

		Run first = run(cache, environment, "copy", "--job", job.toString());
		List<Path> kept = files(cache, "libaws-crt-jni.so");
		environment.put("S3_BULK_COPY_JAVA_OPTS", "-Djava.io.tmpdir=" + notAFolder);
		Run later = run(cache, environment, "copy", "--job", job.toString());
		environment.put("S3_BULK_COPY_JAVA_OPTS", "-Djava.io.tmpdir=" + notAFolder + " -Djava.library.path=" + elsewhere
				+ " -Ds3bulkcopy.native-dir=" + elsewhere);
		Run notPointed = run(cache, environment, "copy", "--job", job.toString());

		assertThat(first.exit()).as(first.toString()).isEqualTo(3);
		assertThat(first.err()).contains("cannot reach the source endpoint http://127.0.0.1:9");
		assertThat(kept).hasSize(1);
		assertThat(Files.size(kept.get(0))).isGreaterThan(1_000_000);
		assertThat(files(cache, "libaws-crt-jni.so.")).as("no partial library is left").isEmpty();
		assertThat(later).isEqualTo(first);
		assertThat(notPointed.exit()).as(notPointed.toString()).isEqualTo(2);
		assertThat(notPointed.err()).as(notPointed.toString())
			.contains("error: the AWS Common Runtime (the CRT-based HTTP client, and the CRC64NVME checksums) cannot "
					+ "load its native library: Failed to load AWS CRT native library (Invalid directory: " + notAFolder
					+ ")")
			.contains("the temporary folder (" + notAFolder + ")")
			.doesNotContain("Exception in thread");
		assertThat(elsewhere).isEmptyDirectory();
	}

	/**
	 * Java 24 and later warn on every run of code that calls a restricted method, as the
	 * CRT does to load its library, unless the jar's manifest allows it: a run on Java 25
	 * that loads the CRT prints nothing of the JVM's.
	 */
	@Test
	void onJava25ARunThatLoadsTheCrtHasNoWarningFromTheJvm() throws Exception {
		Path jdk = jdk25();
		assumeTrue(jdk != null, "no JDK 25 or later found");
		Map<String, String> environment = new HashMap<>(unreachableJobsEnvironment());
		environment.put("JAVA_HOME", jdk.toString());

		Run run = run(this.dir.resolve("cache"), environment, "copy", "--job", unreachableJob().toString());

		assertThat(run.exit()).as(run.toString()).isEqualTo(3);
		assertThat(run.err()).contains("cannot reach the source endpoint").doesNotContain("WARNING");
	}

	@Test
	void aMissingJarIsNamedWithTheWayToBuildIt() throws Exception {
		Run run = run(this.dir.resolve("cache"), Map.of("S3_BULK_COPY_JAR", this.dir.resolve("none.jar").toString()),
				"--version");

		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.err()).contains("none.jar").contains("./mvnw -B package -DskipTests");
	}

	@Test
	void anUnwritableCacheRunsThePlainJar() throws Exception {
		Path file = Files.writeString(this.dir.resolve("not-a-folder"), "");

		Run version = run(file.resolve("cache"), Map.of(), "--version");

		assertThat(version).isEqualTo(java("--version"));
	}

	/**
	 * A job whose endpoints refuse connections: every run of it builds its CRT-based
	 * clients, tries once and exits 3.
	 */
	private Path unreachableJob() throws IOException {
		return Files.writeString(this.dir.resolve("unreachable.yml"), """
				name: launcher-native
				source: { bucket: src, endpoint: "http://127.0.0.1:9" }
				destination: { bucket: dst, endpoint: "http://127.0.0.1:9" }
				manifest: { type: listing }
				copy: { max-attempts: 1 }
				""");
	}

	/** Credentials to sign with, and a job database in the test's folder. */
	private Map<String, String> unreachableJobsEnvironment() {
		return Map.of("SPRING_DATASOURCE_URL", "jdbc:h2:file:" + this.dir.resolve("db"), "AWS_ACCESS_KEY_ID",
				"launcher-test", "AWS_SECRET_ACCESS_KEY", "launcher-test", "AWS_REGION", "us-east-1");
	}

	/**
	 * A job file that names only its job: every run of it exits 2, after the tool has
	 * started far enough.
	 */
	private Path invalidJob() throws IOException {
		return Files.writeString(this.dir.resolve("bad.yml"), "name: launcher-test\n");
	}

	/**
	 * A JDK folder named {@code name} whose bin/java is a shell script that runs
	 * {@code script}, then the java of {@code jdk}; it has no release file.
	 */
	private Path wrappedJdk(String name, Path jdk, String script) throws IOException {
		Path home = Files.createDirectories(this.dir.resolve(name).resolve("bin")).getParent();
		Path java = Files.writeString(home.resolve("bin/java"),
				"#!/bin/sh\n" + script + "exec '" + jdk.resolve("bin/java") + "' \"$@\"\n");
		assertThat(java.toFile().setExecutable(true)).isTrue();
		return home;
	}

	private Run run(Path cache, Map<String, String> environment, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().put("S3_BULK_COPY_JAR", JAR.toString());
		builder.environment().put("S3_BULK_COPY_CACHE", cache.toString());
		builder.environment().remove("S3_BULK_COPY_JAVA_OPTS");
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		builder.environment().putAll(environment);
		return Run.of(builder, this.dir);
	}

	private Run java(String... args) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
		command.addAll(List.of(args));
		return Run.of(new ProcessBuilder(command), this.dir);
	}

	/**
	 * A JDK of release 25 or later: the one {@code s3bulkcopy.jdk25} names, or one under
	 * /usr/lib/jvm; else null.
	 */
	private static Path jdk25() throws IOException {
		String named = System.getProperty("s3bulkcopy.jdk25");
		List<Path> candidates = new ArrayList<>();
		if (named != null && !named.isBlank()) {
			candidates.add(Path.of(named));
		}
		Path jvms = Path.of("/usr/lib/jvm");
		if (Files.isDirectory(jvms)) {
			try (Stream<Path> homes = Files.list(jvms)) {
				homes.sorted().forEach(candidates::add);
			}
		}
		for (Path home : candidates) {
			Path release = home.resolve("release");
			if (Files.isExecutable(home.resolve("bin/java")) && Files.isRegularFile(release)) {
				Matcher version = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release));
				if (version.find() && Integer.parseInt(version.group(1)) >= 25) {
					return home;
				}
			}
		}
		return null;
	}

	/**
	 * The files under {@code root} with this name, or whose name starts with it when it
	 * ends with a dot.
	 */
	private static List<Path> files(Path root, String name) throws IOException {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter((file) -> {
				String fileName = file.getFileName().toString();
				return name.endsWith(".") ? fileName.startsWith(name) : fileName.equals(name);
			}).toList();
		}
	}

	record Run(int exit, String out, String err) {

		static Run of(ProcessBuilder builder, Path dir) throws Exception {
			Path out = Files.createTempFile(dir, "out", ".txt");
			Path err = Files.createTempFile(dir, "err", ".txt");
			builder.environment().remove("JAVA_TOOL_OPTIONS");
			Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
			assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished in time").isTrue();
			return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
					Files.readString(err, StandardCharsets.UTF_8));
		}

	}

}
