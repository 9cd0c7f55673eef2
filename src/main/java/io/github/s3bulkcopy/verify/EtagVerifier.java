package io.github.s3bulkcopy.verify;

import java.util.HexFormat;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Decides whether an ETag comparison proves a copy intact, and makes it. An ETag is the
 * MD5 of the bytes only for an object written in one part and not encrypted with SSE-KMS
 * or SSE-C; any other ETag says nothing about the bytes, so comparing it would prove
 * nothing and is not made.
 */
public final class EtagVerifier {

	private static final int MD5_HEX_DIGITS = 32;

	private EtagVerifier() {
	}

	/**
	 * Compares source and destination ETags where both are valid MD5s of the bytes.
	 * @param sourceEtag the source ETag (from the manifest or a HEAD), quotes allowed
	 * @param sourceEncryption the source's encryption as the manifest or a HEAD states it
	 * (SSE-KMS, aws:kms, ...), or null when unknown
	 * @param destinationEtag the ETag the destination returned for the copy
	 * @param destinationEncryption the destination's server-side encryption from the copy
	 * response, or null
	 * @param destinationMultipart whether the destination was written in parts
	 * @return the verification; MISMATCH only when both values are valid MD5s and differ
	 */
	public static Verification verify(@Nullable String sourceEtag, @Nullable String sourceEncryption,
			@Nullable String destinationEtag, @Nullable String destinationEncryption, boolean destinationMultipart) {
		String source = unquote(sourceEtag);
		String destination = unquote(destinationEtag);
		if (source == null) {
			return Verification.notVerified("the source ETag is unknown");
		}
		if (destination == null) {
			return Verification.notVerified("the destination returned no ETag");
		}
		if (!isMd5(source)) {
			return Verification.notVerified(
					"the source ETag " + source + " is not an MD5 of the bytes (multipart upload or encrypted object)");
		}
		if (isKmsOrCustomerKey(sourceEncryption)) {
			return Verification.notVerified(
					"the source is encrypted with " + sourceEncryption + ": its ETag is not an MD5 of the bytes");
		}
		if (destinationMultipart || !isMd5(destination)) {
			return Verification.notVerified(
					"the destination was written in parts: its ETag " + destination + " is not an MD5 of the bytes");
		}
		if (isKmsOrCustomerKey(destinationEncryption)) {
			return Verification.notVerified("the destination is encrypted with " + destinationEncryption
					+ ": its ETag is not an MD5 of the bytes");
		}
		if (source.equalsIgnoreCase(destination)) {
			return new Verification(VerificationMethod.ETAG, source, destination, Verdict.VERIFIED, null);
		}
		return new Verification(VerificationMethod.ETAG, source, destination, Verdict.MISMATCH,
				"the destination ETag differs from the source ETag");
	}

	/** Whether an ETag can be an MD5 of the bytes: 32 hex digits, no part count. */
	public static boolean isMd5(@Nullable String etag) {
		String value = unquote(etag);
		if (value == null || value.length() != MD5_HEX_DIGITS) {
			return false;
		}
		// Not by a regular expression: every copy checks two ETags.
		for (int i = 0; i < MD5_HEX_DIGITS; i++) {
			if (!HexFormat.isHexDigit(value.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/** Whether an encryption description names SSE-KMS (also DSSE-KMS) or SSE-C. */
	public static boolean isKmsOrCustomerKey(@Nullable String encryption) {
		if (encryption == null) {
			return false;
		}
		String value = encryption.toLowerCase(Locale.ROOT);
		return value.contains("kms") || value.equals("sse-c");
	}

	/**
	 * The ETag in quotes, as conditional requests (If-Match, x-amz-copy-source-if-match)
	 * send it; null stays null.
	 */
	public static @Nullable String quote(@Nullable String etag) {
		if (etag == null) {
			return null;
		}
		return etag.startsWith("\"") ? etag : "\"" + etag + "\"";
	}

	/** Removes the quotes S3 puts around ETags; null and blank stay null. */
	public static @Nullable String unquote(@Nullable String etag) {
		if (etag == null) {
			return null;
		}
		String value = etag.strip();
		if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
			value = value.substring(1, value.length() - 1);
		}
		return value.isEmpty() ? null : value;
	}

}
