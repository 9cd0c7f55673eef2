package io.github.s3bulkcopy.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Digests of files, as lower-case hex. */
final class Digests {

	private Digests() {
	}

	static String md5(Path file) throws IOException {
		return hex(file, "MD5");
	}

	static String sha256(Path file) throws IOException {
		return hex(file, "SHA-256");
	}

	private static String hex(Path file, String algorithm) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance(algorithm);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(algorithm + " is missing from this JVM", ex);
		}
		byte[] buffer = new byte[64 * 1024];
		try (InputStream in = Files.newInputStream(file)) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				digest.update(buffer, 0, read);
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

}
