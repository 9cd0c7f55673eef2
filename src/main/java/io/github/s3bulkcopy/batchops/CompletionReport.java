package io.github.s3bulkcopy.batchops;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The completion report of a Batch Operations job:
 * {@code <prefix>/job-<id>/manifest.json} and the result CSVs it names, each with its
 * MD5.
 *
 * @param bucket the report bucket
 * @param manifestKey the key of manifest.json
 * @param created when S3 wrote the report; null when it did not say
 * @param results the result files in the order the manifest lists them
 */
record CompletionReport(String bucket, String manifestKey, @Nullable Instant created, List<ResultFile> results) {

	/**
	 * One result CSV.
	 *
	 * @param key its key in the report bucket
	 * @param md5 the MD5 manifest.json states for it, hex; null when it states none
	 * @param taskStatus {@code succeeded} or {@code failed}: which tasks the file lists
	 */
	record ResultFile(String key, @Nullable String md5, String taskStatus) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The manifest.json key of a job's report. */
	static String manifestKey(@Nullable String prefix, String jobId) {
		return join(prefix, "job-" + jobId + "/manifest.json");
	}

	/**
	 * Reads manifest.json.
	 * @return the report, or null when the job wrote none (a job that failed before
	 * running a task)
	 */
	static @Nullable CompletionReport read(S3Client s3, String bucket, @Nullable String prefix, String jobId)
			throws IOException {
		String key = manifestKey(prefix, jobId);
		JsonNode manifest = readJson(s3, bucket, key);
		String found = key;
		if (manifest == null && prefix != null && prefix.endsWith("/")) {
			// S3 documents <prefix>/job-<id>/: a prefix that ends with '/' may be
			// followed by another.
			found = prefix + "/job-" + jobId + "/manifest.json";
			manifest = readJson(s3, bucket, found);
		}
		if (manifest == null) {
			return null;
		}
		List<ResultFile> results = new ArrayList<>();
		for (JsonNode result : manifest.path("Results")) {
			String resultKey = result.path("Key").asString("");
			if (resultKey.isEmpty()) {
				continue;
			}
			// The Key is the object's key; older reports gave it relative to the prefix.
			if (prefix != null && !prefix.isEmpty() && !resultKey.startsWith(prefix)
					&& !exists(s3, bucket, resultKey)) {
				resultKey = join(prefix, resultKey);
			}
			String md5 = result.path("MD5Checksum").asString("");
			results.add(new ResultFile(resultKey, md5.isEmpty() ? null : md5,
					result.path("TaskExecutionStatus").asString("")));
		}
		Instant created = null;
		String date = manifest.path("ReportCreationDate").asString("");
		if (!date.isEmpty()) {
			try {
				created = Instant.parse(date);
			}
			catch (RuntimeException ex) {
				// A date in another form only costs the rows their timestamp.
			}
		}
		return new CompletionReport(bucket, found, created, results);
	}

	private static @Nullable JsonNode readJson(S3Client s3, String bucket, String key) throws IOException {
		try (InputStream in = s3.getObject((request) -> request.bucket(bucket).key(key))) {
			return JSON.readTree(in);
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return null;
			}
			throw ex;
		}
	}

	/** A result file's lines, after checking its MD5 against manifest.json. */
	static List<String> lines(S3Client s3, String bucket, ResultFile file) throws IOException {
		MessageDigest md5 = md5();
		byte[] bytes;
		try (InputStream in = new DigestInputStream(s3.getObject((request) -> request.bucket(bucket).key(file.key())),
				md5)) {
			bytes = in.readAllBytes();
		}
		String actual = HexFormat.of().formatHex(md5.digest());
		if (file.md5() != null && !file.md5().equalsIgnoreCase(actual)) {
			throw new IOException("completion report file s3://" + bucket + "/" + file.key() + " has MD5 " + actual
					+ ", its manifest.json says " + file.md5() + ": not trusting it");
		}
		return new String(bytes, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
	}

	private static boolean exists(S3Client s3, String bucket, String key) {
		try {
			s3.headObject((request) -> request.bucket(bucket).key(key));
			return true;
		}
		catch (S3Exception ex) {
			return false;
		}
	}

	static String join(@Nullable String prefix, String name) {
		if (prefix == null || prefix.isEmpty()) {
			return name;
		}
		return prefix.endsWith("/") ? prefix + name : prefix + "/" + name;
	}

	private static MessageDigest md5() {
		try {
			return MessageDigest.getInstance("MD5");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has MD5", ex);
		}
	}

}
