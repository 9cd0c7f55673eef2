package io.github.s3bulkcopy.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.s3bulkcopy.ledger.LedgerRow;

/**
 * Writes the report of one run into {@code <root>/<job>/<runId>/}: {@code completion-report.csv} from the ledger rows,
 * then {@code summary.json} from the totals counted on the way. The summary is written last, so its presence means the
 * folder holds a complete report. Writing again for the same run replaces both files.
 * <p>
 * Plain code: it receives rows and metadata and knows nothing of Spring Batch or the database.
 */
public class ReportService {

	/** The names a job may have (as the job file allows them), so a job name can never leave the report root. */
	private static final Pattern JOB_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

	private final SummaryWriter summaryWriter;

	public ReportService() {
		this(new SummaryWriter());
	}

	public ReportService(SummaryWriter summaryWriter) {
		this.summaryWriter = Objects.requireNonNull(summaryWriter, "summaryWriter is required");
	}

	/**
	 * Writes the run's report. The stream is consumed but not closed: whoever opened it closes it.
	 * @param root the report root folder (the job file's {@code report.location}); created if missing
	 * @param run the run's metadata; its destination bucket is written on every row
	 * @param rows the run's ledger rows, sorted as they should appear
	 * @return where the files are and what they say
	 * @throws IOException if a file cannot be written; neither file is then left half written
	 */
	public WrittenReport write(Path root, RunMetadata run, Stream<LedgerRow> rows) throws IOException {
		Objects.requireNonNull(rows, "rows is required");
		return write(root, run, rows.iterator());
	}

	/**
	 * Writes the run's report.
	 * @param root the report root folder (the job file's {@code report.location}); created if missing
	 * @param run the run's metadata; its destination bucket is written on every row
	 * @param rows the run's ledger rows, sorted as they should appear
	 * @return where the files are and what they say
	 * @throws IOException if a file cannot be written; neither file is then left half written
	 */
	public WrittenReport write(Path root, RunMetadata run, Iterator<LedgerRow> rows) throws IOException {
		Objects.requireNonNull(run, "run is required");
		Objects.requireNonNull(rows, "rows is required");
		Path folder = Files.createDirectories(runFolder(root, run.job(), run.runId()));
		Path csv = folder.resolve(CompletionReportWriter.FILE_NAME);
		ReportTotals totals = new CompletionReportWriter(run.destination().bucket()).write(csv, rows);
		RunSummary summary = RunSummary.of(run, totals, CompletionReportWriter.FILE_NAME);
		Path json = folder.resolve(SummaryWriter.FILE_NAME);
		this.summaryWriter.write(json, summary);
		return new WrittenReport(folder, csv, json, totals, summary);
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
