package io.github.s3bulkcopy.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes an S3 Inventory report (CSV) to a local folder as a job's manifest:
 * {@code manifest.json} and one gzipped data file beside it, with its MD5, rows in the
 * order given.
 */
public final class LocalInventory {

	private LocalInventory() {
	}

	/**
	 * @param folder where the report goes (created)
	 * @param bucket the source bucket the report describes
	 * @param schema the {@code fileSchema}, e.g. {@code Bucket, Key, VersionId, IsLatest}
	 * @param rows the data file's lines, fields already quoted as S3 writes them
	 * @return the path of {@code manifest.json}, for the job file's
	 * {@code manifest.location}
	 */
	public static Path write(Path folder, String bucket, String schema, List<String> rows) throws IOException {
		Files.createDirectories(folder);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (Writer out = new OutputStreamWriter(new GZIPOutputStream(bytes), StandardCharsets.UTF_8)) {
			for (String row : rows) {
				out.write(row + "\n");
			}
		}
		byte[] data = bytes.toByteArray();
		Files.write(folder.resolve("data.csv.gz"), data);
		Path manifest = folder.resolve("manifest.json");
		Files.writeString(manifest, """
				{"sourceBucket": "%s", "destinationBucket": "arn:aws:s3:::inventory", "version": "2016-11-30",
				 "creationTimestamp": "1764979200000", "fileFormat": "CSV", "fileSchema": "%s",
				 "files": [{"key": "inventory/data/data.csv.gz", "size": %d, "MD5checksum": "%s"}]}
				""".formatted(bucket, schema, data.length, md5(data)));
		return manifest;
	}

	/** A field as an inventory data file writes it: in double quotes. */
	public static String quoted(String value) {
		return "\"" + value.replace("\"", "\"\"") + "\"";
	}

	private static String md5(byte[] data) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new UncheckedIOException(new IOException(ex));
		}
	}

}
