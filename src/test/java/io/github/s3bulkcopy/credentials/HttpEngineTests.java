package io.github.s3bulkcopy.credentials;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HttpEngineTests {

	@Test
	void takesEitherNameInAnyCase() {
		assertThat(HttpEngine.of("netty")).isEqualTo(HttpEngine.NETTY);
		assertThat(HttpEngine.of(" CRT ")).isEqualTo(HttpEngine.CRT);
		assertThat(HttpEngine.CRT).hasToString("crt");
	}

	@Test
	void anyOtherValueNamesThePropertyAndWhatItTakes() {
		assertThatIllegalArgumentException().isThrownBy(() -> HttpEngine.of("apache"))
			.withMessage("s3bulkcopy.http-client must be netty or crt, not 'apache'");
	}

}
