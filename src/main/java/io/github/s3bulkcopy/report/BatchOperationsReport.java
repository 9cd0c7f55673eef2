package io.github.s3bulkcopy.report;

import java.io.Closeable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.github.s3bulkcopy.ledger.ObjectStatus;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * The run's results in S3 Batch Operations' own completion report layout, so tools built
 * for those reports read ours unchanged: {@code batch-operations/manifest.json}
 * ({@code Format Report_CSV_20180820}, {@code ReportCreationDate}, {@code Results},
 * {@code ReportSchema}) and headerless result CSVs under
 * {@code batch-operations/results/}, one series per task status, each file at most
 * {@code maxRowsPerFile} rows. As in AWS's reports, keys are URL-encoded (UTF-8,
 * {@code %20} for a space, so both form and RFC 3986 decoders get the key back) and
 * successful tasks carry HTTP status 200. Pending objects (an unfinished run) are not
 * tasks that ran and are left out, as AWS leaves out tasks it never started.
 */
final class BatchOperationsReport implements Closeable {

	/** The folder of the layout inside a report set. */
	static final String FOLDER = "batch-operations";

	static final String MANIFEST = "manifest.json";

	static final String FORMAT = "Report_CSV_20180820";

	static final String SCHEMA = "Bucket, Key, VersionId, TaskStatus, ErrorCode, HTTPStatusCode, ResultMessage";

	/**
	 * As large as the result files AWS writes get, and small enough for a spreadsheet to
	 * open.
	 */
	static final long DEFAULT_MAX_ROWS_PER_FILE = 1_000_000;

	private static final DateTimeFormatter CREATION_DATE = DateTimeFormatter
		.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private final Path setFolder;

	private final SetLocation location;

	private final long maxRowsPerFile;

	private final Series succeeded = new Series("succeeded");

	private final Series failed = new Series("failed");

	BatchOperationsReport(Path setFolder, SetLocation location, long maxRowsPerFile) throws IOException {
		this.setFolder = Objects.requireNonNull(setFolder, "setFolder is required");
		this.location = Objects.requireNonNull(location, "location is required");
		if (maxRowsPerFile < 1) {
			throw new IllegalArgumentException("maxRowsPerFile must be at least 1");
		}
		this.maxRowsPerFile = maxRowsPerFile;
		Files.createDirectories(setFolder.resolve(FOLDER).resolve("results"));
	}

	/** Adds one finished object; pending ones are skipped. */
	void add(ReportRow row) throws IOException {
		if (row.outcome() == ObjectStatus.PENDING) {
			return;
		}
		boolean ok = row.outcome() != ObjectStatus.FAILED;
		Series series = ok ? this.succeeded : this.failed;
		Csv.writeRecord(series.writer(),
				Arrays.asList(row.bucket(), encodeKey(row.key()), row.versionId(), ok ? "succeeded" : "failed",
						ok ? null : row.errorCode(),
						ok ? "200" : ((row.httpStatusCode() != null) ? row.httpStatusCode().toString() : null),
						row.resultMessage()));
	}

	/**
	 * Commits the result files and writes {@code manifest.json} listing them.
	 * @return every file written, relative to the set's folder with {@code /} separators,
	 * manifest last
	 */
	List<String> finish(Instant creationDate) throws IOException {
		List<Result> results = new ArrayList<>();
		List<String> files = new ArrayList<>();
		for (Series series : List.of(this.succeeded, this.failed)) {
			series.commitCurrent();
			for (String file : series.files) {
				results.add(new Result(series.status, this.location.bucket(), Digests.md5(this.setFolder.resolve(file)),
						this.location.key(file)));
				files.add(file);
			}
		}
		String manifest = FOLDER + "/" + MANIFEST;
		String json = manifestJson(CREATION_DATE.format(creationDate), results);
		AtomicFiles.write(this.setFolder.resolve(manifest), (out) -> {
			out.write(json);
			out.write('\n');
			return null;
		});
		files.add(manifest);
		return files;
	}

	@Override
	public void close() throws IOException {
		IOException failure = null;
		for (Series series : List.of(this.succeeded, this.failed)) {
			try {
				series.abandonCurrent();
			}
			catch (IOException ex) {
				failure = ex;
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	/**
	 * A key as Batch Operations reports write it: URL-encoded UTF-8, a space as
	 * {@code %20}.
	 */
	static String encodeKey(String key) {
		return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * The numbered result files of one task status: {@code results/<status>-00001.csv},
	 * ...
	 */
	private final class Series {

		private final String status;

		private final List<String> files = new ArrayList<>();

		private @Nullable AtomicFile current;

		private long rows;

		Series(String status) {
			this.status = status;
		}

		Writer writer() throws IOException {
			if (this.current != null && this.rows >= BatchOperationsReport.this.maxRowsPerFile) {
				commitCurrent();
			}
			if (this.current == null) {
				String name = String.format(Locale.ROOT, "%s/results/%s-%05d.csv", FOLDER, this.status,
						this.files.size() + 1);
				this.current = AtomicFile.create(BatchOperationsReport.this.setFolder.resolve(name));
				this.files.add(name);
				this.rows = 0;
			}
			this.rows++;
			return this.current.writer();
		}

		void commitCurrent() throws IOException {
			if (this.current != null) {
				this.current.commit();
				this.current = null;
			}
		}

		void abandonCurrent() throws IOException {
			if (this.current != null) {
				AtomicFile file = this.current;
				this.current = null;
				file.close();
			}
		}

	}

	/**
	 * {@code manifest.json}, with AWS's field names and order, written field by field as
	 * {@link SummaryJson} writes {@code summary.json}: a record serialised by the mapper
	 * costs its first look at the record's class, which an empty run pays at its end.
	 */
	private static String manifestJson(String creationDate, List<Result> results) {
		StringWriter out = new StringWriter();
		try (JsonGenerator json = ReportJson.MAPPER.createGenerator(out)) {
			json.writeStartObject();
			json.writeStringProperty("Format", FORMAT);
			json.writeStringProperty("ReportCreationDate", creationDate);
			json.writeArrayPropertyStart("Results");
			for (Result result : results) {
				json.writeStartObject();
				json.writeStringProperty("TaskExecutionStatus", result.taskExecutionStatus());
				json.writeStringProperty("Bucket", result.bucket());
				json.writeStringProperty("MD5Checksum", result.md5Checksum());
				json.writeStringProperty("Key", result.key());
				json.writeEndObject();
			}
			json.writeEndArray();
			json.writeStringProperty("ReportSchema", SCHEMA);
			json.writeEndObject();
		}
		return out.toString();
	}

	/** One result file as {@code manifest.json} lists it. */
	private record Result(String taskExecutionStatus, String bucket, String md5Checksum, String key) {
	}

}
