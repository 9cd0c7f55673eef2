package io.github.s3bulkcopy.demo;

import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Finds the runnable jars of the local S3 servers. The build copies them into
 * {@code target/servers/} (see the maven-dependency-plugin in the pom), beside the
 * product jar {@code target/s3-bulk-copy.jar}.
 */
final class ServerJars {

	/**
	 * System property naming the folder that holds {@code s3proxy.jar} and
	 * {@code s3mock.jar}; set by surefire.
	 */
	static final String SERVERS_DIR_PROPERTY = "s3bulkcopy.servers.dir";

	private ServerJars() {
	}

	/**
	 * The first of: {@code $s3bulkcopy.servers.dir/<fileName>},
	 * {@code servers/<fileName>} beside the running jar (or beside
	 * {@code target/classes}), {@code target/servers/<fileName>} under the working
	 * directory, and the artifact in the local Maven repository.
	 * @param fileName the jar's name in the servers folder, such as {@code s3proxy.jar}
	 * @param mavenRepositoryPath the artifact's path under {@code ~/.m2/repository}
	 * @throws IllegalStateException when none exists
	 */
	static Path locate(String fileName, String mavenRepositoryPath) {
		List<Path> candidates = new ArrayList<>();
		String serversDir = System.getProperty(SERVERS_DIR_PROPERTY);
		if (serversDir != null && !serversDir.isBlank()) {
			candidates.add(Path.of(serversDir, fileName));
		}
		Path codeFolder = codeSourceFolder(ServerJars.class.getProtectionDomain().getCodeSource());
		if (codeFolder != null) {
			candidates.add(codeFolder.resolve("servers").resolve(fileName));
		}
		candidates.add(Path.of("target", "servers", fileName).toAbsolutePath());
		candidates.add(Path.of(System.getProperty("user.home"), ".m2", "repository").resolve(mavenRepositoryPath));
		return firstExisting(fileName, candidates);
	}

	static Path firstExisting(String fileName, List<Path> candidates) {
		for (Path candidate : candidates) {
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("No " + fileName + " found; run ./mvnw -B package first, which fetches it. "
				+ "Looked in: " + candidates.stream().map(Path::toString).collect(Collectors.joining(", ")));
	}

	/**
	 * The folder holding the jar (or the classes folder) a class was loaded from:
	 * {@code target} for both {@code target/s3-bulk-copy.jar} and {@code target/classes}.
	 * A Spring Boot fat jar reports its classes as
	 * {@code jar:nested:/path/s3-bulk-copy.jar/!BOOT-INF/classes/!/}.
	 */
	static @Nullable Path codeSourceFolder(@Nullable CodeSource codeSource) {
		URL location = (codeSource != null) ? codeSource.getLocation() : null;
		if (location == null) {
			return null;
		}
		Path path = toPath(location.toString());
		return (path != null) ? path.toAbsolutePath().getParent() : null;
	}

	static @Nullable Path toPath(String url) {
		String file = url;
		if (file.startsWith("jar:")) {
			file = file.substring("jar:".length());
			int separator = file.indexOf('!');
			if (separator >= 0) {
				file = file.substring(0, separator);
			}
			if (file.startsWith("nested:")) {
				file = "file:" + file.substring("nested:".length());
			}
		}
		if (!file.startsWith("file:")) {
			return null;
		}
		while (file.endsWith("/") && file.length() > "file:/".length()) {
			file = file.substring(0, file.length() - 1);
		}
		try {
			return Path.of(URI.create(file));
		}
		catch (IllegalArgumentException ex) {
			// not a well-formed URI (a space left unencoded, say): read it as a plain
			// path
			return Path.of(file.substring("file:".length()));
		}
	}

}
