package io.github.s3bulkcopy.ledger;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;

/**
 * The sorted batches of {@link KeySortedRows} on disk, one file each in a folder of their
 * own (created at the first batch, readable by its owner only), and their k-way merge.
 * More files than {@link #FAN_IN} are first merged into fewer, so that the merge holds a
 * bounded number of files open and buffers in memory. {@link #close()} deletes the
 * folder.
 */
final class SpillFiles implements Closeable {

	/** The most files merged at once. */
	static final int FAN_IN = 256;

	private static final int READ_BUFFER = 32 * 1024;

	private static final int WRITE_BUFFER = 256 * 1024;

	private final Path parent;

	private @Nullable Path folder;

	private final List<Spill> spills = new ArrayList<>();

	private final List<Closeable> open = new ArrayList<>();

	private int written;

	SpillFiles(Path parent) {
		this.parent = parent;
	}

	boolean isEmpty() {
		return this.spills.isEmpty();
	}

	/** Writes a sorted batch to a file of its own. */
	void write(List<LedgerRow> sorted) throws IOException {
		if (sorted.isEmpty()) {
			return;
		}
		write(sorted.iterator(), sorted.size());
	}

	/**
	 * The rows of every file in {@link KeySortedRows#ORDER}, read lazily; closing the
	 * stream deletes the files.
	 */
	Stream<LedgerRow> merged() throws IOException {
		while (this.spills.size() > FAN_IN) {
			List<Spill> group = new ArrayList<>(this.spills.subList(0, FAN_IN));
			this.spills.subList(0, FAN_IN).clear();
			Merge merge = open(group);
			write(merge, group.stream().mapToLong(Spill::rows).sum());
			merge.close();
			for (Spill spill : group) {
				Files.deleteIfExists(spill.file());
			}
		}
		Merge merge = open(this.spills);
		return StreamSupport
			.stream(Spliterators.spliteratorUnknownSize(merge, Spliterator.ORDERED | Spliterator.NONNULL), false)
			.onClose(this::close);
	}

	/** Closes the files still open and deletes the folder and every file in it. */
	@Override
	public void close() {
		for (Closeable each : this.open) {
			try {
				each.close();
			}
			catch (IOException ex) {
				// deleting anyway
			}
		}
		this.open.clear();
		Path spillFolder = this.folder;
		if (spillFolder == null) {
			return;
		}
		try (Stream<Path> files = Files.list(spillFolder)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Files.deleteIfExists(file);
			}
			Files.deleteIfExists(spillFolder);
			this.folder = null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete the sort's temporary files in " + spillFolder, ex);
		}
	}

	private void write(Iterator<LedgerRow> rows, long count) throws IOException {
		Path spillFolder = this.folder;
		if (spillFolder == null) {
			Files.createDirectories(this.parent);
			spillFolder = Files.createTempDirectory(this.parent, "s3-bulk-copy-sort-");
			this.folder = spillFolder;
		}
		Path file = spillFolder.resolve("batch-" + (++this.written) + ".bin");
		try (DataOutputStream out = new DataOutputStream(
				new BufferedOutputStream(Files.newOutputStream(file), WRITE_BUFFER))) {
			while (rows.hasNext()) {
				LedgerRowCodec.write(out, rows.next());
			}
		}
		this.spills.add(new Spill(file, count));
	}

	private Merge open(List<Spill> group) throws IOException {
		Merge merge = new Merge();
		this.open.add(merge);
		for (Spill spill : group) {
			DataInputStream in = new DataInputStream(
					new BufferedInputStream(Files.newInputStream(spill.file()), READ_BUFFER));
			merge.add(new Reader(in, spill.rows()));
		}
		return merge;
	}

	private record Spill(Path file, long rows) {
	}

	/** One file's rows, one at a time: the row at its head and how many are left. */
	private static final class Reader implements Closeable {

		private final DataInputStream in;

		private long left;

		private @Nullable LedgerRow head;

		Reader(DataInputStream in, long rows) {
			this.in = in;
			this.left = rows;
		}

		/** Reads the next row into the head; false at the end of the file. */
		boolean advance() throws IOException {
			if (this.left == 0) {
				this.head = null;
				return false;
			}
			this.left--;
			this.head = LedgerRowCodec.read(this.in);
			return true;
		}

		LedgerRow head() {
			LedgerRow row = this.head;
			if (row == null) {
				throw new NoSuchElementException();
			}
			return row;
		}

		@Override
		public void close() throws IOException {
			this.in.close();
		}

	}

	/** The k-way merge: the readers in a queue ordered by the row at their heads. */
	private static final class Merge implements Iterator<LedgerRow>, Closeable {

		private final PriorityQueue<Reader> queue = new PriorityQueue<>(
				(a, b) -> KeySortedRows.ORDER.compare(a.head(), b.head()));

		private final List<Reader> readers = new ArrayList<>();

		void add(Reader reader) throws IOException {
			this.readers.add(reader);
			if (reader.advance()) {
				this.queue.add(reader);
			}
		}

		@Override
		public boolean hasNext() {
			return !this.queue.isEmpty();
		}

		@Override
		public LedgerRow next() {
			Reader reader = this.queue.poll();
			if (reader == null) {
				throw new NoSuchElementException();
			}
			LedgerRow row = reader.head();
			try {
				if (reader.advance()) {
					this.queue.add(reader);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read the sort's temporary file", ex);
			}
			return row;
		}

		@Override
		public void close() throws IOException {
			for (Reader reader : this.readers) {
				reader.close();
			}
		}

	}

}
