package io.github.s3bulkcopy.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an S3 Inventory report's {@code manifest.json} says: whose objects it lists, in
 * which columns, and in which data files. Holds the list of data files (one line of
 * metadata per file), never their rows.
 *
 * @param location where manifest.json was read from
 * @param schema the data files' columns
 * @param files the data files, in the order the manifest lists them
 */
record InventoryManifest(ManifestLocation location, InventorySchema schema, List<DataFile> files) {

	/**
	 * One data file as manifest.json lists it.
	 *
	 * @param key the object key in the inventory's destination bucket
	 * @param md5 the hex MD5 of the file's bytes as stored (compressed)
	 */
	record DataFile(String key, String md5) {
	}

	/**
	 * Reads and checks manifest.json: against {@code manifest.checksum} beside it if
	 * there is one, then that it is a CSV report of {@code sourceBucket} with Bucket and
	 * Key columns.
	 * @throws ManifestException naming manifest.json and what is wrong with it
	 */
	static InventoryManifest read(ManifestLocation location, @Nullable S3Client s3Client, String sourceBucket) {
		byte[] json = readAll(location, location.open(s3Client));
		checkChecksum(location, s3Client, json);
		JsonNode root;
		try {
			root = JsonMapper.shared().readTree(json);
		}
		catch (JacksonException ex) {
			throw new ManifestException(location + ": not valid JSON: " + ex.getOriginalMessage(), ex);
		}
		if (root == null || !root.isObject()) {
			throw new ManifestException(location + ": not a JSON object");
		}
		String reportBucket = required(location, root, "sourceBucket");
		if (!reportBucket.equals(sourceBucket)) {
			throw new ManifestException(location + ": sourceBucket is '" + reportBucket
					+ "', but the job's source bucket is '" + sourceBucket + "'");
		}
		String format = required(location, root, "fileFormat");
		if (!format.equalsIgnoreCase("CSV")) {
			throw new ManifestException(location + ": fileFormat " + format
					+ " is not supported; only CSV inventory reports can be read (configure the report as CSV)");
		}
		InventorySchema schema;
		try {
			schema = InventorySchema.parse(required(location, root, "fileSchema"));
		}
		catch (IllegalArgumentException ex) {
			throw new ManifestException(location + ": " + ex.getMessage());
		}
		return new InventoryManifest(location, schema, dataFiles(location, root.path("files")));
	}

	private static List<DataFile> dataFiles(ManifestLocation location, JsonNode files) {
		if (!files.isArray()) {
			throw new ManifestException(location + ": files is missing or not a list");
		}
		List<DataFile> result = new ArrayList<>(files.size());
		for (int i = 0; i < files.size(); i++) {
			JsonNode file = files.get(i);
			String key = file.path("key").asString("");
			String md5 = file.path("MD5checksum").asString("");
			if (key.isEmpty() || md5.isEmpty()) {
				throw new ManifestException(location + ": files[" + i + "] needs both key and MD5checksum");
			}
			result.add(new DataFile(key, md5));
		}
		return result;
	}

	private static String required(ManifestLocation location, JsonNode root, String field) {
		JsonNode value = root.path(field);
		if (!value.isString() || value.stringValue().isBlank()) {
			throw new ManifestException(location + ": " + field + " is missing or not a string");
		}
		return value.stringValue().trim();
	}

	/**
	 * Guards against a truncated or half-written manifest.json; reports written before
	 * checksums have none.
	 */
	private static void checkChecksum(ManifestLocation location, @Nullable S3Client s3Client, byte[] json) {
		ManifestLocation checksumLocation = location.sibling("manifest.checksum");
		InputStream in = checksumLocation.openIfExists(s3Client);
		if (in == null) {
			return;
		}
		String expected = new String(readAll(checksumLocation, in), StandardCharsets.US_ASCII).trim();
		String actual = md5Hex(json);
		if (!expected.equalsIgnoreCase(actual)) {
			throw new ManifestException(location + ": MD5 of manifest.json does not match " + checksumLocation
					+ " (expected " + expected + ", got " + actual + ")");
		}
	}

	static String md5Hex(byte[] bytes) {
		return HexFormat.of().formatHex(md5().digest(bytes));
	}

	static MessageDigest md5() {
		try {
			return MessageDigest.getInstance("MD5");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is required of every Java platform", ex);
		}
	}

	private static byte[] readAll(ManifestLocation location, InputStream in) {
		try (in) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new ManifestException("cannot read " + location + ": " + ex, ex);
		}
	}

}
