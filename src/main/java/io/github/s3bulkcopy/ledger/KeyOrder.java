package io.github.s3bulkcopy.ledger;

import java.util.Comparator;

/**
 * The order S3 lists keys in: by the bytes of their UTF-8 encoding, which is the order of
 * their Unicode code points. Java's {@link String#compareTo} compares UTF-16 units
 * instead, and differs for a key with a character at U+E000 or above against one with a
 * character beyond U+FFFF (an emoji), so it must not be used where a listing is merged.
 */
public final class KeyOrder {

	/** Compares keys as S3 orders them. */
	public static final Comparator<String> UTF8 = KeyOrder::compare;

	private KeyOrder() {
	}

	/** Compares two keys by code point, the order of their UTF-8 bytes. */
	public static int compare(String a, String b) {
		int i = 0;
		int j = 0;
		while (i < a.length() && j < b.length()) {
			int x = a.codePointAt(i);
			int y = b.codePointAt(j);
			if (x != y) {
				return Integer.compare(x, y);
			}
			i += Character.charCount(x);
			j += Character.charCount(y);
		}
		return Integer.compare(a.length() - i, b.length() - j);
	}

}
