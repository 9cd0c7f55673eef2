package io.github.s3bulkcopy.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.util.Assert;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Adobe S3Mock 5.2.0 running as a child Java process, reached at
 * {@code http://127.0.0.1:PORT}. It checks no signatures (any keys work) and has one
 * namespace of buckets, but it keeps additional checksums the way S3 does, which S3Proxy
 * does not.
 * <p>
 * S3Mock always opens two connectors. Its main connector is made plain HTTP and bound to
 * 127.0.0.1 ({@code --server.ssl.enabled=false --server.address=127.0.0.1}); that is the
 * endpoint. Its extra HTTP connector ({@code http.port}) cannot be given an address and
 * listens on all interfaces, so it gets an ephemeral port ({@code 0}) nobody is told
 * about, rather than S3Mock's fixed defaults 9090 and 9191, which would clash between
 * runs.
 */
public final class LocalS3Mock implements AutoCloseable {

	/** The S3Mock version the build fetches (the pom's {@code s3mock.version}). */
	public static final String S3MOCK_VERSION = "5.2.0";

	private static final AwsBasicCredentials ANY_CREDENTIALS = AwsBasicCredentials.create("s3mock", "s3mock");

	private final ServerProcess process;

	private LocalS3Mock(ServerProcess process) {
		this.process = process;
	}

	/**
	 * Starts S3Mock from the jar {@link #locateS3MockJar()} finds, with its store in a
	 * temporary folder, and returns once it answers.
	 */
	public static LocalS3Mock start() {
		return start(locateS3MockJar(), Duration.ofSeconds(60));
	}

	/**
	 * Starts S3Mock from the given jar ({@code s3mock-5.2.0-exec.jar}) with its store in
	 * a temporary folder that {@link #close()} deletes, and returns once it answers.
	 * @param startTimeout how long to wait; S3Mock takes about 5 seconds on two cores
	 * @throws IllegalStateException if it does not start; the message ends with its last
	 * output
	 */
	public static LocalS3Mock start(Path s3MockJar, Duration startTimeout) {
		Assert.notNull(s3MockJar, "s3MockJar is required");
		Assert.notNull(startTimeout, "startTimeout is required");
		try {
			Path dir = Files.createTempDirectory("s3mock-");
			Path storeRoot = Files.createDirectories(dir.resolve("store"));
			ServerProcess process = ServerProcess.start("s3mock", s3MockJar, List.of("-Xmx512m"),
					(port) -> List.of("--server.port=" + port, "--server.address=127.0.0.1",
							"--server.ssl.enabled=false", "--http.port=0",
							"--com.adobe.testing.s3mock.store.root=" + storeRoot),
					dir, true, startTimeout);
			return new LocalS3Mock(process);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not prepare S3Mock's work folder", ex);
		}
	}

	/**
	 * Finds the S3Mock jar: in the folder named by system property
	 * {@code s3bulkcopy.servers.dir}, in {@code servers/} beside the running jar, in
	 * {@code target/servers/} under the working directory, then in the local Maven
	 * repository.
	 * @throws IllegalStateException when there is none; running {@code ./mvnw -B package}
	 * fetches it
	 */
	public static Path locateS3MockJar() {
		return ServerJars.locate("s3mock.jar",
				"com/adobe/testing/s3mock/" + S3MOCK_VERSION + "/s3mock-" + S3MOCK_VERSION + "-exec.jar");
	}

	/** {@code http://127.0.0.1:PORT}. */
	public URI endpoint() {
		return this.process.endpoint();
	}

	/** A synchronous client for this server. The caller closes it. */
	public S3Client client() {
		return clientBuilder().build();
	}

	/** An asynchronous client for this server. The caller closes it. */
	public S3AsyncClient asyncClient() {
		return asyncClientBuilder().build();
	}

	/**
	 * A client builder already set up for this server, for callers that tune the client
	 * further.
	 */
	public S3ClientBuilder clientBuilder() {
		return LocalS3Clients.syncBuilder(endpoint(), ANY_CREDENTIALS);
	}

	/** An asynchronous client builder already set up for this server. */
	public S3AsyncClientBuilder asyncClientBuilder() {
		return LocalS3Clients.asyncBuilder(endpoint(), ANY_CREDENTIALS);
	}

	/** The file the server's output goes to. */
	public Path logFile() {
		return this.process.logFile();
	}

	/** Stops the server and deletes its store. */
	@Override
	public void close() {
		this.process.close();
	}

	@Override
	public String toString() {
		return "LocalS3Mock[S3Mock " + S3MOCK_VERSION + " at " + endpoint() + "]";
	}

}
