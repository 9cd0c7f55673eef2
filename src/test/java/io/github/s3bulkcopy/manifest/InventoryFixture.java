package io.github.s3bulkcopy.manifest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes an S3 Inventory report the way S3 lays one out under its destination prefix:
 * {@code inventory/<bucket>/<config>/<date>/manifest.json} and
 * {@code inventory/<bucket>/<config>/data/<name>}.
 */
final class InventoryFixture {

	static final String FULL_SCHEMA = "Bucket, Key, VersionId, IsLatest, IsDeleteMarker, Size, LastModifiedDate, ETag, "
			+ "StorageClass, IsMultipartUploaded, ReplicationStatus, EncryptionStatus, ObjectLockRetainUntilDate, "
			+ "ObjectLockMode, ObjectLockLegalHoldStatus, IntelligentTieringAccessTier, BucketKeyStatus, "
			+ "ChecksumAlgorithm";

	private final Path root;

	private final String bucket;

	private String schema = "Bucket, Key, Size";

	private String format = "CSV";

	private final List<String> fileEntries = new ArrayList<>();

	InventoryFixture(Path root, String bucket) {
		this.root = root;
		this.bucket = bucket;
	}

	InventoryFixture schema(String schema) {
		this.schema = schema;
		return this;
	}

	InventoryFixture format(String format) {
		this.format = format;
		return this;
	}

	String dataKey(String name) {
		return "inventory/" + this.bucket + "/daily/data/" + name;
	}

	/** Adds a data file with these lines; gzip-compressed if the name ends with .gz. */
	InventoryFixture dataFile(String name, String... lines) {
		byte[] raw = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
		byte[] stored = name.endsWith(".gz") ? gzip(raw) : raw;
		return dataFile(name, stored, InventoryManifest.md5Hex(stored));
	}

	/**
	 * Adds a data file with these bytes and this MD5 in manifest.json (to fake a corrupt
	 * file).
	 */
	InventoryFixture dataFile(String name, byte[] stored, String md5) {
		String key = dataKey(name);
		write(this.root.resolve(key), stored);
		this.fileEntries
			.add("{\"key\": \"" + key + "\", \"size\": " + stored.length + ", \"MD5checksum\": \"" + md5 + "\"}");
		return this;
	}

	/** Lists a data file in manifest.json without writing it. */
	InventoryFixture missingDataFile(String name) {
		this.fileEntries.add("{\"key\": \"" + dataKey(name) + "\", \"size\": 1, \"MD5checksum\": \"00\"}");
		return this;
	}

	/**
	 * Writes manifest.json (and manifest.checksum) and returns where manifest.json is.
	 */
	Path write() {
		String json = """
				{
				  "sourceBucket" : "%s",
				  "destinationBucket" : "arn:aws:s3:::inventory-dest",
				  "version" : "2016-11-30",
				  "creationTimestamp" : "1718150400000",
				  "fileFormat" : "%s",
				  "fileSchema" : "%s",
				  "files" : [ %s ]
				}
				""".formatted(this.bucket, this.format, this.schema, String.join(", ", this.fileEntries));
		Path folder = this.root.resolve("inventory/" + this.bucket + "/daily/2024-06-12T01-00Z");
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		write(folder.resolve("manifest.json"), bytes);
		write(folder.resolve("manifest.checksum"), InventoryManifest.md5Hex(bytes).getBytes(StandardCharsets.US_ASCII));
		return folder.resolve("manifest.json");
	}

	static byte[] gzip(byte[] raw) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(raw);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static void write(Path file, byte[] bytes) {
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
