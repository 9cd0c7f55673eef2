package io.github.s3bulkcopy.manifest;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.util.Assert;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reads an S3 Batch Operations CSV manifest ({@code S3BatchOperations_CSV_20180820}):
 * rows {@code bucket,key} or {@code bucket,key,versionId}, no header, URL-encoded keys,
 * fields optionally quoted. As with Batch Operations, version ids are on every row or on
 * none, and every row must name the source bucket. Blank lines at the end are ignored.
 * Rows whose key is outside the source prefix are skipped.
 * <p>
 * Its position is the number of lines read, saved under {@code <name>.line}.
 */
public class CsvManifestReader extends ManifestReader {

	/** Context key (after the name prefix) of the number of lines already read. */
	public static final String LINE_KEY = "line";

	private final ManifestLocation location;

	private final String sourceBucket;

	private final String sourcePrefix;

	private final @Nullable S3Client s3Client;

	private @Nullable NumberedLines lines;

	/**
	 * Whether the rows carry version ids, as the first row decides; null before it is
	 * read.
	 */
	private @Nullable Boolean versioned;

	/** The first blank line of a run of them, 0 if the last line read was not blank. */
	private long blankLine;

	private long savedLine;

	/**
	 * @param location the CSV file
	 * @param sourceBucket the bucket every row must name
	 * @param sourcePrefix only keys starting with this are read ("" for all)
	 * @param s3Client reads an {@code s3://} location; may be null for a local one
	 */
	public CsvManifestReader(ManifestLocation location, String sourceBucket, String sourcePrefix,
			@Nullable S3Client s3Client) {
		Assert.notNull(location, "location is required");
		Assert.hasText(sourceBucket, "sourceBucket is required");
		Assert.notNull(sourcePrefix, "sourcePrefix is required");
		this.location = location;
		this.sourceBucket = sourceBucket;
		this.sourcePrefix = sourcePrefix;
		this.s3Client = s3Client;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		NumberedLines lines = new NumberedLines(this.location.open(this.s3Client), this.location.toString());
		this.lines = lines;
		this.versioned = null;
		this.blankLine = 0;
		this.savedLine = executionContext.getLong(getExecutionContextKey(LINE_KEY), 0);
		// The lines already planned are read again, not trusted: the first of them
		// decides whether rows carry versions.
		while (lines.lineNumber() < this.savedLine) {
			String line = lines.next();
			if (line == null) {
				throw new ManifestException(this.location + ": the saved restart position is line " + this.savedLine
						+ " but the file has only " + lines.lineNumber() + " lines; did the manifest change?");
			}
			if (this.versioned == null && !line.isBlank()) {
				toEntry(lines, line);
			}
		}
	}

	@Override
	public @Nullable ManifestEntry read() {
		NumberedLines lines = this.lines;
		Assert.state(lines != null, "open() must be called before read()");
		while (true) {
			String line = lines.next();
			if (line == null) {
				this.savedLine = lines.lineNumber();
				return null;
			}
			if (line.isBlank()) {
				this.blankLine = (this.blankLine == 0) ? lines.lineNumber() : this.blankLine;
				continue;
			}
			if (this.blankLine != 0) {
				throw lines.fault(this.blankLine, "blank line before more rows");
			}
			ManifestEntry entry = toEntry(lines, line);
			if (entry.key().startsWith(this.sourcePrefix)) {
				this.savedLine = lines.lineNumber();
				return entry;
			}
		}
	}

	private ManifestEntry toEntry(NumberedLines lines, String line) {
		long number = lines.lineNumber();
		try {
			List<String> fields = CsvFields.parse(line);
			if (fields.size() < 2 || fields.size() > 3) {
				throw new IllegalArgumentException(
						"expected bucket,key or bucket,key,versionId but found " + fields.size() + " field(s)");
			}
			String bucket = fields.get(0);
			if (!bucket.equals(this.sourceBucket)) {
				throw new IllegalArgumentException(
						"row names bucket '" + bucket + "', but the source bucket is '" + this.sourceBucket + "'");
			}
			String key = ObjectKeys.decodeKey(fields.get(1));
			String versionId = (fields.size() == 3) ? ObjectKeys.decodeVersionId(fields.get(2)) : null;
			checkVersioning(versionId != null);
			return ManifestEntry.of(bucket, key, versionId, lines.name() + ":" + number);
		}
		catch (IllegalArgumentException ex) {
			throw lines.fault(number, ex.getMessage());
		}
	}

	/**
	 * A manifest that versions some rows only is most likely two manifests run together;
	 * refuse to guess.
	 */
	private void checkVersioning(boolean hasVersion) {
		if (this.versioned == null) {
			this.versioned = hasVersion;
		}
		else if (this.versioned != hasVersion) {
			throw new IllegalArgumentException(this.versioned ? "no version id, but earlier rows have one"
					: "a version id, but earlier rows have none (version ids must be on all rows or none)");
		}
	}

	@Override
	public void update(ExecutionContext executionContext) {
		executionContext.putLong(getExecutionContextKey(LINE_KEY), this.savedLine);
	}

	@Override
	public void close() {
		if (this.lines != null) {
			this.lines.close();
			this.lines = null;
		}
	}

}
