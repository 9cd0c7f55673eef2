package io.github.s3bulkcopy.clients;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.crt.CRT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CrtLibraryCache}: the CRT's library for this platform, kept once in the folder
 * named, under the name the JVM looks for on {@code java.library.path}.
 */
class CrtLibraryCacheTests {

	@TempDir
	Path dir;

	@Test
	void keepsTheCrtsLibraryForThisPlatformOnce() throws Exception {
		Path folder = this.dir.resolve("native");
		Path library = folder.resolve(System.mapLibraryName("aws-crt-jni"));

		boolean written = CrtLibraryCache.keep(folder.toString());
		Files.setLastModifiedTime(library, FileTime.fromMillis(0));
		boolean writtenAgain = CrtLibraryCache.keep(folder.toString());

		assertThat(written).isTrue();
		assertThat(writtenAgain).isFalse();
		assertThat(Files.getLastModifiedTime(library).toMillis()).as("left as it was").isZero();
		assertThat(Files.mismatch(library, resource())).as("the jar's library for this platform").isEqualTo(-1);
		try (Stream<Path> files = Files.list(folder)) {
			assertThat(files).as("no partial file is left").containsExactly(library);
		}
	}

	@Test
	void keepsNothingWhereNoFolderIsNamed() {
		assertThat(CrtLibraryCache.keep(null)).isFalse();
		assertThat(CrtLibraryCache.keep(" ")).isFalse();
	}

	@Test
	void aFolderThatCannotBeWrittenCostsOnlyTheSpeedUp() throws Exception {
		Path file = Files.writeString(this.dir.resolve("a-file"), "");

		assertThat(CrtLibraryCache.keep(file.resolve("native").toString())).isFalse();
		try (Stream<Path> files = Files.list(this.dir)) {
			assertThat(files).containsExactly(file);
		}
	}

	/** The library the CRT's jar holds for this platform, copied out for comparison. */
	private Path resource() throws IOException {
		String os = CRT.getOSIdentifier();
		String runtime = CRT.getCRuntime(os);
		String path = "/" + os + "/" + CRT.getArchIdentifier() + "/" + (runtime.isEmpty() ? "" : runtime + "/")
				+ System.mapLibraryName("aws-crt-jni");
		Path copy = this.dir.resolve("from-the-jar");
		try (InputStream in = CRT.class.getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			Files.copy(in, copy);
		}
		return copy;
	}

}
