package io.github.s3bulkcopy.clients;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CrtLibc}: the C library a process runs on, from its memory map, named as the CRT
 * names it.
 */
class CrtLibcTests {

	@TempDir
	Path dir;

	@Test
	void aProcessThatMappedGlibcRunsOnGlibc() throws Exception {
		Path maps = maps("7fb627e37000-7fb627e5d000 r--p 00000000 fe:00 339380    /usr/lib/x86_64-linux-gnu/libc.so.6",
				"7fb628200000-7fb628400000 r-xp 00000000 fe:00 339381    /usr/lib/jvm/lib/server/libjvm.so");

		assertThat(CrtLibc.of(maps)).isEqualTo("glibc");
	}

	@Test
	void aProcessThatMappedMuslsLoaderRunsOnMuslEvenWithAGlibcBesideIt() throws Exception {
		Path maps = maps("7f0000000000-7f0000001000 r--p 00000000 fe:00 1    /usr/glibc-compat/lib/libc.so.6",
				"7f0000100000-7f0000200000 r-xp 00000000 fe:00 2    /lib/ld-musl-x86_64.so.1");

		assertThat(CrtLibc.of(maps)).isEqualTo("musl");
	}

	@Test
	void aMapThatShowsNeitherOrCannotBeReadAnswersNothing() throws Exception {
		Path maps = maps("7f0000000000-7f0000001000 r--p 00000000 fe:00 1    /usr/lib/libSystem.B.dylib");

		assertThat(CrtLibc.of(maps)).isNull();
		assertThat(CrtLibc.of(this.dir.resolve("missing"))).isNull();
	}

	@Test
	void aLibcSetByTheUserIsKept() {
		String before = System.getProperty(CrtLibc.PROPERTY);
		System.setProperty(CrtLibc.PROPERTY, "musl");
		try {
			CrtLibc.preset();

			assertThat(System.getProperty(CrtLibc.PROPERTY)).isEqualTo("musl");
		}
		finally {
			if (before != null) {
				System.setProperty(CrtLibc.PROPERTY, before);
			}
			else {
				System.clearProperty(CrtLibc.PROPERTY);
			}
		}
	}

	private Path maps(String... lines) throws Exception {
		return Files.write(this.dir.resolve("maps"), java.util.List.of(lines));
	}

}
