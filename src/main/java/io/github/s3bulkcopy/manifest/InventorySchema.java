package io.github.s3bulkcopy.manifest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
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
			return instant(value);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"LastModifiedDate is not an ISO-8601 time such as " + "2026-11-01T01:00:00.000Z: '" + value + "'");
		}
	}

	/**
	 * The instant of an ISO-8601 time, as {@link Instant#parse} reads it. The form
	 * inventory reports write ({@code 2026-11-01T01:00:00.000Z}: UTC, up to 9 digits of
	 * fraction) is read field by field, at a fraction of the CPU of
	 * {@link Instant#parse}, whose general formatter parsing (a map of fields, then
	 * resolving them, for every value) took about a tenth of planning's CPU. Any other
	 * form, or a field out of range, is left to {@link Instant#parse}, so that both
	 * accept and reject the same values.
	 */
	static Instant instant(String value) {
		int length = value.length();
		if (length < 20 || length > 30 || value.charAt(4) != '-' || value.charAt(7) != '-' || value.charAt(10) != 'T'
				|| value.charAt(13) != ':' || value.charAt(16) != ':' || value.charAt(length - 1) != 'Z'
				|| (length > 20 && (length == 21 || value.charAt(19) != '.'))) {
			return Instant.parse(value);
		}
		int year = digits(value, 0, 4);
		int month = digits(value, 5, 7);
		int day = digits(value, 8, 10);
		int hour = digits(value, 11, 13);
		int minute = digits(value, 14, 16);
		int second = digits(value, 17, 19);
		int fraction = (length > 20) ? digits(value, 20, length - 1) : 0;
		if (year < 0 || month < 1 || month > 12 || day < 1
				|| (day > 28 && day > YearMonth.of(year, month).lengthOfMonth()) || hour < 0 || hour > 23 || minute < 0
				|| minute > 59 || second < 0 || second > 59 || fraction < 0) {
			return Instant.parse(value);
		}
		for (int i = length; i < 30; i++) {
			fraction *= 10;
		}
		long seconds = LocalDate.of(year, month, day).toEpochDay() * 86_400 + hour * 3600 + minute * 60 + second;
		return Instant.ofEpochSecond(seconds, fraction);
	}

	/** The number the ASCII digits at [from, to) of value make, or -1. */
	private static int digits(String value, int from, int to) {
		int number = 0;
		for (int i = from; i < to; i++) {
			int digit = value.charAt(i) - '0';
			if (digit < 0 || digit > 9) {
				return -1;
			}
			number = number * 10 + digit;
		}
		return number;
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
