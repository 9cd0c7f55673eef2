package io.github.s3bulkcopy.batchops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code ClientRequestToken} of a run's CreateJob: derived from the job's name, the
 * operation and the run number only, so every retry and every resume of a run sends the
 * same token, and S3 Control answers with the job it already created instead of creating
 * a second one.
 */
final class ClientRequestTokens {

	/** S3 Control accepts 1 to 64 characters. */
	static final int MAX_LENGTH = 64;

	private ClientRequestTokens() {
	}

	/**
	 * {@code s3bc-<name>-<command>-<run>}; when that is too long, the name is cut and a
	 * hash of the whole name keeps two long names that share a beginning apart.
	 */
	static String of(String jobName, BatchOperation operation, long run) {
		String tail = "-" + operation.command() + "-" + run;
		String token = "s3bc-" + jobName + tail;
		if (token.length() <= MAX_LENGTH) {
			return token;
		}
		String hash = sha256Hex(jobName).substring(0, 12);
		int room = MAX_LENGTH - "s3bc-".length() - 1 - hash.length() - tail.length();
		return "s3bc-" + jobName.substring(0, Math.max(0, room)) + "-" + hash + tail;
	}

	private static String sha256Hex(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

}
