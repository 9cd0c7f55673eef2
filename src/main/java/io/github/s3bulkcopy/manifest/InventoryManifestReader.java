package io.github.s3bulkcopy.manifest;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.util.Assert;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reads the objects an S3 Inventory report (CSV format) lists, from its
 * {@code manifest.json}: in S3 ({@code s3://bucket/.../manifest.json}, data files taken
 * from the same bucket) or in a local copy of the report. Each data file is checked
 * against its MD5 before any of its rows is returned. Delete markers are left out; every
 * version the report lists is kept. Rows whose key is outside the source prefix are
 * skipped.
 * <p>
 * Its position is the data file's index in manifest.json and the number of lines of it
 * read, saved under {@code <name>.file.index} and {@code <name>.file.line}.
 */
public class InventoryManifestReader extends ManifestReader {

	/**
	 * Context key (after the name prefix) of the index in manifest.json of the data file
	 * being read.
	 */
	public static final String FILE_INDEX_KEY = "file.index";

	/**
	 * Context key (after the name prefix) of the number of lines of that data file
	 * already read.
	 */
	public static final String FILE_LINE_KEY = "file.line";

	private final ManifestLocation location;

	private final String sourceBucket;

	private final String sourcePrefix;

	private final @Nullable S3Client s3Client;

	private @Nullable List<InventoryManifest.DataFile> files;

	private @Nullable InventoryDataFiles dataFiles;

	private @Nullable InventorySchema schema;

	private int fileIndex;

	private long linesToSkip;

	private InventoryDataFiles.@Nullable VerifiedFile currentFile;

	private @Nullable NumberedLines lines;

	/**
	 * {@code file:} of the data file being read, the origin of its rows but for the line
	 * number.
	 */
	private String origin = "";

	private int savedFileIndex;

	private long savedLine;

	/**
	 * @param location manifest.json of the report
	 * @param sourceBucket the bucket the report must be of
	 * @param sourcePrefix only keys starting with this are read ("" for all)
	 * @param s3Client reads an {@code s3://} location; may be null for a local one
	 */
	public InventoryManifestReader(ManifestLocation location, String sourceBucket, String sourcePrefix,
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
		InventoryManifest manifest = InventoryManifest.read(this.location, this.s3Client, this.sourceBucket);
		this.files = manifest.files();
		this.schema = manifest.schema();
		this.dataFiles = new InventoryDataFiles(this.location, this.s3Client);
		this.savedFileIndex = executionContext.getInt(getExecutionContextKey(FILE_INDEX_KEY), 0);
		this.savedLine = executionContext.getLong(getExecutionContextKey(FILE_LINE_KEY), 0);
		if (this.savedFileIndex > this.files.size()) {
			throw new ManifestException(this.location + ": the saved restart position is data file "
					+ this.savedFileIndex + " but manifest.json lists " + this.files.size() + "; did it change?");
		}
		this.fileIndex = this.savedFileIndex;
		// The data file is fetched and verified by the first read, so opening costs only
		// manifest.json.
		this.linesToSkip = this.savedLine;
	}

	@Override
	public @Nullable ManifestEntry read() {
		List<InventoryManifest.DataFile> files = this.files;
		Assert.state(files != null, "open() must be called before read()");
		while (true) {
			NumberedLines lines = this.lines;
			if (lines == null) {
				if (this.fileIndex >= files.size()) {
					this.savedFileIndex = this.fileIndex;
					this.savedLine = 0;
					return null;
				}
				lines = openDataFile(files.get(this.fileIndex));
			}
			String line = lines.next();
			if (line == null) {
				closeDataFile();
				this.fileIndex++;
				continue;
			}
			ManifestEntry entry = toEntry(lines, line);
			if (entry != null && entry.key().startsWith(this.sourcePrefix)) {
				this.savedFileIndex = this.fileIndex;
				this.savedLine = lines.lineNumber();
				return entry;
			}
		}
	}

	private NumberedLines openDataFile(InventoryManifest.DataFile file) {
		Assert.state(this.dataFiles != null, "open() must be called before read()");
		this.currentFile = this.dataFiles.fetch(file);
		NumberedLines lines = this.currentFile.lines();
		this.lines = lines;
		this.origin = lines.name() + ":";
		lines.skip(this.linesToSkip);
		this.linesToSkip = 0;
		return lines;
	}

	private @Nullable ManifestEntry toEntry(NumberedLines lines, String line) {
		Assert.state(this.schema != null, "open() must be called before read()");
		if (line.isEmpty()) {
			return null;
		}
		try {
			return this.schema.toEntry(CsvFields.parse(line), this.sourceBucket, this.origin + lines.lineNumber());
		}
		catch (IllegalArgumentException ex) {
			throw lines.fault(lines.lineNumber(), ex.getMessage());
		}
	}

	@Override
	public void update(ExecutionContext executionContext) {
		executionContext.putInt(getExecutionContextKey(FILE_INDEX_KEY), this.savedFileIndex);
		executionContext.putLong(getExecutionContextKey(FILE_LINE_KEY), this.savedLine);
	}

	@Override
	public void close() {
		closeDataFile();
		this.files = null;
		this.schema = null;
		this.dataFiles = null;
	}

	private void closeDataFile() {
		if (this.lines != null) {
			this.lines.close();
			this.lines = null;
		}
		if (this.currentFile != null) {
			this.currentFile.close();
			this.currentFile = null;
		}
	}

}
