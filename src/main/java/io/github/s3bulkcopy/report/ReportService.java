package io.github.s3bulkcopy.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.s3bulkcopy.ledger.LedgerRow;

/**
 * Writes the report set of one run, by default into {@code <root>/<job>/<runId>/}, in one
 * pass over the ledger rows:
 * <ol>
 * <li>{@code completion-report.csv} and, fed by the same pass, {@code batch-operations/}
 * (S3 Batch Operations' layout);</li>
 * <li>{@code summary.json}, then {@code report.html}, from what the pass counted;</li>
 * <li>{@code SHA256SUMS} over every file above, last: its presence means the set is
 * complete.</li>
 * </ol>
 * Writing again for the same run replaces the set: {@code SHA256SUMS} is removed first,
 * so a rewrite that dies half way is seen as incomplete, and result files of the earlier
 * set that the new one does not have are deleted. Each file appears under its name only
 * once complete.
 * <p>
 * Plain code: it receives rows and metadata and knows nothing of Spring Batch or the
 * database.
 */
public class ReportService {

	/**
	 * The names a job may have (as the job file allows them), so a job name can never
	 * leave the report root.
	 */
	private static final Pattern JOB_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

	private final SummaryWriter summaryWriter;

	private final HtmlReportWriter htmlWriter = new HtmlReportWriter();

	private final Clock clock;

	private final long maxResultRowsPerFile;

	public ReportService() {
		this(new SummaryWriter(), Clock.systemUTC(), BatchOperationsReport.DEFAULT_MAX_ROWS_PER_FILE);
	}

	public ReportService(SummaryWriter summaryWriter) {
		this(summaryWriter, Clock.systemUTC(), BatchOperationsReport.DEFAULT_MAX_ROWS_PER_FILE);
	}

	/**
	 * @param summaryWriter writes {@code summary.json}
	 * @param clock tells when a set is written
	 * @param maxResultRowsPerFile rows per Batch Operations result CSV before the next
	 * file starts
	 */
	public ReportService(SummaryWriter summaryWriter, Clock clock, long maxResultRowsPerFile) {
		this.summaryWriter = Objects.requireNonNull(summaryWriter, "summaryWriter is required");
		this.clock = Objects.requireNonNull(clock, "clock is required");
		this.maxResultRowsPerFile = maxResultRowsPerFile;
	}

	/**
	 * Writes the run's report set into {@code <root>/<job>/<runId>/}, to stay on disk.
	 * The stream is consumed but not closed: whoever opened it closes it.
	 * @param root the report root folder; created if missing
	 * @param run the run's metadata; its destination bucket is written on every row
	 * @param rows the run's ledger rows, sorted as they should appear
	 * @return where the files are and what they say
	 * @throws IOException if a file cannot be written; no file is then left half written
	 */
	public WrittenReport write(Path root, RunMetadata run, Stream<LedgerRow> rows) throws IOException {
		Objects.requireNonNull(rows, "rows is required");
		return write(root, run, rows.iterator());
	}

	/**
	 * Writes the run's report set into {@code <root>/<job>/<runId>/}, to stay on disk.
	 * @param root the report root folder; created if missing
	 * @param run the run's metadata; its destination bucket is written on every row
	 * @param rows the run's ledger rows, sorted as they should appear
	 * @return where the files are and what they say
	 * @throws IOException if a file cannot be written; no file is then left half written
	 */
	public WrittenReport write(Path root, RunMetadata run, Iterator<LedgerRow> rows) throws IOException {
		Objects.requireNonNull(run, "run is required");
		return writeInto(runFolder(root, run.job(), run.runId()), SetLocation.LOCAL, run, rows);
	}

	/**
	 * Writes the run's report set into {@code folder}.
	 * @param folder the set's folder; created if missing
	 * @param location where the set will be read from, for the files that name other
	 * files of it
	 * @param run the run's metadata; its destination bucket is written on every row
	 * @param rows the run's ledger rows, sorted as they should appear
	 * @return where the files are and what they say
	 * @throws IOException if a file cannot be written; no file is then left half written
	 */
	public WrittenReport writeInto(Path folder, SetLocation location, RunMetadata run, Iterator<LedgerRow> rows)
			throws IOException {
		Objects.requireNonNull(folder, "folder is required");
		Objects.requireNonNull(location, "location is required");
		Objects.requireNonNull(run, "run is required");
		Objects.requireNonNull(rows, "rows is required");
		Files.createDirectories(folder);
		Files.deleteIfExists(folder.resolve(ReportChecksums.FILE_NAME));
		Instant now = this.clock.instant();
		RunFactsCollector collector = new RunFactsCollector(HtmlReportWriter.MAX_FAILED_ROWS);
		List<String> files = new ArrayList<>();
		Path csv = folder.resolve(CompletionReportWriter.FILE_NAME);
		String csvSha256;
		try (BatchOperationsReport batchOperations = new BatchOperationsReport(folder, location,
				this.maxResultRowsPerFile)) {
			csvSha256 = new CompletionReportWriter(run.destination().bucket()).write(csv, rows, (row) -> {
				if (!row.outcome().isExtra()) {
					// Batch Operations' layout reports tasks of the manifest; extras are
					// not among them.
					batchOperations.add(row);
				}
				collector.add(row);
			});
			files.add(CompletionReportWriter.FILE_NAME);
			files.addAll(batchOperations.finish(now));
		}
		deleteStaleResults(folder, files);
		RunFacts facts = collector.facts();
		RunSummary summary = RunSummary.of(run, facts, CompletionReportWriter.FILE_NAME);
		Path json = folder.resolve(SummaryWriter.FILE_NAME);
		this.summaryWriter.write(json, summary);
		files.add(SummaryWriter.FILE_NAME);
		files.add(HtmlReportWriter.FILE_NAME);
		List<String> listed = new ArrayList<>(files);
		listed.add(ReportChecksums.FILE_NAME);
		this.htmlWriter.write(folder.resolve(HtmlReportWriter.FILE_NAME), run, summary, facts, listed, now);
		ReportChecksums.write(folder, files, Map.of(CompletionReportWriter.FILE_NAME, csvSha256));
		return new WrittenReport(folder, csv, json, facts.totals(), summary, List.copyOf(listed));
	}

	private static void deleteStaleResults(Path folder, List<String> written) throws IOException {
		Path results = folder.resolve(BatchOperationsReport.FOLDER).resolve("results");
		try (Stream<Path> files = Files.list(results)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				String name = BatchOperationsReport.FOLDER + "/results/" + file.getFileName();
				if (!written.contains(name) && !file.getFileName().toString().startsWith(".")) {
					Files.delete(file);
				}
			}
		}
	}

	/**
	 * The folder a run's report goes to: {@code <root>/<job>/<runId>}.
	 * @throws IllegalArgumentException if the job name is not one a job file allows
	 */
	public static Path runFolder(Path root, String job, long runId) {
		Objects.requireNonNull(root, "root is required");
		Objects.requireNonNull(job, "job is required");
		if (!JOB_NAME.matcher(job).matches()) {
			throw new IllegalArgumentException("'" + job
					+ "' is not a job name: 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
		}
		return root.resolve(job).resolve(Long.toString(runId));
	}

}
