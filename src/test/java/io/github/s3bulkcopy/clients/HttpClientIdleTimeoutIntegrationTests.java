package io.github.s3bulkcopy.clients;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.s3bulkcopy.credentials.RoleRefresh;
import io.github.s3bulkcopy.jobfile.BucketSide;
import io.github.s3bulkcopy.jobfile.CredentialsSpec;
import io.github.s3bulkcopy.jobfile.SourceSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A server that takes a request and never answers: with either HTTP client the attempt
 * fails once nothing has moved for the idle timeout, instead of holding the request (and
 * the run) forever, which the CRT-based client did.
 */
class HttpClientIdleTimeoutIntegrationTests {

	private static final Duration IDLE = Duration.ofSeconds(2);

	private final AtomicInteger requestsRead = new AtomicInteger();

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private ServerSocket blackHole;

	@BeforeEach
	void startBlackHole() throws IOException {
		// For the default credential chain, which reads these first.
		System.setProperty("aws.accessKeyId", "key");
		System.setProperty("aws.secretAccessKey", "secret");
		this.blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::acceptAndSwallow, "black-hole");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	@AfterEach
	void stopBlackHole() throws IOException {
		System.clearProperty("aws.accessKeyId");
		System.clearProperty("aws.secretAccessKey");
		this.blackHole.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

	@ParameterizedTest
	@EnumSource(HttpEngine.class)
	void aRequestTheServerNeverAnswersFailsAfterTheIdleTimeout(HttpEngine engine) {
		try (SdkAsyncHttpClient http = S3ClientFactory.httpClient(2, engine, IDLE);
				S3ClientFactory factory = new S3ClientFactory();
				S3AsyncClient s3 = factory.asyncClient(blackHoleSide(), http, 1)) {
			assertFailsAfterTheIdleTimeout(() -> s3.headObject((request) -> request.bucket("b").key("k")));
		}
	}

	/**
	 * The blocking clients of a job (listings, manifests, bucket checks) on the CRT-based
	 * client time out the same.
	 */
	@Test
	void aBlockingRequestOnTheCrtClientFailsAfterTheIdleTimeout() {
		try (S3ClientFactory factory = new S3ClientFactory(RoleRefresh.DEFAULTS, List.of(), HttpEngine.CRT, IDLE);
				S3Client s3 = factory.syncClient(blackHoleSide(), 1)) {
			assertFailsAfterTheIdleTimeout(() -> CompletableFuture
				.supplyAsync(() -> s3.headObject((request) -> request.bucket("b").key("k"))));
		}
	}

	/** One attempt, to the server that never answers. */
	private void assertFailsAfterTheIdleTimeout(Supplier<CompletableFuture<?>> request) {
		long start = System.nanoTime();
		CompletableFuture<?> head = request.get();

		// Without a timeout this waits the full 30 s and fails as not done.
		assertThat(head).failsWithin(Duration.ofSeconds(30))
			.withThrowableThat()
			.withCauseInstanceOf(SdkClientException.class);
		Duration took = Duration.ofNanos(System.nanoTime() - start);

		assertThat(this.requestsRead).as("the server got the request and held it").hasPositiveValue();
		assertThat(took).isBetween(IDLE.minusMillis(500), Duration.ofSeconds(15));
	}

	/**
	 * A bucket side on the server that never answers, with the credentials
	 * {@link #startBlackHole()} set.
	 */
	private BucketSide blackHoleSide() {
		return new SourceSpec("b", "", "us-east-1", URI.create("http://127.0.0.1:" + this.blackHole.getLocalPort()),
				new CredentialsSpec(null, null, null, null, null, null, null, null), false, false, null);
	}

	private void acceptAndSwallow() {
		while (!this.blackHole.isClosed()) {
			try {
				Socket socket = this.blackHole.accept();
				this.sockets.add(socket);
				Thread reader = new Thread(() -> swallow(socket), "black-hole-reader");
				reader.setDaemon(true);
				reader.start();
			}
			catch (IOException ex) {
				return; // closed
			}
		}
	}

	/** Reads whatever comes and answers nothing. */
	private void swallow(Socket socket) {
		byte[] buffer = new byte[8192];
		try (InputStream in = socket.getInputStream()) {
			boolean counted = false;
			while (in.read(buffer) >= 0) {
				if (!counted) {
					this.requestsRead.incrementAndGet();
					counted = true;
				}
			}
		}
		catch (IOException ex) {
			// the client gave up on the connection, or the test closed it
		}
	}

}
