package io.github.s3bulkcopy.clients;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HttpEngineTests {

	@Test
	void takesEitherNameInAnyCaseWhateverTheJob() {
		assertThat(HttpEngine.of("netty", false)).isEqualTo(HttpEngine.NETTY);
		assertThat(HttpEngine.of(" CRT ", true)).isEqualTo(HttpEngine.CRT);
		assertThat(HttpEngine.CRT).hasToString("crt");
	}

	@Test
	void autoIsCrtForServerSideCopiesAndNettyForStreamedOnes() {
		assertThat(HttpEngine.of("auto", false)).isEqualTo(HttpEngine.CRT);
		assertThat(HttpEngine.of("Auto", true)).isEqualTo(HttpEngine.NETTY);
	}

	@Test
	void aStreamedJobsSmallObjectsGoThroughCrtUnlessOneClientIsNamed() {
		assertThat(HttpEngine.forSmallObjects("auto")).isEqualTo(HttpEngine.CRT);
		assertThat(HttpEngine.forSmallObjects("netty")).isEqualTo(HttpEngine.NETTY);
		assertThat(HttpEngine.forSmallObjects("crt")).isEqualTo(HttpEngine.CRT);
	}

	@Test
	void blockingClientsRunOnCrtUnlessNettyIsNamed() {
		assertThat(HttpEngine.forBlockingClients("auto")).isEqualTo(HttpEngine.CRT);
		assertThat(HttpEngine.forBlockingClients("crt")).isEqualTo(HttpEngine.CRT);
		assertThat(HttpEngine.forBlockingClients("NETTY")).isEqualTo(HttpEngine.NETTY);
	}

	@Test
	void anyOtherValueNamesThePropertyAndWhatItTakes() {
		assertThatIllegalArgumentException().isThrownBy(() -> HttpEngine.of("apache", false))
			.withMessage("s3bulkcopy.http-client must be auto, crt or netty, not 'apache'");
	}

}
