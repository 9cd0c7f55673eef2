package io.github.s3bulkcopy.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Writes a UTF-8 text file in one call so that it appears under its name complete or not
 * at all (see {@link AtomicFile}).
 */
final class AtomicFiles {

	private AtomicFiles() {
	}

	/**
	 * Produces the file's content, returning whatever the caller wants back (for example
	 * counts).
	 */
	@FunctionalInterface
	interface Content<T extends @Nullable Object> {

		T writeTo(Writer out) throws IOException;

	}

	/**
	 * Writes the file as {@link #write} does and returns its SHA-256 as lower-case hex,
	 * computed as it was written.
	 */
	static String writeDigested(Path target, Content<?> content) throws IOException {
		try (AtomicFile file = AtomicFile.create(target, true)) {
			content.writeTo(file.writer());
			file.commit();
			return Objects.requireNonNull(file.sha256());
		}
	}

	static <T extends @Nullable Object> T write(Path target, Content<T> content) throws IOException {
		try (AtomicFile file = AtomicFile.create(target)) {
			T result = content.writeTo(file.writer());
			file.commit();
			return result;
		}
	}

}
