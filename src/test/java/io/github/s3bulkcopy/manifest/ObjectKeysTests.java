package io.github.s3bulkcopy.manifest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ObjectKeysTests {

	@ParameterizedTest
	@ValueSource(strings = { "a+b%2Bc", "x%20y", "caf%C3%A9", "100%25", "plain/key.txt", "caf\u00e9+raw",
			"%F0%9F%98%80", "%e2%82%ac", "+", "%2B", "%2b", "%20", "++%2B%2B", "logs%2F000%2Fobject+0000000.log",
			"%7F%00%01", "\u00e9%C3%A9+%2B", "%C3%A9\u20ac", "\ud83d\ude00%F0%9F%98%80" })
	void decodesAsUrlDecoderDoesForWellFormedInput(String encoded) {
		assertThat(ObjectKeys.decodeKey(encoded)).isEqualTo(URLDecoder.decode(encoded, StandardCharsets.UTF_8));
	}

	@Test
	void decodesRandomWellFormedKeysAsUrlDecoderDoes() {
		Random random = new Random(8);
		for (int n = 0; n < 20_000; n++) {
			String encoded = randomEncodedKey(random);
			assertThat(ObjectKeys.decodeKey(encoded)).as(encoded)
				.isEqualTo(URLDecoder.decode(encoded, StandardCharsets.UTF_8));
		}
	}

	@Test
	void namesTheFieldOfABadEscapeTheSameWayWhateverTheRestOfTheKeyHolds() {
		for (String rest : new String[] { "", "ascii+", "caf\u00e9" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> ObjectKeys.decodeKey(rest + "bad%zz"))
				.withMessage("invalid %-escape '%zz' in the key: " + rest + "bad%zz");
			assertThatIllegalArgumentException().isThrownBy(() -> ObjectKeys.decodeKey(rest + "bad%2"))
				.withMessage("incomplete %-escape at the end of the key: " + rest + "bad%2");
			assertThatIllegalArgumentException().isThrownBy(() -> ObjectKeys.decodeKey(rest + "caf%C3%28"))
				.withMessage("invalid UTF-8 sequence after URL-decoding the key: " + rest + "caf%C3%28");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> ObjectKeys.decodeVersionId("v%2"))
			.withMessage("incomplete %-escape at the end of the version id: v%2");
	}

	@Test
	void refusesWhatUrlDecoderWouldReplace() {
		assertThatIllegalArgumentException().isThrownBy(() -> ObjectKeys.decodeKey("caf%C3%28"))
			.withMessageContaining("invalid UTF-8");
		assertThatIllegalArgumentException().isThrownBy(() -> ObjectKeys.decodeKey("%ED%A0%80"))
			.withMessageContaining("invalid UTF-8");
		assertThatIllegalArgumentException().isThrownBy(() -> ObjectKeys.decodeKey("a%4"))
			.withMessageContaining("incomplete %-escape");
		assertThatIllegalArgumentException().isThrownBy(() -> ObjectKeys.decodeKey("a%\u0663\u0663"))
			.withMessageContaining("invalid %-escape");
	}

	@Test
	void limitsKeysTo1024Utf8Bytes() {
		assertThat(ObjectKeys.decodeKey("k".repeat(1024))).hasSize(1024);
		assertThat(ObjectKeys.decodeKey("%E2%82%AC".repeat(341) + "k")).hasSize(342);
		assertThatIllegalArgumentException().isThrownBy(() -> ObjectKeys.decodeKey("\u20ac".repeat(341) + "kk"))
			.withMessageContaining("1025 bytes");
		assertThatIllegalArgumentException().isThrownBy(() -> ObjectKeys.decodeKey("%F0%9F%98%80".repeat(256) + "k"))
			.withMessageContaining("1025 bytes");
		assertThatIllegalArgumentException().isThrownBy(() -> ObjectKeys.decodeKey("k".repeat(1025)))
			.withMessageContaining("1025 bytes");
		assertThatIllegalArgumentException().isThrownBy(() -> ObjectKeys.decodeKey(""))
			.withMessageContaining("empty key");
	}

	@Test
	void decodesVersionIdsOnlyWhenEncoded() {
		assertThat(ObjectKeys.decodeVersionId("3/L4kq+rmS")).isEqualTo("3/L4kq+rmS");
		assertThat(ObjectKeys.decodeVersionId("3%2FL4kq%2BrmS")).isEqualTo("3/L4kq+rmS");
		assertThat(ObjectKeys.decodeVersionId("")).isNull();
	}

	/**
	 * Letters, '+', escapes of every kind of character in either case, and raw characters
	 * beyond ASCII.
	 */
	private static String randomEncodedKey(Random random) {
		StringBuilder key = new StringBuilder();
		int parts = 1 + random.nextInt(12);
		for (int i = 0; i < parts; i++) {
			switch (random.nextInt(6)) {
				case 0 -> key.append((char) ('a' + random.nextInt(26)));
				case 1 -> key.append(random.nextBoolean() ? '+' : '/');
				case 2 -> key.append((char) (0x20 + random.nextInt(0x5f))).append('x');
				default -> {
					int codePoint = randomCodePoint(random);
					String text = new String(Character.toChars(codePoint));
					if (random.nextInt(4) == 0 && codePoint >= 0x80) {
						key.append(text);
					}
					else {
						for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
							String hex = HexFormat.of().toHexDigits(b);
							key.append('%').append(random.nextBoolean() ? hex : hex.toUpperCase(Locale.ROOT));
						}
					}
				}
			}
		}
		// A raw '%' or '+' from case 2 would be an escape or a space: keep only what
		// URLDecoder reads as intended.
		String encoded = key.toString().replace("%x", "%25x");
		return encoded.isEmpty() ? "k" : encoded;
	}

	private static int randomCodePoint(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> random.nextInt(0x80);
			case 1 -> 0x80 + random.nextInt(0x800 - 0x80);
			case 2 -> {
				int c = 0x800 + random.nextInt(0x10000 - 0x800);
				yield (c >= 0xD800 && c <= 0xDFFF) ? 0xE000 : c;
			}
			default -> 0x10000 + random.nextInt(0x110000 - 0x10000);
		};
	}

}
