package io.github.s3bulkcopy.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ServerJarsTests {

	@Test
	void readsTheOuterJarOfASpringBootNestedUrl() {
		assertThat(ServerJars.toPath("jar:nested:/opt/app/target/s3-bulk-copy.jar/!BOOT-INF/classes/!/"))
			.isEqualTo(Path.of("/opt/app/target/s3-bulk-copy.jar"));
	}

	@Test
	void decodesEscapedCharacters() {
		assertThat(ServerJars.toPath("jar:nested:/opt/my%20app/s3-bulk-copy.jar/!BOOT-INF/classes/!/"))
			.isEqualTo(Path.of("/opt/my app/s3-bulk-copy.jar"));
	}

	@Test
	void readsAClassicJarUrl() {
		assertThat(ServerJars.toPath("jar:file:/opt/app/s3-bulk-copy.jar!/BOOT-INF/classes!/"))
			.isEqualTo(Path.of("/opt/app/s3-bulk-copy.jar"));
	}

	@Test
	void readsAClassesFolder() {
		assertThat(ServerJars.toPath("file:/work/project/target/classes/"))
			.isEqualTo(Path.of("/work/project/target/classes"));
	}

	@Test
	void ignoresOtherSchemes() {
		assertThat(ServerJars.toPath("http://example.com/app.jar")).isNull();
	}

	@Test
	void theCodeOfThisBuildIsBesideTheServersFolder() {
		Path folder = ServerJars.codeSourceFolder(LocalS3Server.class.getProtectionDomain().getCodeSource());
		assertThat(folder).isNotNull();
		assertThat(folder.resolve("classes")).isDirectory();
	}

	@Test
	void theServersDirPropertyComesFirst(@TempDir Path dir) throws Exception {
		Path jar = Files.writeString(dir.resolve("s3proxy.jar"), "");
		String previous = System.getProperty(ServerJars.SERVERS_DIR_PROPERTY);
		System.setProperty(ServerJars.SERVERS_DIR_PROPERTY, dir.toString());
		try {
			assertThat(LocalS3Server.locateS3ProxyJar()).isEqualTo(jar);
		}
		finally {
			if (previous != null) {
				System.setProperty(ServerJars.SERVERS_DIR_PROPERTY, previous);
			}
			else {
				System.clearProperty(ServerJars.SERVERS_DIR_PROPERTY);
			}
		}
	}

	@Test
	void theBuildFetchedBothServers() {
		assertThat(LocalS3Server.locateS3ProxyJar()).isRegularFile().hasFileName("s3proxy.jar");
		assertThat(LocalS3Mock.locateS3MockJar()).isRegularFile().hasFileName("s3mock.jar");
	}

	@Test
	void saysHowToFetchAJarThatIsNowhere(@TempDir Path dir) {
		assertThatIllegalStateException()
			.isThrownBy(() -> ServerJars.firstExisting("s3proxy.jar", List.of(dir.resolve("s3proxy.jar"))))
			.withMessageContaining("run ./mvnw -B package first")
			.withMessageContaining(dir.resolve("s3proxy.jar").toString());
	}

}
