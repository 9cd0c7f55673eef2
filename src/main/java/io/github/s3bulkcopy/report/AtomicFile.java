package io.github.s3bulkcopy.report;

import java.io.BufferedWriter;
import java.io.Closeable;
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
 * One UTF-8 text file being written so that it appears under its name complete or not at
 * all: the content goes to a hidden temporary file in the same folder, is forced to disk
 * on {@link #commit()}, and is then renamed over the target in one atomic step. Closing
 * without committing deletes the temporary file, so an exception while writing leaves at
 * most the old file under the target name. Several can be open at once, which a single
 * pass over the ledger that feeds several files needs.
 */
final class AtomicFile implements Closeable {

	private static final int BUFFER_SIZE = 64 * 1024;

	private final Path target;

	private final Path temporary;

	private final FileChannel channel;

	private final Writer writer;

	private final @Nullable DigestingChannel digesting;

	private @Nullable String sha256;

	private boolean done;

	private AtomicFile(Path target, Path temporary, FileChannel channel, boolean digest) {
		this.target = target;
		this.temporary = temporary;
		this.channel = channel;
		this.digesting = digest ? new DigestingChannel(channel) : null;
		this.writer = new BufferedWriter(Channels.newWriter((this.digesting != null) ? this.digesting : channel,
				StandardCharsets.UTF_8.newEncoder(), BUFFER_SIZE), BUFFER_SIZE);
	}

	/** Starts writing {@code target}; its folder must exist. */
	static AtomicFile create(Path target) throws IOException {
		return create(target, false);
	}

	/**
	 * Starts writing {@code target}, its folder must exist; with {@code digest}, its
	 * SHA-256 is computed as it is written ({@link #sha256()}).
	 */
	static AtomicFile create(Path target, boolean digest) throws IOException {
		Path absolute = target.toAbsolutePath();
		Path folder = absolute.getParent();
		if (folder == null) {
			throw new IllegalArgumentException("'" + target + "' names no file in a folder");
		}
		// Created with the process umask (not createTempFile's owner-only mode), so the
		// report is as readable as any other file the run writes.
		Path temporary = folder.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
		return new AtomicFile(absolute, temporary,
				FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), digest);
	}

	Writer writer() {
		return this.writer;
	}

	Path target() {
		return this.target;
	}

	/**
	 * Forces the content to disk and moves it under the target name, replacing any
	 * earlier file.
	 */
	void commit() throws IOException {
		this.writer.flush();
		this.channel.force(true);
		this.writer.close();
		if (this.digesting != null) {
			this.sha256 = this.digesting.sha256();
		}
		Files.move(this.temporary, this.target, StandardCopyOption.ATOMIC_MOVE);
		this.done = true;
	}

	/**
	 * The committed file's SHA-256 as lower-case hex, when it was created to compute it;
	 * else null.
	 */
	@Nullable String sha256() {
		return this.sha256;
	}

	/** Abandons the file unless it was committed. */
	@Override
	public void close() throws IOException {
		if (this.done) {
			return;
		}
		this.done = true;
		try {
			this.writer.close();
		}
		catch (IOException ex) {
			// The temporary file is deleted below whatever its writer says.
		}
		Files.deleteIfExists(this.temporary);
	}

}
