package io.github.s3bulkcopy.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server from a runnable jar, running as a child Java process on a free loopback port.
 * Its output goes to a log file in its work folder, not to ours; it counts as started
 * once the port answers an HTTP request. Closing it (or the end of this JVM, through a
 * shutdown hook) stops the process. A child outlives a JVM that is killed outright
 * ({@code kill -9}), as any child process would.
 */
final class ServerProcess implements AutoCloseable {

	private static final int ATTEMPTS = 3;

	private static final int LOG_TAIL_LINES = 40;

	private final String name;

	private final Process process;

	private final int port;

	private final Path workDir;

	private final boolean deleteWorkDir;

	private final Path logFile;

	private final Thread shutdownHook;

	private ServerProcess(String name, Process process, int port, Path workDir, boolean deleteWorkDir, Path logFile) {
		this.name = name;
		this.process = process;
		this.port = port;
		this.workDir = workDir;
		this.deleteWorkDir = deleteWorkDir;
		this.logFile = logFile;
		this.shutdownHook = new Thread(this::stop, name + "-shutdown");
	}

	/**
	 * Starts the server and waits until it answers. A start that fails because another
	 * process took the port in the meantime is retried on a new port.
	 * @param name a short name for messages and the log file ({@code s3proxy})
	 * @param jar the runnable jar
	 * @param jvmOptions options for the child JVM, such as {@code -Xmx512m}
	 * @param arguments the server's arguments for a given port; may write files into the
	 * work folder
	 * @param workDir the folder for the log file and any configuration the server needs
	 * @param deleteWorkDir whether closing deletes the work folder
	 * @param timeout how long to wait for the server to answer
	 */
	static ServerProcess start(String name, Path jar, List<String> jvmOptions, PortArguments arguments, Path workDir,
			boolean deleteWorkDir, Duration timeout) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No " + name + " jar at " + jar);
		}
		Path logFile = workDir.resolve(name + ".log");
		for (int attempt = 1;; attempt++) {
			int port = freeLoopbackPort();
			List<String> command = new ArrayList<>();
			command.add(javaExecutable());
			command.addAll(jvmOptions);
			command.add("-jar");
			command.add(jar.toAbsolutePath().toString());
			try {
				command.addAll(arguments.forPort(port));
				Process process = new ProcessBuilder(command).directory(workDir.toFile())
					.redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
					.start();
				ServerProcess server = new ServerProcess(name, process, port, workDir, deleteWorkDir, logFile);
				Runtime.getRuntime().addShutdownHook(server.shutdownHook);
				if (server.awaitAnswer(timeout)) {
					return server;
				}
				// the work folder stays, for the next attempt or for someone reading the
				// log
				server.removeShutdownHook();
				server.destroy();
				String tail = server.logTail();
				if (!isAddressInUse(tail) || attempt == ATTEMPTS) {
					throw new IllegalStateException(name + " did not start on 127.0.0.1:" + port + " within "
							+ timeout.toSeconds() + " s; the end of its output (" + logFile + "):\n" + tail);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start " + name + ": " + command, ex);
			}
		}
	}

	/** The loopback port the server listens on. */
	int port() {
		return this.port;
	}

	/** {@code http://127.0.0.1:PORT}. */
	URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	Path workDir() {
		return this.workDir;
	}

	Path logFile() {
		return this.logFile;
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/** Stops the server and, if asked to at start, deletes its work folder. */
	@Override
	public void close() {
		removeShutdownHook();
		stop();
	}

	private void removeShutdownHook() {
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// the JVM is shutting down, so the hook runs anyway
		}
	}

	private void stop() {
		destroy();
		if (this.deleteWorkDir) {
			deleteRecursively(this.workDir);
		}
	}

	private synchronized void destroy() {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Polls the port until any HTTP answer comes back (S3 servers answer an anonymous
	 * {@code GET /} with 403 or 200). False when the process ended or the time ran out.
	 */
	private boolean awaitAnswer(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline && this.process.isAlive()) {
			if (answers()) {
				// an answer from a process that has since died came from someone else's
				// server on the same port
				return this.process.isAlive();
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return false;
	}

	private boolean answers() {
		try {
			HttpURLConnection connection = (HttpURLConnection) endpoint().toURL().openConnection();
			connection.setConnectTimeout(500);
			connection.setReadTimeout(2000);
			try {
				return connection.getResponseCode() > 0;
			}
			finally {
				connection.disconnect();
			}
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** The last lines of the server's output, for error messages. */
	String logTail() {
		try {
			List<String> lines = Files.readAllLines(this.logFile, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(no output: " + ex.getMessage() + ")";
		}
	}

	private static boolean isAddressInUse(String output) {
		return output.contains("already in use") || output.contains("BindException");
	}

	/**
	 * A port that was free on 127.0.0.1 a moment ago. Another process may take it before
	 * the server binds it; the start is then retried.
	 */
	static int freeLoopbackPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port on the loopback interface", ex);
		}
	}

	/** The java launcher of the running JVM, so the server runs on the same Java. */
	static String javaExecutable() {
		Path fromJavaHome = Path.of(System.getProperty("java.home"), "bin",
				System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java");
		if (Files.isExecutable(fromJavaHome)) {
			return fromJavaHome.toString();
		}
		return ProcessHandle.current().info().command().orElse("java");
	}

	private static void deleteRecursively(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// a temp folder left behind is not worth failing a shutdown for
		}
	}

	/** The server's command-line arguments once its port is known. */
	@FunctionalInterface
	interface PortArguments {

		List<String> forPort(int port) throws IOException;

	}

}
