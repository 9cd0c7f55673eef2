package io.github.s3bulkcopy.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;
import java.util.stream.Stream;

import io.github.s3bulkcopy.ledger.LedgerRow;

/**
 * Writes {@code completion-report.csv}: a header row, then one row per object in the
 * order the rows arrive (the ledger streams them sorted by key). The file is UTF-8
 * without a byte order mark, RFC 4180 quoted, with LF line ends; keys are written as they
 * are, not URL-encoded, and quoting keeps commas, quotes and line breaks in them intact.
 * See {@link ReportRow} for the columns.
 * <p>
 * Rows are written as they are read, never held together in memory, and counted on the
 * way into the returned {@link ReportTotals}. The file appears under its name only once
 * it is complete.
 */
public class CompletionReportWriter {

	/** The report's file name inside a run's report folder. */
	public static final String FILE_NAME = "completion-report.csv";

	private final String destinationBucket;

	/**
	 * @param destinationBucket the bucket objects were copied to, written on every row
	 */
	public CompletionReportWriter(String destinationBucket) {
		this.destinationBucket = Objects.requireNonNull(destinationBucket, "destinationBucket is required");
	}

	/**
	 * Writes the report to {@code file}, replacing any earlier one. The stream is
	 * consumed but not closed: whoever opened it closes it.
	 * @param file where the report goes; its folder must exist
	 * @param rows the run's ledger rows
	 * @return what the rows add up to
	 * @throws IOException if the file cannot be written; nothing is left under its name
	 * then (or the earlier file is)
	 */
	public ReportTotals write(Path file, Stream<LedgerRow> rows) throws IOException {
		Objects.requireNonNull(rows, "rows is required");
		return write(file, rows.iterator());
	}

	/**
	 * Writes the report to {@code file}, replacing any earlier one.
	 * @param file where the report goes; its folder must exist
	 * @param rows the run's ledger rows
	 * @return what the rows add up to
	 * @throws IOException if the file cannot be written; nothing is left under its name
	 * then (or the earlier file is)
	 */
	public ReportTotals write(Path file, Iterator<LedgerRow> rows) throws IOException {
		TotalsCounter counter = new TotalsCounter();
		write(file, rows, counter::add);
		return counter.totals();
	}

	/**
	 * Writes the report to {@code file}, replacing any earlier one, and hands every row
	 * to {@code alsoTo} as it is written, so that other files can be fed from the same
	 * single pass over the ledger.
	 * @param file where the report goes; its folder must exist
	 * @param rows the run's ledger rows
	 * @param alsoTo receives each report row after it is written
	 * @return the file's SHA-256 as lower-case hex, computed as it was written
	 * @throws IOException if the file cannot be written or {@code alsoTo} fails; nothing
	 * is left under its name then (or the earlier file is)
	 */
	public String write(Path file, Iterator<LedgerRow> rows, RowSink alsoTo) throws IOException {
		Objects.requireNonNull(file, "file is required");
		Objects.requireNonNull(rows, "rows is required");
		Objects.requireNonNull(alsoTo, "alsoTo is required");
		return AtomicFiles.writeDigested(file, (out) -> {
			Csv.writeRecord(out, ReportRow.HEADER);
			while (rows.hasNext()) {
				ReportRow row = ReportRow.of(rows.next(), this.destinationBucket);
				Csv.writeRecord(out, row.fields());
				alsoTo.accept(row);
			}
			return null;
		});
	}

	/** Receives the report's rows as they are written. */
	@FunctionalInterface
	public interface RowSink {

		void accept(ReportRow row) throws IOException;

	}

}
