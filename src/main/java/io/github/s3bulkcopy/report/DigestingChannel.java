package io.github.s3bulkcopy.report;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.jspecify.annotations.Nullable;

/**
 * A channel that writes to another and computes the SHA-256 of what it wrote on a thread
 * of its own, as the bytes pass: the digest of a large report file then costs the writer
 * a copy of each buffer instead of reading the file again and digesting it afterwards,
 * and the digesting overlaps the writing on a second core. At most {@link #QUEUED}
 * buffers wait for the digest, so its memory is bounded whatever the file's size.
 */
final class DigestingChannel implements WritableByteChannel {

	static final int QUEUED = 16;

	/** After the last buffer. */
	private static final byte[] END = new byte[0];

	private final WritableByteChannel target;

	private final BlockingQueue<byte[]> buffers = new ArrayBlockingQueue<>(QUEUED);

	private final MessageDigest digest;

	private final Thread thread;

	private boolean closed;

	/** Set by the digest thread once it has digested every buffer. */
	private volatile boolean complete;

	private @Nullable String hex;

	DigestingChannel(WritableByteChannel target) {
		this.target = target;
		try {
			this.digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
		this.thread = new Thread(this::digestAll, "report digest");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void digestAll() {
		try {
			for (byte[] buffer = this.buffers.take(); buffer != END; buffer = this.buffers.take()) {
				this.digest.update(buffer);
			}
			this.complete = true;
		}
		catch (InterruptedException ex) {
			// Abandoned: nobody asks for this digest.
		}
	}

	@Override
	public int write(ByteBuffer source) throws IOException {
		ByteBuffer written = source.duplicate();
		int count = this.target.write(source);
		byte[] copy = new byte[count];
		written.get(copy);
		try {
			this.buffers.put(copy);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while digesting a report file");
		}
		return count;
	}

	@Override
	public boolean isOpen() {
		return !this.closed;
	}

	/** Closes the target; the digest of what was written is then {@link #sha256()}. */
	@Override
	public void close() throws IOException {
		if (this.closed) {
			return;
		}
		this.closed = true;
		try {
			this.target.close();
		}
		finally {
			try {
				// Waits for room like a buffer: the digest thread drains the queue.
				this.buffers.put(END);
			}
			catch (InterruptedException ex) {
				this.thread.interrupt();
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * The SHA-256 of every byte written, as lower-case hex; waits for the digest to catch
	 * up. Only after {@link #close()}.
	 */
	String sha256() throws IOException {
		if (!this.closed) {
			throw new IllegalStateException("the channel is still open");
		}
		if (this.hex == null) {
			try {
				this.thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("interrupted while digesting a report file");
			}
			if (!this.complete) {
				throw new InterruptedIOException("the digest of a report file was cut short");
			}
			this.hex = HexFormat.of().formatHex(this.digest.digest());
		}
		return this.hex;
	}

}
