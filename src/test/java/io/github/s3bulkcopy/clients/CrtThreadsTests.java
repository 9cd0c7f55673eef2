package io.github.s3bulkcopy.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CrtThreadsTests {

	@BeforeAll
	static void linux() {
		assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "reads the process's threads from /proc (Linux)");
	}

	@Test
	void theCrtsEventLoopsEndOnceItsClientsAreClosedAndComeBackWithTheNextClient() {
		SdkAsyncHttpClient first = S3ClientFactory.httpClient(2, HttpEngine.CRT, S3ClientFactory.IDLE_TIMEOUT);
		awaitCrtThreads();
		first.close();

		assertThat(CrtThreads.end(Duration.ofSeconds(10))).isTrue();
		assertThat(crtThreads()).isEmpty();

		try (SdkAsyncHttpClient second = S3ClientFactory.httpClient(2, HttpEngine.CRT, S3ClientFactory.IDLE_TIMEOUT)) {
			awaitCrtThreads();
		}
		assertThat(CrtThreads.end(Duration.ofSeconds(10))).isTrue();
	}

	@Test
	void withoutACrtClientThereIsNothingToEnd() {
		CrtThreads.end(Duration.ofSeconds(10));
		try (SdkAsyncHttpClient netty = S3ClientFactory.httpClient(2, HttpEngine.NETTY, S3ClientFactory.IDLE_TIMEOUT)) {
			assertThat(CrtThreads.end(Duration.ofMillis(1))).isTrue();
		}
	}

	/**
	 * Waits for the CRT's event loops: the client starts them, but on a loaded machine
	 * they may not have named themselves by the time it returns.
	 */
	private static void awaitCrtThreads() {
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(crtThreads()).as("a CRT client runs the shared event loops").isNotEmpty());
	}

	/**
	 * The process's threads named as the CRT names its event loops (native threads: the
	 * JVM lists them only once attached).
	 */
	private static List<String> crtThreads() {
		try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
			return tasks.map(CrtThreadsTests::name).filter((name) -> name.startsWith("AwsEventLoop")).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String name(Path task) {
		try {
			return Files.readString(task.resolve("comm")).strip();
		}
		catch (IOException ex) {
			return ""; // the thread ended meanwhile
		}
	}

}
