package io.github.s3bulkcopy.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
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

/**
 * The distribution archive the build makes ({@code target/s3-bulk-copy-<version>.tar.gz})
 * and the container image the {@code Dockerfile} builds from it. No container runtime is
 * needed: the Dockerfile's instructions are carried out here, with the image's absolute
 * paths ({@code /opt}, {@code /var}, {@code /mnt}) moved under a temporary folder and the
 * JDK running this test in place of the base image's. What this does not test: the base
 * image itself, the builder's handling of {@code ADD} and {@code --mount}, and the image
 * on a container runtime or in Kubernetes.
 */
class DistributionIT {

	private static final Path JAR = Path.of(System.getProperty("s3bulkcopy.jar", "target/s3-bulk-copy.jar"));

	private static final Path CONTEXT = Path.of("").toAbsolutePath();

	/** The user the image runs as (its USER instruction is checked against this). */
	private static final String CONTAINER_USER = "10001:0";

	@TempDir
	Path dir;

	@Test
	void theUnpackedArchiveRunsTheLauncherOnItsOwnJar() throws Exception {
		Path unpacked = Files.createDirectories(this.dir.resolve("unpacked"));
		exec(List.of("tar", "xzf", archive().toString(), "-C", unpacked.toString()), Map.of(), this.dir);
		Path home;
		try (Stream<Path> top = Files.list(unpacked)) {
			home = top.findFirst().orElseThrow();
		}
		// Elsewhere than the project, so the launcher cannot take
		// target/s3-bulk-copy.jar.
		Path work = Files.createDirectories(this.dir.resolve("work"));
		Map<String, String> environment = Map.of("S3_BULK_COPY_CACHE", this.dir.resolve("cache").toString());

		Run help = exec(List.of(home.resolve("bin/s3-bulk-copy").toString(), "--help"), environment, work);
		Run version = exec(List.of(home.resolve("bin/s3-bulk-copy").toString(), "--version"), environment, work);

		assertThat(home.getFileName().toString()).matches("s3-bulk-copy-\\d.*");
		assertThat(home.resolve("bin/s3-bulk-copy")).isExecutable();
		assertThat(Files.size(home.resolve("lib/s3-bulk-copy.jar"))).isEqualTo(Files.size(JAR));
		assertThat(home.resolve("jobs/example.yml")).isRegularFile();
		assertThat(home.resolve("config/kubernetes/cronjob.yaml")).isRegularFile();
		assertThat(home.resolve("README.md")).isRegularFile();
		assertThat(help.exit()).as(help.toString()).isZero();
		assertThat(help).isEqualTo(java("--help"));
		assertThat(version).isEqualTo(java("--version"));
		assertThat(files(this.dir.resolve("cache"), "s3-bulk-copy.jar")).as("the launcher extracted lib/'s jar")
			.hasSize(1);
	}

