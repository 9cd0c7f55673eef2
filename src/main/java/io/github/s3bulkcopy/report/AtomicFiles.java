package io.github.s3bulkcopy.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Writes a UTF-8 text file so that it appears under its name complete or not at all: the content goes to a hidden
 * temporary file in the same folder, is forced to disk, and is then renamed over the target in one atomic step. A
 * crash or an exception while writing leaves at most the old file under the target name, never half a new one.
 */
final class AtomicFiles {

	private static final int BUFFER_SIZE = 64 * 1024;

	private AtomicFiles() {
	}

	/** Produces the file's content, returning whatever the caller wants back (for example counts). */
	@FunctionalInterface
	interface Content<T extends @Nullable Object> {

		T writeTo(Writer out) throws IOException;

	}

	static <T extends @Nullable Object> T write(Path target, Content<T> content) throws IOException {
		Path absolute = target.toAbsolutePath();
		Path folder = absolute.getParent();
		if (folder == null) {
			throw new IllegalArgumentException("'" + target + "' names no file in a folder");
		}
		// Created with the process umask (not createTempFile's owner-only mode), so the report is as readable as any
		// other file the run writes.
		Path temporary = folder.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
		try {
			T result;
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE);
					Writer out = new BufferedWriter(
							Channels.newWriter(channel, StandardCharsets.UTF_8.newEncoder(), BUFFER_SIZE),
							BUFFER_SIZE)) {
				result = content.writeTo(out);
				out.flush();
				channel.force(true);
			}
			Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE);
			return result;
		}
		catch (IOException | RuntimeException | Error ex) {
			try {
				Files.deleteIfExists(temporary);
			}
			catch (IOException cleanup) {
				ex.addSuppressed(cleanup);
			}
			throw ex;
		}
	}

}
