package io.github.s3bulkcopy.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds an S3 Inventory report the way S3 writes one (CSV format): gzipped, header-less
 * data files whose keys are URL-encoded as HTML forms encode them, a
 * {@code manifest.json} naming them with their MD5s, and {@code manifest.checksum}. The
 * demo, the tests and the benchmark use it to make realistic manifests.
 */
public final class InventoryReportBuilder {

	/**
	 * One object row of the report.
	 *
	 * @param key the key
	 * @param size the size in bytes
	 * @param etag the ETag without quotes
	 * @param multipart whether it was uploaded in parts
	 * @param storageClass its storage class, e.g. STANDARD or GLACIER
	 */
	public record Row(String key, long size, String etag, boolean multipart, String storageClass) {

		/** A row of an object in STANDARD. */
		public Row(String key, long size, String etag, boolean multipart) {
			this(key, size, etag, multipart, "STANDARD");
		}

	}

	/** The files of a finished report, by their object keys in the inventory bucket. */
	public record Report(String manifestKey, Map<String, byte[]> files) {
	}

	private static final String SCHEMA = "Bucket, Key, Size, LastModifiedDate, ETag, StorageClass, IsMultipartUploaded, "
			+ "EncryptionStatus";

	private final String sourceBucket;

	private final String inventoryBucket;

	private final String prefix;

	private final int rowsPerFile;

	private final List<Row> rows = new ArrayList<>();

	/**
	 * @param sourceBucket the bucket the report lists
	 * @param inventoryBucket the bucket the report is written to
	 * @param prefix the inventory configuration's prefix (e.g. {@code inventory})
	 * @param rowsPerFile rows per data file
	 */
	public InventoryReportBuilder(String sourceBucket, String inventoryBucket, String prefix, int rowsPerFile) {
		this.sourceBucket = sourceBucket;
		this.inventoryBucket = inventoryBucket;
		this.prefix = prefix;
		this.rowsPerFile = rowsPerFile;
	}

	public InventoryReportBuilder add(Row row) {
		this.rows.add(row);
		return this;
	}

	/** The report's files, laid out as S3 lays them out, dated {@code created}. */
	public Report build(Instant created) {
		String root = this.prefix + "/" + this.sourceBucket + "/daily";
		String date = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm'Z'").withZone(ZoneOffset.UTC).format(created);
		Map<String, byte[]> files = new LinkedHashMap<>();
		List<Map<String, Object>> fileEntries = new ArrayList<>();
		for (int start = 0; start < this.rows.size() || start == 0; start += this.rowsPerFile) {
			byte[] data = dataFile(this.rows.subList(start, Math.min(this.rows.size(), start + this.rowsPerFile)));
			String key = root + "/data/" + UUID.nameUUIDFromBytes((date + start).getBytes(StandardCharsets.UTF_8))
					+ ".csv.gz";
			files.put(key, data);
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("key", key);
			entry.put("size", data.length);
			entry.put("MD5checksum", md5(data));
			fileEntries.add(entry);
			if (this.rows.isEmpty()) {
				break;
			}
		}
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("sourceBucket", this.sourceBucket);
		manifest.put("destinationBucket", "arn:aws:s3:::" + this.inventoryBucket);
		manifest.put("version", "2016-11-30");
		manifest.put("creationTimestamp", Long.toString(created.toEpochMilli()));
		manifest.put("fileFormat", "CSV");
		manifest.put("fileSchema", SCHEMA);
		manifest.put("files", fileEntries);
		byte[] manifestJson = JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
		String manifestKey = root + "/" + date + "/manifest.json";
		files.put(manifestKey, manifestJson);
		files.put(root + "/" + date + "/manifest.checksum", md5(manifestJson).getBytes(StandardCharsets.US_ASCII));
		return new Report(manifestKey, files);
	}

	private byte[] dataFile(List<Row> rows) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (Writer out = new OutputStreamWriter(new GZIPOutputStream(bytes), StandardCharsets.UTF_8)) {
			for (Row row : rows) {
				out.write(quoted(this.sourceBucket) + "," + quoted(URLEncoder.encode(row.key(), StandardCharsets.UTF_8))
						+ "," + quoted(Long.toString(row.size())) + "," + quoted("2026-11-01T00:00:00.000Z") + ","
						+ quoted(row.etag()) + "," + quoted(row.storageClass()) + ","
						+ quoted(Boolean.toString(row.multipart())) + "," + quoted("NOT-SSE") + "\n");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static String quoted(String value) {
		return "\"" + value.replace("\"", "\"\"") + "\"";
	}

	static String md5(byte[] data) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
