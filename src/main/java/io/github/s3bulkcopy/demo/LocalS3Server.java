package io.github.s3bulkcopy.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * S3Proxy 4.1.0 running as a child Java process on {@code 127.0.0.1} and a free port,
 * with signatures (V2 or V4) checked. Every {@link LocalS3Identity} is a separate
 * "account" with buckets of its own: S3Proxy gets one properties file per identity, each
 * with its own store. Used by the {@code demo} command and by the tests.
 *
 * <pre>{@code
 * try (LocalS3Server server = LocalS3Server.builder().identity("source", "source-secret").start();
 *         S3Client s3 = server.client(server.identities().get(0))) {
 *     s3.createBucket((b) -> b.bucket("photos"));
 * }
 * }</pre>
 */
public final class LocalS3Server implements AutoCloseable {

	/** The S3Proxy version the build fetches (the pom's {@code s3proxy.version}). */
	public static final String S3PROXY_VERSION = "4.1.0";

	private final ServerProcess process;

	private final List<LocalS3Identity> identities;

	private LocalS3Server(ServerProcess process, List<LocalS3Identity> identities) {
		this.process = process;
		this.identities = identities;
	}

	/** A builder for a server run from the jar {@link #locateS3ProxyJar()} finds. */
	public static Builder builder() {
		return new Builder(locateS3ProxyJar());
	}

	/**
	 * A builder for a server run from the given S3Proxy jar
	 * ({@code jar-with-dependencies}).
	 */
	public static Builder builder(Path s3ProxyJar) {
		return new Builder(s3ProxyJar);
	}

	/**
	 * Finds the S3Proxy jar: in the folder named by system property
	 * {@code s3bulkcopy.servers.dir}, in {@code servers/} beside the running jar, in
	 * {@code target/servers/} under the working directory, then in the local Maven
	 * repository.
	 * @throws IllegalStateException when there is none; running {@code ./mvnw -B package}
	 * fetches it
	 */
	public static Path locateS3ProxyJar() {
		return ServerJars.locate("s3proxy.jar",
				"org/gaul/s3proxy/" + S3PROXY_VERSION + "/s3proxy-" + S3PROXY_VERSION + "-jar-with-dependencies.jar");
	}

	/** {@code http://127.0.0.1:PORT}. */
	public URI endpoint() {
		return this.process.endpoint();
	}

	/** The identities ("accounts") the server accepts, in the order they were given. */
	public List<LocalS3Identity> identities() {
		return this.identities;
	}

	/** A synchronous client acting as the given identity. The caller closes it. */
	public S3Client client(LocalS3Identity identity) {
		return clientBuilder(identity).build();
	}

	/** An asynchronous client acting as the given identity. The caller closes it. */
	public S3AsyncClient asyncClient(LocalS3Identity identity) {
		return asyncClientBuilder(identity).build();
	}

	/**
	 * A client builder already set up for this server and identity, for callers that tune
	 * the client further.
	 */
	public S3ClientBuilder clientBuilder(LocalS3Identity identity) {
		return LocalS3Clients.syncBuilder(endpoint(), identity.credentials());
	}

	/** An asynchronous client builder already set up for this server and identity. */
	public S3AsyncClientBuilder asyncClientBuilder(LocalS3Identity identity) {
		return LocalS3Clients.asyncBuilder(endpoint(), identity.credentials());
	}

	/** The file the server's output goes to. */
	public Path logFile() {
		return this.process.logFile();
	}

	/** Stops the server. A transient store is gone with it; a filesystem store stays. */
	@Override
	public void close() {
		this.process.close();
	}

	@Override
	public String toString() {
		return "LocalS3Server[S3Proxy " + S3PROXY_VERSION + " at " + endpoint() + "]";
	}

	/** How to start a {@link LocalS3Server}. */
	public static final class Builder {

		private final Path jar;

		private final List<LocalS3Identity> identities = new ArrayList<>();

		private @Nullable Path filesystemBasedir;

		private @Nullable Path workDir;

		private String maxHeap = "512m";

		private Duration startTimeout = Duration.ofSeconds(30);

		private boolean ignoreUnknownHeaders;

		private Builder(Path jar) {
			Assert.notNull(jar, "jar is required");
			this.jar = jar;
		}

		/** Adds an identity, that is an account with its own buckets. */
		public Builder identity(String accessKeyId, String secretAccessKey) {
			return identity(new LocalS3Identity(accessKeyId, secretAccessKey));
		}

