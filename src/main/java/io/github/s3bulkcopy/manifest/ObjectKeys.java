package io.github.s3bulkcopy.manifest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Decodes the URL-encoded keys of inventory reports and Batch Operations manifests. S3
 * encodes them the way HTML forms do ({@code +} is a space, {@code %2B} a plus, non-ASCII
 * as UTF-8 {@code %XX}), which is what
 * {@link java.net.URLDecoder#decode(String, java.nio.charset.Charset)} undoes; this does
 * the same but refuses what URLDecoder would silently replace with U+FFFD, because
 * copying to a key that was never in the bucket helps no one.
 */
final class ObjectKeys {

	/** S3's limit on a key's length, in UTF-8 bytes. */
	static final int MAX_KEY_BYTES = 1024;

	private ObjectKeys() {
	}

	/**
	 * An ETag without the quotes S3's headers and listings put around it; null for none
	 * or an empty one.
	 */
	static @Nullable String stripQuotes(@Nullable String etag) {
		if (etag == null || etag.isEmpty()) {
			return null;
		}
		return (etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\""))
				? etag.substring(1, etag.length() - 1) : etag;
	}

	/**
	 * Decodes a key and checks it is one S3 could hold.
	 * @throws IllegalArgumentException if the key is empty, badly encoded, not UTF-8 or
	 * longer than 1024 bytes
	 */
	static String decodeKey(String encoded) {
		if (encoded.isEmpty()) {
			throw new IllegalArgumentException("empty key");
		}
		String key = formDecode(encoded, "key");
		// A char takes at most 3 bytes of UTF-8 (a surrogate pair 4 for its two), so only
		// a long key is counted.
		if (key.length() > MAX_KEY_BYTES / 3) {
			int bytes = key.getBytes(StandardCharsets.UTF_8).length;
			if (bytes > MAX_KEY_BYTES) {
				throw new IllegalArgumentException(
						"key is " + bytes + " bytes long in UTF-8, more than S3's " + MAX_KEY_BYTES + ": " + encoded);
			}
		}
		return key;
	}

	/**
	 * Decodes a version id if it is encoded. Raw S3 version ids may contain {@code +} and
	 * {@code /} but never {@code %}, so only a value with an escape in it is decoded:
	 * form-decoding a raw id would turn its pluses into spaces.
	 * @return the version id, or null if the field is empty
	 */
	static @Nullable String decodeVersionId(String field) {
		if (field.isEmpty()) {
			return null;
		}
		return (field.indexOf('%') >= 0) ? formDecode(field, "version id") : field;
	}

	/**
	 * Form-decodes {@code encoded} strictly.
	 * @param what the field it is, as errors name it ("key")
	 * @throws IllegalArgumentException on a malformed escape or bytes that are not UTF-8
	 */
	static String formDecode(String encoded, String what) {
		if (encoded.indexOf('%') < 0 && encoded.indexOf('+') < 0) {
			return encoded;
		}
		// Encoded keys are ASCII, one byte per char; a raw non-ASCII char sends the key
		// the general way.
		byte[] bytes = new byte[encoded.length()];
		int count = 0;
		int bits = 0;
		int i = 0;
		while (i < encoded.length()) {
			char c = encoded.charAt(i);
			if (c == '+') {
				bytes[count++] = ' ';
				i++;
			}
			else if (c == '%') {
				int b = escapedByte(encoded, i, what);
				bits |= b;
				bytes[count++] = (byte) b;
				i += 3;
			}
			else if (c < 0x80) {
				bytes[count++] = (byte) c;
				i++;
			}
			else {
				return formDecodeAnyChars(encoded, what);
			}
		}
		return (bits < 0x80) ? new String(bytes, 0, count, StandardCharsets.ISO_8859_1)
				: utf8(ByteBuffer.wrap(bytes, 0, count), encoded, what);
	}

	/**
	 * {@link #formDecode(String, String)} of a string with chars beyond ASCII, which
	 * stand for their UTF-8 bytes.
	 */
	private static String formDecodeAnyChars(String encoded, String what) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
		int i = 0;
		while (i < encoded.length()) {
			char c = encoded.charAt(i);
			if (c == '+') {
				bytes.write(' ');
				i++;
			}
			else if (c == '%') {
				bytes.write(escapedByte(encoded, i, what));
				i += 3;
			}
			else {
				int end = i;
				while (end < encoded.length() && encoded.charAt(end) != '+' && encoded.charAt(end) != '%') {
					end++;
				}
				bytes.writeBytes(encoded.substring(i, end).getBytes(StandardCharsets.UTF_8));
				i = end;
			}
		}
		return utf8(ByteBuffer.wrap(bytes.toByteArray()), encoded, what);
	}

	private static String utf8(ByteBuffer bytes, String encoded, String what) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(bytes)
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new IllegalArgumentException("invalid UTF-8 sequence after URL-decoding the " + what + ": " + encoded,
					ex);
		}
	}

	private static int escapedByte(String encoded, int percent, String what) {
		if (percent + 2 >= encoded.length()) {
			throw new IllegalArgumentException("incomplete %-escape at the end of the " + what + ": " + encoded);
		}
		int high = hexDigit(encoded.charAt(percent + 1));
		int low = hexDigit(encoded.charAt(percent + 2));
		if (high < 0 || low < 0) {
			throw new IllegalArgumentException("invalid %-escape '" + encoded.substring(percent, percent + 3)
					+ "' in the " + what + ": " + encoded);
		}
		return (high << 4) | low;
	}

	/**
	 * ASCII hex only: {@link Character#digit(char, int)} would also take other scripts'
	 * digits.
	 */
	private static int hexDigit(char c) {
		if (c >= '0' && c <= '9') {
			return c - '0';
		}
		if (c >= 'a' && c <= 'f') {
			return c - 'a' + 10;
		}
		if (c >= 'A' && c <= 'F') {
			return c - 'A' + 10;
		}
		return -1;
	}

}
