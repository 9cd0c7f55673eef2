package io.github.s3bulkcopy.manifest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ObjectKeysTests {

	@ParameterizedTest
	@ValueSource(strings = { "a+b%2Bc", "x%20y", "caf%C3%A9", "100%25", "plain/key.txt", "caf\u00e9+raw",
			"%F0%9F%98%80", "%e2%82%ac" })
	void decodesAsUrlDecoderDoesForWellFormedInput(String encoded) {
		assertThat(ObjectKeys.decodeKey(encoded)).isEqualTo(URLDecoder.decode(encoded, StandardCharsets.UTF_8));
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

}
