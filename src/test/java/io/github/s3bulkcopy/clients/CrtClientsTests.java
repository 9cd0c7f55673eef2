package io.github.s3bulkcopy.clients;

import java.io.IOException;

import io.github.s3bulkcopy.ExitCodes;
import io.github.s3bulkcopy.InvalidSetupException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.crt.CrtRuntimeException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CrtClientsTests {

	@Test
	void aLibraryThatCannotBeUnpackedIsNamedWithTheFolderToFix() {
		CrtRuntimeException invalid = new CrtRuntimeException("Invalid directory: /mnt/tmp");
		invalid.initCause(new IOException("not a directory: /mnt/tmp"));
		CrtRuntimeException failed = new CrtRuntimeException("Failed to load AWS CRT native library");
		failed.initCause(new CrtRuntimeException(invalid.toString()));
		failed.getCause().initCause(invalid);

		assertThatExceptionOfType(InvalidSetupException.class).isThrownBy(() -> CrtClients.build(() -> {
			throw failed;
		})).satisfies((ex) -> {
			assertThat(ex.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
			assertThat(ex.getMessage())
				.startsWith("the AWS Common Runtime (the CRT-based HTTP client, and the "
						+ "CRC64NVME checksums) cannot load its native library: Failed to load AWS CRT native library "
						+ "(Invalid directory: /mnt/tmp (not a directory: /mnt/tmp)). ")
				.contains("(" + System.getProperty("java.io.tmpdir") + ")")
				.endsWith("name another with -Djava.io.tmpdir=DIR in S3_BULK_COPY_JAVA_OPTS");
		});
	}

	@Test
	void aLibraryThatCannotBeLinkedIsNamedToo() {
		assertThatExceptionOfType(InvalidSetupException.class).isThrownBy(() -> CrtClients.build(() -> {
			throw new UnsatisfiedLinkError("/tmp/AWSCRT_1libaws-crt-jni.so: failed to map segment from shared object");
		}))
			.withMessageContaining(
					"cannot load its native library: /tmp/AWSCRT_1libaws-crt-jni.so: failed to map segment from shared object. ");
	}

	@Test
	void otherFailuresOfTheBuildPassAsTheyAre() {
		IllegalStateException other = new IllegalStateException("no region");

		assertThatIllegalStateException().isThrownBy(() -> CrtClients.build(() -> {
			throw other;
		})).isSameAs(other);
	}

	@Test
	void aBuiltClientIsReturned() {
		assertThat(CrtClients.build(() -> "client")).isEqualTo("client");
	}

}
