package io.github.s3bulkcopy.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A run's ledger rows sorted by key, as {@code ORDER BY SOURCE_KEY, VERSION_ID, SEQ} on
 * H2 sorts them, by an external merge sort: batches bounded in rows and bytes are sorted
 * in memory, each spilled to a temporary file, and the files merged ({@link SpillFiles}).
 * A run that fits in one batch never touches the disk. It takes the rows in plan order,
 * which H2 reads without sorting, where H2's own sort of a run costs more per row the
 * larger the run. Written here rather than taken from a library: the well-kept Java
 * external sorts (externalsortinginjava) sort lines of text, which rows with arbitrary
 * keys would have to be escaped into and parsed out of at every comparison.
 */
final class KeySortedRows {

	/**
	 * H2's order: {@link PlannedObject#REPORT_ORDER}, then the plan's sequence.
	 */
	static final Comparator<LedgerRow> ORDER = Comparator.comparing(LedgerRow::planned, PlannedObject.REPORT_ORDER)
		.thenComparingLong((row) -> row.planned().seq());

	private KeySortedRows() {
	}

	/**
	 * Sorts {@code rows} (read to the end and closed here). The stream returned must be
	 * closed: that deletes the spill files.
	 */
	static Stream<LedgerRow> sort(Stream<LedgerRow> rows, Limits limits) {
		SpillFiles spills = new SpillFiles(limits.directory());
		try (rows) {
			List<LedgerRow> batch = new ArrayList<>();
			long bytes = 0;
			Iterator<LedgerRow> each = rows.iterator();
			while (each.hasNext()) {
				LedgerRow row = each.next();
				if (batch.size() >= limits.rows() || bytes >= limits.bytes()) {
					batch.sort(ORDER);
					spills.write(batch);
					batch.clear();
					bytes = 0;
				}
				batch.add(row);
				bytes += estimatedBytes(row);
			}
			batch.sort(ORDER);
			if (spills.isEmpty()) {
				return batch.stream();
			}
			spills.write(batch);
			return spills.merged();
		}
		catch (IOException ex) {
			UncheckedIOException failure = new UncheckedIOException(
					"Could not sort the ledger's rows in " + limits.directory(), ex);
			delete(spills, failure);
			throw failure;
		}
		catch (RuntimeException | Error ex) {
			delete(spills, ex);
			throw ex;
		}
	}

	/** Deletes the files, keeping the failure that stopped the sort the one reported. */
	private static void delete(SpillFiles spills, Throwable failure) {
		try {
			spills.close();
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(ex);
		}
	}

	/**
	 * A row's heap footprint, over-estimated: its objects, and its strings at two bytes a
	 * character.
	 */
	static long estimatedBytes(LedgerRow row) {
		PlannedObject p = row.planned();
		long chars = p.sourceBucket().length() + p.sourceKey().length() + p.destinationKey().length()
				+ length(p.versionId()) + length(p.etag()) + length(p.storageClass())
				+ length(p.destinationVersionId());
		ObjectOutcome outcome = row.outcome();
		if (outcome != null) {
			chars += length(outcome.message()) + length(outcome.errorCode())
					+ length(outcome.verification().sourceValue()) + length(outcome.verification().destinationValue())
					+ length(outcome.verification().reason());
		}
		return 640 + 2 * chars;
	}

	private static int length(@Nullable String value) {
		return (value != null) ? value.length() : 0;
	}

	/**
	 * How much of a run is sorted in memory at a time, and where the rest waits.
	 *
	 * @param rows the most rows in memory
	 * @param bytes the most bytes of rows in memory, by {@link #estimatedBytes}
	 * @param directory where the spill files go (a folder of their own, deleted when the
	 * sorted rows are closed)
	 */
	record Limits(int rows, long bytes, Path directory) {

		Limits {
			Assert.isTrue(rows > 0, "rows must be positive");
			Assert.isTrue(bytes > 0, "bytes must be positive");
			Assert.notNull(directory, "directory is required");
		}

		/**
		 * An eighth of the heap, at most 64 MiB or 200,000 rows, in the JVM's temporary
		 * folder ({@code java.io.tmpdir}).
		 */
		static Limits defaults() {
			long bytes = Math.min(64L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 8);
			return new Limits(200_000, bytes, Path.of(System.getProperty("java.io.tmpdir")));
		}

	}

}