	/**
	 * The Dockerfile's steps unpack the archive and record a class archive with a demo
	 * run; the entry point, run as the image's user who cannot write the cache, answers
	 * as {@code java -jar} does and loads the tool's classes from that archive.
	 */
	@Test
	void theImagesStepsRecordAClassArchiveThatItsEntryPointMaps() throws Exception {
		Path root = Files.createDirectories(this.dir.resolve("root"));
		Image image = Image.build(CONTEXT.resolve("Dockerfile"), root);
		Path cache = Path.of(image.environment().get("S3_BULK_COPY_CACHE"));
		List<Path> archives = new ArrayList<>(files(cache, "app.jsa"));
		archives.addAll(files(cache, "app.aot"));
		List<Path> cacheBefore = files(cache, "");
		Path job = Files.writeString(this.dir.resolve("bad.yml"), "name: image-test\n");
		Files.setPosixFilePermissions(this.dir, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path classLog = image.workdir().resolve("classes.txt");

		Run help = image.run(List.of(), Map.of());
		Run copy = image.run(List.of("copy", "--job", job.toString()),
				Map.of("S3_BULK_COPY_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog));

		assertThat(image.from()).startsWith("eclipse-temurin:").endsWith("-jre");
		assertThat(image.user()).isEqualTo(CONTAINER_USER);
		assertThat(image.contextFiles()).as("the files the build takes from its context")
			.hasSize(2)
			.allSatisfy(
					(file) -> assertThat(sentToTheBuilder(file)).as("%s is left out by .dockerignore", file).isTrue());
		assertThat(archives).as("the image build recorded a class archive").hasSize(1);
		assertThat(help.exit()).as(help.toString()).isZero();
		assertThat(help).isEqualTo(java("--help"));
		assertThat(copy.exit()).as(copy.toString()).isEqualTo(2);
		assertThat(copy).isEqualTo(java("copy", "--job", job.toString()));
		assertThat(Files.readAllLines(classLog))
			.as("the tool's classes come from the class archive recorded at build time")
			.anyMatch(
					(line) -> line.contains(" io.github.s3bulkcopy.") && line.contains("source: shared objects file"));
		assertThat(files(cache, "")).as("nothing is written into the image's cache at run time")
			.containsExactlyInAnyOrderElementsOf(cacheBefore);
	}

	/**
	 * Whether .dockerignore lets the builder have this file: it leaves out everything
	 * ({@code *}) but what a {@code !pattern} takes back.
	 */
	private static boolean sentToTheBuilder(Path file) throws IOException {
		List<String> lines = Files.readAllLines(CONTEXT.resolve(".dockerignore"));
		assertThat(lines).contains("*");
		return lines.stream()
			.filter((line) -> line.startsWith("!"))
			.anyMatch((line) -> FileSystems.getDefault().getPathMatcher("glob:" + line.substring(1)).matches(file));
	}

	/**
	 * The distribution archive: the newest, should target/ hold those of older versions
	 * too.
	 */
	private static Path archive() throws IOException {
		try (Stream<Path> files = Files.list(CONTEXT.resolve("target"))) {
			return files.filter((file) -> file.getFileName().toString().matches("s3-bulk-copy-.*\\.tar\\.gz"))
				.max(Comparator.comparing((file) -> file.toFile().lastModified()))
				.orElseThrow(() -> new IllegalStateException("no target/s3-bulk-copy-*.tar.gz: run ./mvnw package"));
		}
	}

	private Run java(String... args) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
		command.addAll(List.of(args));
		return exec(command, Map.of(), this.dir);
	}

	private static Run exec(List<String> command, Map<String, String> environment, Path workdir) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).directory(workdir.toFile());
		builder.environment().remove("S3_BULK_COPY_JAVA_OPTS");
		builder.environment().remove("S3_BULK_COPY_JAR");
		builder.environment().remove("JAVA_TOOL_OPTIONS");
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		builder.environment().putAll(environment);
		Path out = Files.createTempFile("out", ".txt");
		Path err = Files.createTempFile("err", ".txt");
		try {
			Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
			assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("finished in time: %s", command).isTrue();
			return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
					Files.readString(err, StandardCharsets.UTF_8));
		}
		finally {
			Files.deleteIfExists(out);
			Files.deleteIfExists(err);
		}
	}

	/** The files under {@code root} with this name (every file for an empty name). */
	private static List<Path> files(Path root, String name) throws IOException {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter((file) -> name.isEmpty() || file.getFileName().toString().equals(name)).toList();
		}
	}

	record Run(int exit, String out, String err) {

	}

	/**
	 * An image as the Dockerfile's instructions leave it, built under {@code root}: FROM,
	 * ARG, ENV, ADD (of a local tar.gz: unpacked), RUN (in {@code /bin/sh -c}, with
	 * {@code --mount=type=bind} as a symbolic link), WORKDIR, USER, ENTRYPOINT and CMD
	 * (exec form). Any other instruction fails the build, so the test follows the file.
	 * {@code contextFiles} are the files taken from the build context (the project
	 * folder), relative to it.
	 */
	record Image(Path root, String from, Map<String, String> environment, Path workdir, String user,
			List<String> entrypoint, List<String> cmd, List<Path> contextFiles) {

		/** The image's absolute paths that are moved under the root. */
		private static final Pattern IMAGE_PATH = Pattern.compile("(?<=^|[\\s=:\"'])/(opt|var|mnt)(?=/|\\b)");

		private static final Pattern MOUNT = Pattern.compile("--mount=type=bind,source=(\\S+?),target=(\\S+)\\s+");

		private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

		static Image build(Path dockerfile, Path root) throws Exception {
			Image image = new Image(root, "", new HashMap<>(), root, "", List.of(), List.of(), new ArrayList<>());
			for (String instruction : instructions(Files.readString(dockerfile))) {
				String[] parts = instruction.split("\\s+", 2);
				String keyword = parts[0].toUpperCase();
				String rest = image.inRoot(parts[1]);
				image = switch (keyword) {
					case "ARG" -> image;
					case "FROM" -> image.with(rest, image.environment(), image.workdir(), image.user());
					case "ENV" -> {
						for (String pair : rest.trim().split("\\s+")) {
							String[] keyValue = pair.split("=", 2);
							image.environment().put(keyValue[0], keyValue[1]);
						}
						yield image;
					}
					case "ADD" -> image.add(rest);
					case "RUN" -> image.runStep(rest);
					case "WORKDIR" -> image.with(image.from(), image.environment(),
							Files.createDirectories(Path.of(rest.trim())), image.user());
					case "USER" -> image.with(image.from(), image.environment(), image.workdir(), rest.trim());
					case "ENTRYPOINT" -> new Image(root, image.from(), image.environment(), image.workdir(),
							image.user(), quoted(rest), image.cmd(), image.contextFiles());
					case "CMD" -> new Image(root, image.from(), image.environment(), image.workdir(), image.user(),
							image.entrypoint(), quoted(rest), image.contextFiles());
					default -> throw new IllegalStateException("the test does not carry out " + instruction);
				};
			}
			return image;
		}

		/**
		 * Runs the entry point with these arguments (the CMD when none), as the image's
		 * user.
		 */
		Run run(List<String> args, Map<String, String> environment) throws Exception {
			List<String> command = new ArrayList<>(asContainerUser());
			command.addAll(this.entrypoint);
			command.addAll(args.isEmpty() ? this.cmd : args);
			Map<String, String> all = new HashMap<>(this.environment);
			all.putAll(environment);
			return exec(command, all, this.workdir);
		}

		/**
		 * The container's user cannot write what the image build wrote. Run as root here,
		 * the test takes that user's id; run as any other user, it takes the write
		 * permission away from what the build wrote.
		 */
		private List<String> asContainerUser() throws Exception {
			if (exec(List.of("id", "-u"), Map.of(), this.root).out().trim().equals("0")) {
				String[] user = this.user.split(":");
				return List.of("setpriv", "--reuid=" + user[0], "--regid=" + user[1], "--clear-groups", "--");
			}
			exec(List.of("chmod", "-R", "a-w", this.root.resolve("opt").toString()), Map.of(), this.root);
			return List.of();
		}

		private Image with(String from, Map<String, String> environment, Path workdir, String user) {
			return new Image(this.root, from, environment, workdir, user, this.entrypoint, this.cmd, this.contextFiles);
		}

		private Image add(String arguments) throws Exception {
			String[] sourceAndTarget = arguments.trim().split("\\s+");
			Path target = Files.createDirectories(Path.of(sourceAndTarget[1]));
			Path source = CONTEXT.resolve(sourceAndTarget[0]);
			PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + source.getFileName());
			try (Stream<Path> files = Files.list(source.getParent())) {
				for (Path file : files.filter((file) -> matcher.matches(file.getFileName())).toList()) {
					assertThat(file.toString()).endsWith(".tar.gz");
					this.contextFiles.add(CONTEXT.relativize(file));
					check(exec(List.of("tar", "xzf", file.toString(), "-C", target.toString()), Map.of(), this.root));
				}
			}
			return this;
		}

		private Image runStep(String step) throws Exception {
			String script = step;
			List<Path> mounts = new ArrayList<>();
			Matcher mount = MOUNT.matcher(script);
			while (mount.lookingAt()) {
				Path target = Path.of(mount.group(2));
				Files.createDirectories(target.getParent());
				mounts.add(Files.createSymbolicLink(target, CONTEXT.resolve(mount.group(1))));
				this.contextFiles.add(Path.of(mount.group(1)));
				script = script.substring(mount.end());
				mount = MOUNT.matcher(script);
			}
			try {
				check(exec(List.of("/bin/sh", "-c", script), this.environment, this.workdir));
			}
			finally {
				for (Path link : mounts) {
					Files.delete(link);
				}
			}
			return this;
		}

		private static void check(Run run) {
			assertThat(run.exit()).as("a step of the image build failed: %s", run).isZero();
		}

		/** The text with the image's absolute paths moved under the root. */
		private String inRoot(String text) {
			return IMAGE_PATH.matcher(text).replaceAll(Matcher.quoteReplacement(this.root.toString()) + "/$1");
		}

		private static List<String> quoted(String jsonArray) {
			List<String> values = new ArrayList<>();
			Matcher value = QUOTED.matcher(jsonArray);
			while (value.find()) {
				values.add(value.group(1));
			}
			return values;
		}

		/**
		 * The instructions, continued lines joined, comments and parser directives left
		 * out.
		 */
		private static List<String> instructions(String dockerfile) {
			List<String> instructions = new ArrayList<>();
			StringBuilder current = new StringBuilder();
			for (String line : dockerfile.split("\n")) {
				if (line.trim().startsWith("#") || (current.isEmpty() && line.isBlank())) {
					continue;
				}
				if (line.endsWith("\\")) {
					current.append(line, 0, line.length() - 1).append(' ');
					continue;
				}
				current.append(line);
				instructions.add(current.toString().trim());
				current.setLength(0);
			}
			return instructions;
		}

	}

}
