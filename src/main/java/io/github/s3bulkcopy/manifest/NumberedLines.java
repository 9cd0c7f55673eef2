package io.github.s3bulkcopy.manifest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The lines of one manifest file, one at a time, with their 1-based numbers for error
 * messages and restart positions. Bytes that are not UTF-8 are an error naming the line,
 * rather than being replaced and copied under a wrong key. Lines end at {@code \n}, with
 * an optional {@code \r} before it. Each line is decoded on its own (a
 * {@link java.io.BufferedReader} decodes ahead and would blame the wrong line).
 */
final class NumberedLines implements Closeable {

	/**
	 * A row names one key of at most 1024 bytes, three times that encoded; a longer line
	 * is a corrupt file.
	 */
	static final int MAX_LINE_BYTES = 1024 * 1024;

	private final InputStream in;

	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	private final byte[] buffer = new byte[64 * 1024];

	private int position;

	private int limit;

	private byte[] line = new byte[256];

	/** Whether the line last read is all ASCII. */
	private boolean ascii;

	private final String name;

	private long lineNumber;

	/**
	 * @param in the file's (decompressed) bytes; closed by {@link #close()}
	 * @param name how error messages name the file
	 */
	NumberedLines(InputStream in, String name) {
		this.in = in;
		this.name = name;
	}

	/** The next line without its terminator, or null at the end of the file. */
	@Nullable String next() {
		int length;
		try {
			length = readLineBytes();
		}
		catch (IOException | UncheckedIOException ex) {
			throw new ManifestException(this.name + " line " + (this.lineNumber + 1) + ": cannot read: " + ex, ex);
		}
		if (length < 0) {
			return null;
		}
		this.lineNumber++;
		if (length > 0 && this.line[length - 1] == '\r') {
			length--;
		}
		if (this.ascii) {
			// ASCII is UTF-8 unchanged, and manifests URL-encode their keys: almost every
			// line takes this way.
			return new String(this.line, 0, length, StandardCharsets.ISO_8859_1);
		}
		try {
			return this.decoder.decode(ByteBuffer.wrap(this.line, 0, length)).toString();
		}
		catch (CharacterCodingException ex) {
			throw fault(this.lineNumber, "not valid UTF-8");
		}
	}

	/**
	 * Reads up to the next {@code \n} into {@link #line}, noting in {@link #ascii}
	 * whether every byte is ASCII; returns the length, or -1 at the end of the file.
	 */
	private int readLineBytes() throws IOException {
		int length = 0;
		int bits = 0;
		boolean any = false;
		while (true) {
			if (this.position == this.limit) {
				this.limit = this.in.read(this.buffer);
				this.position = 0;
				if (this.limit <= 0) {
					this.limit = 0;
					this.ascii = bits >= 0;
					return any ? length : -1;
				}
			}
			any = true;
			byte[] buffer = this.buffer;
			int start = this.position;
			int end = start;
			while (end < this.limit && buffer[end] != '\n') {
				bits |= buffer[end];
				end++;
			}
			int count = end - start;
			if (length + count > MAX_LINE_BYTES) {
				throw fault(this.lineNumber + 1, "line longer than " + MAX_LINE_BYTES + " bytes");
			}
			if (length + count > this.line.length) {
				this.line = Arrays.copyOf(this.line, Math.max(length + count, this.line.length * 2));
			}
			System.arraycopy(buffer, start, this.line, length, count);
			length += count;
			if (end < this.limit) {
				this.position = end + 1;
				this.ascii = bits >= 0;
				return length;
			}
			this.position = end;
		}
	}

	/**
	 * Skips to just after line {@code count}, where a restarted read resumes.
	 * @throws ManifestException if the file has fewer lines, so it is not the file the
	 * saved position refers to
	 */
	void skip(long count) {
		while (this.lineNumber < count) {
			if (next() == null) {
				throw new ManifestException(this.name + ": the saved restart position is line " + count
						+ " but the file has only " + this.lineNumber + " lines; did the manifest change?");
			}
		}
	}

	/** The number of the line last returned by {@link #next()}, 0 before the first. */
	long lineNumber() {
		return this.lineNumber;
	}

	String name() {
		return this.name;
	}

	/** An error about line {@code line} of this file, worded "FILE line N: problem". */
	ManifestException fault(long line, String problem) {
		return new ManifestException(this.name + " line " + line + ": " + problem);
	}

	@Override
	public void close() {
		try {
			this.in.close();
		}
		catch (IOException ex) {
			// Nothing was written, so a failing close loses nothing.
		}
	}

}
