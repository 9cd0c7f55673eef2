package io.github.s3bulkcopy.clients;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Tells the AWS Common Runtime which C library this JVM runs on, so that it need not find
 * out itself: unless {@code aws.crt.libc} is set, loading its native library starts
 * {@code ldd} on the {@code java} binary as a child process and reads its output, a tenth
 * of a second of every run's start (docs/performance.md). The libraries the JVM has
 * mapped ({@code /proc/self/maps}) answer the same question without a process: the JVM
 * that mapped musl's dynamic loader runs on musl, one that mapped {@code libc.so.6} on
 * glibc. Where neither shows (not Linux, no {@code /proc}), the property is left unset
 * and the CRT asks {@code ldd} as before.
 */
public final class CrtLibc {

	static final String PROPERTY = "aws.crt.libc";

	private CrtLibc() {
	}

	/**
	 * Sets {@code aws.crt.libc} from this process's mapped libraries, unless it is set.
	 */
	public static void preset() {
		if (System.getProperty(PROPERTY) != null) {
			return;
		}
		String libc = of(Path.of("/proc/self/maps"));
		if (libc != null) {
			System.setProperty(PROPERTY, libc);
		}
	}

	/**
	 * {@code musl} or {@code glibc}, the CRT's names for them, as a process's memory map
	 * shows; {@code null} if it shows neither or cannot be read.
	 */
	static @Nullable String of(Path maps) {
		if (!Files.isReadable(maps)) {
			return null;
		}
		boolean glibc = false;
		try (Stream<String> lines = Files.lines(maps)) {
			for (String line : (Iterable<String>) lines::iterator) {
				if (line.contains("/ld-musl-") || line.contains("/libc.musl-")) {
					return "musl";
				}
				glibc = glibc || line.endsWith("/libc.so.6");
			}
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
		return glibc ? "glibc" : null;
	}

}