		/** Adds an identity, that is an account with its own buckets. */
		public Builder identity(LocalS3Identity identity) {
			Assert.notNull(identity, "identity is required");
			this.identities.add(identity);
			return this;
		}

		/**
		 * Keeps objects in memory (the default); they are gone when the server stops.
		 * Supports versioning.
		 */
		public Builder transientStore() {
			this.filesystemBasedir = null;
			return this;
		}

		/**
		 * Keeps objects as files under {@code basedir/<access key id>/<bucket>/}, so they
		 * outlive the server and each identity has its own folder. S3Proxy's filesystem
		 * store does not support versioning.
		 */
		public Builder filesystemStore(Path basedir) {
			Assert.notNull(basedir, "basedir is required");
			this.filesystemBasedir = basedir.toAbsolutePath();
			return this;
		}

		/**
		 * The folder for the properties files and the log; by default a new temporary
		 * folder, deleted on {@link LocalS3Server#close()}. A folder given here is kept.
		 */
		public Builder workDir(Path workDir) {
			Assert.notNull(workDir, "workDir is required");
			this.workDir = workDir;
			return this;
		}

		/** The server's heap limit as a {@code -Xmx} value; {@code 512m} by default. */
		public Builder maxHeap(String maxHeap) {
			Assert.hasText(maxHeap, "maxHeap is required");
			this.maxHeap = maxHeap;
			return this;
		}

		/**
		 * Makes S3Proxy ignore request headers it does not implement instead of answering
		 * 501 NotImplemented. Needed for temporary credentials: S3Proxy rejects the
		 * {@code x-amz-security-token} header they sign with. It also ignores what it
		 * cannot do (such as {@code x-amz-tagging}), so use it only where that is wanted.
		 */
		public Builder ignoreUnknownHeaders() {
			this.ignoreUnknownHeaders = true;
			return this;
		}

		/** How long to wait for the server to answer; 30 seconds by default. */
		public Builder startTimeout(Duration startTimeout) {
			Assert.notNull(startTimeout, "startTimeout is required");
			this.startTimeout = startTimeout;
			return this;
		}

		/**
		 * Starts the server and returns once it answers HTTP requests.
		 * @throws IllegalStateException if it does not start; the message ends with the
		 * server's last output
		 */
		public LocalS3Server start() {
			Assert.state(!this.identities.isEmpty(), "at least one identity is required");
			Set<String> accessKeys = new HashSet<>();
			for (LocalS3Identity identity : this.identities) {
				Assert.state(accessKeys.add(identity.accessKeyId()),
						() -> "access key ids must differ: " + identity.accessKeyId() + " is given twice");
			}
			try {
				boolean temporary = (this.workDir == null);
				Path dir = temporary ? Files.createTempDirectory("s3proxy-") : Files.createDirectories(this.workDir);
				List<LocalS3Identity> frozen = List.copyOf(this.identities);
				ServerProcess process = ServerProcess.start("s3proxy", this.jar, List.of("-Xmx" + this.maxHeap),
						(port) -> writeProperties(dir, port, frozen), dir, temporary, this.startTimeout);
				return new LocalS3Server(process, frozen);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not prepare S3Proxy's work folder", ex);
			}
		}

		private List<String> writeProperties(Path dir, int port, List<LocalS3Identity> identities) throws IOException {
			List<String> arguments = new ArrayList<>();
			for (LocalS3Identity identity : identities) {
				Properties properties = new Properties();
				properties.setProperty("s3proxy.endpoint", "http://127.0.0.1:" + port);
				properties.setProperty("s3proxy.authorization", "aws-v2-or-v4");
				properties.setProperty("s3proxy.identity", identity.accessKeyId());
				properties.setProperty("s3proxy.credential", identity.secretAccessKey());
				if (this.ignoreUnknownHeaders) {
					properties.setProperty("s3proxy.ignore-unknown-headers", "true");
				}
				if (this.filesystemBasedir != null) {
					Path basedir = Files.createDirectories(this.filesystemBasedir.resolve(identity.accessKeyId()));
					properties.setProperty("jclouds.provider", "filesystem");
					properties.setProperty("jclouds.filesystem.basedir", basedir.toString());
				}
				else {
					properties.setProperty("jclouds.provider", "transient");
				}
				Path file = dir.resolve("s3proxy-" + identity.accessKeyId() + ".properties");
				try (OutputStream out = Files.newOutputStream(file)) {
					properties.store(out, "S3Proxy identity " + identity.accessKeyId() + " (written by LocalS3Server)");
				}
				arguments.add("--properties");
				arguments.add(file.toString());
			}
			return arguments;
		}

	}

}
