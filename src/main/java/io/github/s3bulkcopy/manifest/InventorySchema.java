package io.github.s3bulkcopy.manifest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The columns of an inventory report's data files, in the order its {@code fileSchema}
 * lists them, and how one row of them becomes a {@link ManifestEntry}. Columns a report
 * was not configured with are simply absent; only Bucket and Key are needed.
 */
final class InventorySchema {

	private final List<String> columns;

	private final int bucket;

	private final int key;

	private final int versionId;

	private final int isDeleteMarker;

	private final int size;

	private final int etag;

	private final int checksumAlgorithm;

	private final int storageClass;

	private final int encryptionStatus;

	private final int multipartUploaded;

	private final int isLatest;

	private final int lastModified;

	private InventorySchema(List<String> columns) {
		this.columns = List.copyOf(columns);
		this.bucket = columns.indexOf("Bucket");
		this.key = columns.indexOf("Key");
		this.versionId = columns.indexOf("VersionId");
		this.isDeleteMarker = columns.indexOf("IsDeleteMarker");
		this.size = columns.indexOf("Size");
		this.etag = columns.indexOf("ETag");
		this.checksumAlgorithm = columns.indexOf("ChecksumAlgorithm");
		this.storageClass = columns.indexOf("StorageClass");
		this.encryptionStatus = columns.indexOf("EncryptionStatus");
		this.multipartUploaded = columns.indexOf("IsMultipartUploaded");
		this.isLatest = columns.indexOf("IsLatest");
		this.lastModified = columns.indexOf("LastModifiedDate");
	}

	/**
	 * Reads a {@code fileSchema} value such as {@code "Bucket, Key, Size"}.
	 * @throws IllegalArgumentException naming the missing column if Bucket or Key is not
	 * there
	 */
	static InventorySchema parse(String fileSchema) {
		List<String> columns = List.of(fileSchema.trim().split("\\s*,\\s*"));
		for (String required : List.of("Bucket", "Key")) {
			if (!columns.contains(required)) {
				throw new IllegalArgumentException(
						"fileSchema has no " + required + " column (fileSchema: \"" + fileSchema + "\")");
			}
		}
		return new InventorySchema(columns);
	}

	List<String> columns() {
		return this.columns;
	}

	/**
	 * Turns one row into an entry.
	 * @param fields the row's fields, still URL-encoded
	 * @param sourceBucket the bucket every row must name
	 * @param origin {@code file:line}, kept in the entry
	 * @return the entry; a delete marker is an entry too
	 * ({@link ManifestEntry#deleteMarker()}), which only a copy of every version replays
	 * @throws IllegalArgumentException if the row is malformed or names another bucket
	 */
	ManifestEntry toEntry(List<String> fields, String sourceBucket, String origin) {
		if (fields.size() != this.columns.size()) {
			throw new IllegalArgumentException(
					"expected " + this.columns.size() + " fields as fileSchema lists, found " + fields.size());
		}
		String rowBucket = fields.get(this.bucket);
		if (!rowBucket.equals(sourceBucket)) {
			throw new IllegalArgumentException(
					"row names bucket '" + rowBucket + "', but the source bucket is '" + sourceBucket + "'");
		}
		boolean deleteMarker = Boolean.TRUE.equals(flag(fields, this.isDeleteMarker, "IsDeleteMarker"));
		String key = ObjectKeys.decodeKey(fields.get(this.key));
		String version = (this.versionId < 0) ? null : ObjectKeys.decodeVersionId(fields.get(this.versionId));
		Instant modified = lastModified(fields);
		Boolean latest = flag(fields, this.isLatest, "IsLatest");
		if (deleteMarker) {
			return new ManifestEntry(rowBucket, key, version, null, null, null, null, null, null, origin, modified,
					latest, true);
		}
		return new ManifestEntry(rowBucket, key, version, size(fields), etag(fields),
				text(fields, this.checksumAlgorithm), text(fields, this.storageClass),
				text(fields, this.encryptionStatus), flag(fields, this.multipartUploaded, "IsMultipartUploaded"),
				origin, modified, latest, false);
	}

	private @Nullable Instant lastModified(List<String> fields) {
		String value = text(fields, this.lastModified);
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"LastModifiedDate is not an ISO-8601 time such as " + "2026-11-01T01:00:00.000Z: '" + value + "'");
		}
	}

	private @Nullable Long size(List<String> fields) {
		String value = text(fields, this.size);
		if (value == null) {
			return null;
		}
		try {
			long size = Long.parseLong(value);
			if (size < 0) {
				throw new NumberFormatException();
			}
			return size;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Size is not a byte count: '" + value + "'");
		}
	}

	private @Nullable String etag(List<String> fields) {
		String value = text(fields, this.etag);
		// Inventory writes ETags bare, but one quoted as S3's HTTP headers quote it means
		// the same.
		return (value == null) ? null : ObjectKeys.stripQuotes(value);
	}

	private static @Nullable Boolean flag(List<String> fields, int index, String column) {
		String value = text(fields, index);
		if (value == null) {
			return null;
		}
		if (value.equals("false") || value.equals("true")) {
			return Boolean.valueOf(value);
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> throw new IllegalArgumentException(column + " is neither true nor false: '" + value + "'");
		};
	}

	private static @Nullable String text(List<String> fields, int index) {
		if (index < 0) {
			return null;
		}
		String value = fields.get(index);
		return value.isEmpty() ? null : value;
	}

}
