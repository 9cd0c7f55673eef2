package io.github.s3bulkcopy.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

import io.github.s3bulkcopy.ledger.ExtraObject;
import io.github.s3bulkcopy.ledger.LedgerRow;
import io.github.s3bulkcopy.verify.VerificationMethod;
import io.github.s3bulkcopy.verify.VerifyFinding;

/**
 * Writes the report of a verify run into {@code <root>/<job>.verify/<run>/}:
 * {@code verify-report.csv} (one row per object of the manifest, in the order the ledger
 * streams them: by key), then {@code summary.json} with the counts by finding and by
 * method, written last so its presence means the folder is complete. The CSV is written
 * the way {@link CompletionReportWriter} writes its own: UTF-8, RFC 4180, LF, atomically,
 * rows never held in memory.
 */
public class VerifyReportWriter {

	/** The report's file name inside a verify run's folder. */
	public static final String FILE_NAME = "verify-report.csv";

	/**
	 * Writes the run's report, replacing any earlier one.
	 * @param root the report root folder; created if missing
	 * @param run the run's metadata (its status and exit code included)
	 * @param method the job's {@code verify.method}
	 * @param required the job's {@code verify.require}
	 * @param rows the run's ledger rows, sorted as they should appear
	 * @return what {@code summary.json} says
	 */
	public VerifySummary write(Path root, RunMetadata run, String method, boolean required, Iterator<LedgerRow> rows)
			throws IOException {
		return write(root, run, method, required, rows, Collections.emptyIterator(), 0);
	}

	/**
	 * Writes the run's report, replacing any earlier one: the plan's rows, then the
	 * destination objects no object of the plan maps to, as EXTRA_AT_DESTINATION.
	 * @param root the report root folder; created if missing
	 * @param run the run's metadata (its status and exit code included)
	 * @param method the job's {@code verify.method}
	 * @param required the job's {@code verify.require}
	 * @param rows the run's ledger rows, sorted as they should appear
	 * @param extras the destination objects outside the plan, in listing order
	 * @param leftOutByFilters destination objects outside the plan that the job's filters
	 * leave out
	 * @return what {@code summary.json} says
	 */
	public VerifySummary write(Path root, RunMetadata run, String method, boolean required, Iterator<LedgerRow> rows,
			Iterator<ExtraObject> extras, long leftOutByFilters) throws IOException {
		Objects.requireNonNull(run, "run is required");
		Objects.requireNonNull(rows, "rows is required");
		Path folder = Files.createDirectories(ReportService.runFolder(root, run.job(), run.runId()));
		Map<VerifyFinding, Long> findings = zeros(VerifyFinding.class);
		Map<VerificationMethod, Long> methods = zeros(VerificationMethod.class);
		AtomicFiles.write(folder.resolve(FILE_NAME), (out) -> {
			Csv.writeRecord(out, VerifyReportRow.HEADER);
			while (rows.hasNext()) {
				VerifyReportRow row = VerifyReportRow.of(rows.next(), run.destination().bucket());
				Csv.writeRecord(out, row.fields());
				findings.merge(row.finding(), 1L, Long::sum);
				if (row.verificationMethod() != null) {
					methods.merge(row.verificationMethod(), 1L, Long::sum);
				}
			}
			while (extras.hasNext()) {
				VerifyReportRow row = VerifyReportRow.ofExtra(extras.next(), run.source().bucket(),
						run.destination().bucket());
				Csv.writeRecord(out, row.fields());
				findings.merge(row.finding(), 1L, Long::sum);
			}
			return null;
		});
		VerifySummary summary = new VerifySummary(run.job(), run.runId(), run.status(), run.exitCode(), run.startTime(),
				run.endTime(), run.source(), run.destination(), run.manifest(), method, required, run.jobFileSha256(),
				findings, methods, FILE_NAME, run.toolVersion(), run.filteredOut(), leftOutByFilters);
		String json = ReportJson.MAPPER.writeValueAsString(summary);
		AtomicFiles.write(folder.resolve(SummaryWriter.FILE_NAME), (out) -> {
			out.write(json);
			out.write('\n');
			return null;
		});
		return summary;
	}

	private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
		Map<E, Long> counts = new EnumMap<>(type);
		for (E constant : type.getEnumConstants()) {
			counts.put(constant, 0L);
		}
		return counts;
	}

}
