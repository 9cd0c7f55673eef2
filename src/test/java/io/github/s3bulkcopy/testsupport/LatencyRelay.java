package io.github.s3bulkcopy.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * An HTTP/1.1 relay on 127.0.0.1 in front of a local S3 server that makes it answer as
 * far away as S3 is: every request is held for a set latency (with optional jitter)
 * before it is forwarded, and above a set request rate requests are answered with 503
 * SlowDown instead, as S3 answers a prefix that gets more requests than it can take.
 * Requests and answers pass byte for byte (the Host header is the relay's, as the client
 * signed it, so SigV4 signatures stay valid; path-style addressing); bodies are streamed,
 * never held whole.
 * <p>
 * Each client connection gets one thread of the relay and a keep-alive connection of its
 * own to the server: a request is read, held by sleeping on that thread, forwarded, and
 * its answer relayed, then the next request of the same connection is read. An HTTP/1.1
 * connection carries one request at a time, so a blocked thread per connection costs
 * nothing while it waits and takes no selector, timer queue or hand-over between threads
 * per request: a few system calls and two wake-ups, the same for every client, whatever
 * its language. {@link #stats()} tells the CPU the relay used, so a benchmark can show it
 * stayed small.
 * <p>
 * {@code GET /_relay/stats} (a path no bucket can have) answers the counters as JSON,
 * {@code ?reset} starts them again; {@link #main} runs the relay as a process of its own
 * for {@code bench/run.sh}.
 */
public final class LatencyRelay implements AutoCloseable {

	private static final String STATS_PATH = "/_relay/stats";

	private static final int BUFFER = 64 * 1024;

	private final ServerSocket server;

	private final InetSocketAddress upstream;

	private final Settings settings;

	private final ExecutorService threads = Executors.newCachedThreadPool((runnable) -> {
		// Small stacks: one thread per client connection, hundreds of them at 256
		// requests in flight.
		Thread thread = new Thread(null, runnable, "latency-relay", 256 * 1024);
		thread.setDaemon(true);
		return thread;
	});

	private final Throttle throttle;

	private final LongAdder requests = new LongAdder();

	private final LongAdder slowDowns = new LongAdder();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger maxInFlight = new AtomicInteger();

	private final AtomicLong connections = new AtomicLong();

	private volatile long countingSince = System.nanoTime();

	private volatile long cpuAtReset = processCpuNanos();

	private volatile boolean closed;

	/**
	 * What the relay does to requests.
	 *
	 * @param latency how long every request is held before it is forwarded (or answered
	 * with 503 SlowDown)
	 * @param jitter the most a request's hold differs from {@code latency}, either way,
	 * spread evenly
	 * @param throttleRps requests per second forwarded before the rest are answered 503
	 * SlowDown; 0: no limit
	 * @param throttlePrefix only requests on keys that start with this (in any bucket, as
	 * sent: URL-encoded) count against the limit and are throttled, as S3 throttles a
	 * prefix; empty: every request, listings included
	 */
	public record Settings(Duration latency, Duration jitter, int throttleRps, String throttlePrefix) {

		/** Every request held for {@code latency}, none throttled. */
		public static Settings latency(Duration latency) {
			return new Settings(latency, Duration.ZERO, 0, "");
		}

		/**
		 * The same settings with requests above {@code rps} per second answered 503
		 * SlowDown.
		 */
		public Settings throttledAbove(int rps) {
			return new Settings(this.latency, this.jitter, rps, this.throttlePrefix);
		}

		/** The same settings with holds spread by up to {@code jitter} either way. */
		public Settings withJitter(Duration jitter) {
			return new Settings(this.latency, jitter, this.throttleRps, this.throttlePrefix);
		}

		/**
		 * The same settings throttling only requests on keys that start with
		 * {@code prefix}.
		 */
		public Settings throttlingOnly(String prefix) {
			return new Settings(this.latency, this.jitter, this.throttleRps, prefix);
		}

	}

	/**
	 * The relay's counters since it started or was last reset.
	 *
	 * @param requests requests received (forwarded or answered 503)
	 * @param slowDowns requests answered 503 SlowDown by the relay
	 * @param maxInFlight the most requests held, forwarded or being answered at once
	 * @param connections client connections accepted
	 * @param seconds how long the counters have run
	 * @param cpuSeconds the CPU the relay's process used meanwhile (the whole JVM's, when
	 * it runs inside a test)
	 */
	public record Stats(long requests, long slowDowns, int maxInFlight, long connections, double seconds,
			double cpuSeconds) {

		/** The share of requests answered 503 SlowDown, in percent. */
		public double slowDownPercent() {
			return (this.requests == 0) ? 0 : 100.0 * this.slowDowns / this.requests;
		}

		String json() {
			return String.format(Locale.ROOT,
					"{\"requests\":%d,\"slowDowns\":%d,\"slowDownPercent\":%.2f,\"maxInFlight\":%d,\"connections\":%d,"
							+ "\"seconds\":%.3f,\"cpuSeconds\":%.3f}",
					this.requests, this.slowDowns, slowDownPercent(), this.maxInFlight, this.connections, this.seconds,
					this.cpuSeconds);
		}

	}

	private LatencyRelay(ServerSocket server, URI upstream, Settings settings) {
		this.server = server;
		this.upstream = new InetSocketAddress(InetAddress.getLoopbackAddress(), upstream.getPort());
		this.settings = settings;
		this.throttle = (settings.throttleRps() > 0) ? new Throttle(settings.throttleRps()) : null;
	}

	/**
	 * Starts a relay on a free port of 127.0.0.1 in front of {@code upstream} (a loopback
	 * endpoint).
	 */
	public static LatencyRelay start(URI upstream, Settings settings) throws IOException {
		return start(upstream, settings, 0);
	}

	/**
	 * Starts a relay on {@code port} of 127.0.0.1 (0: a free one) in front of
	 * {@code upstream}.
	 */
	public static LatencyRelay start(URI upstream, Settings settings, int port) throws IOException {
		ServerSocket server = new ServerSocket(port, 1024, InetAddress.getLoopbackAddress());
		LatencyRelay relay = new LatencyRelay(server, upstream, settings);
		Thread acceptor = new Thread(relay::accept, "latency-relay-accept");
		acceptor.setDaemon(true);
		acceptor.start();
		return relay;
	}

	/** The relay's endpoint, to use instead of the server's. */
	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.server.getLocalPort());
	}

	/** The counters since the relay started or was last reset. */
	public Stats stats() {
		return new Stats(this.requests.sum(), this.slowDowns.sum(), this.maxInFlight.get(), this.connections.get(),
				(System.nanoTime() - this.countingSince) / 1e9, (processCpuNanos() - this.cpuAtReset) / 1e9);
	}

	/** Starts the counters again; returns them as they were. */
	public synchronized Stats reset() {
		Stats stats = stats();
		this.requests.reset();
		this.slowDowns.reset();
		this.maxInFlight.set(this.inFlight.get());
		this.connections.set(0);
		this.countingSince = System.nanoTime();
		this.cpuAtReset = processCpuNanos();
		return stats;
	}

	private void accept() {
		while (!this.closed) {
			try {
				Socket client = this.server.accept();
				this.connections.incrementAndGet();
				this.threads.execute(() -> serve(client));
			}
			catch (IOException ex) {
				if (!this.closed) {
					System.err.println("latency relay: accept failed: " + ex);
				}
			}
			catch (RuntimeException ex) {
				// rejected after close
			}
		}
	}

	private void serve(Socket client) {
		Socket upstreamSocket = null;
		try (client) {
			client.setTcpNoDelay(true);
			Wire clientIn = new Wire(client.getInputStream());
			OutputStream clientOut = client.getOutputStream();
			Wire upIn = null;
			OutputStream upOut = null;
			byte[] buffer = new byte[BUFFER];
			while (!this.closed) {
				Head request = Head.read(clientIn);
				if (request == null) {
					return;
				}
				if (request.target().startsWith(STATS_PATH)) {
					discardBody(request, clientIn, buffer);
					Stats stats = request.target().contains("reset") ? reset() : stats();
					answer(clientOut, 200, "OK", "application/json", stats.json() + "\n", false);
					continue;
				}
				long arrived = System.nanoTime();
				this.requests.increment();
				enter();
				try {
					boolean throttled = this.throttle != null
							&& request.key().startsWith(this.settings.throttlePrefix())
							&& !this.throttle.admit(arrived);
					hold(arrived);
					if (throttled) {
						this.slowDowns.increment();
						boolean head = request.method().equals("HEAD");
						if (request.expectsContinue()) {
							// Answered before the body, as S3 does; the client then sends
							// no body on this connection.
							answerSlowDown(clientOut, head);
							return;
						}
						discardBody(request, clientIn, buffer);
						answerSlowDown(clientOut, head);
						if (request.closes()) {
							return;
						}
						continue;
					}
					if (upstreamSocket == null) {
						upstreamSocket = new Socket();
						upstreamSocket.setTcpNoDelay(true);
						upstreamSocket.connect(this.upstream, 5000);
						upIn = new Wire(upstreamSocket.getInputStream());
						upOut = upstreamSocket.getOutputStream();
					}
					upOut.write(request.bytes());
					if (request.expectsContinue()) {
						upOut.flush();
						Head interim = Head.read(upIn);
						if (interim == null) {
							return;
						}
						clientOut.write(interim.bytes());
						clientOut.flush();
						if (interim.status() != 100) {
							relayBody(interim, request.method(), upIn, clientOut, buffer);
							clientOut.flush();
							// Whether the client sends its body after a final answer is
							// its choice: start afresh.
							return;
						}
					}
					relayBody(request, request.method(), clientIn, upOut, buffer);
					upOut.flush();
					Head response;
					do {
						response = Head.read(upIn);
						if (response == null) {
							return;
						}
						clientOut.write(response.bytes());
					}
					while (response.status() >= 100 && response.status() < 200);
					if (!relayBody(response, request.method(), upIn, clientOut, buffer)) {
						clientOut.flush();
						return;
					}
					clientOut.flush();
					if (response.closes() || request.closes()) {
						return;
					}
				}
				finally {
					this.inFlight.decrementAndGet();
				}
			}
		}
		catch (IOException ex) {
			// A client or server that hung up ends this connection only.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			if (upstreamSocket != null) {
				try {
					upstreamSocket.close();
				}
				catch (IOException ex) {
					// closing anyway
				}
			}
		}
	}

	private void enter() {
		int now = this.inFlight.incrementAndGet();
		int max = this.maxInFlight.get();
		while (now > max && !this.maxInFlight.compareAndSet(max, now)) {
			max = this.maxInFlight.get();
		}
	}

	/**
	 * Sleeps until the request has been held for its latency, counted from its arrival.
	 */
	private void hold(long arrived) throws InterruptedException {
		long nanos = this.settings.latency().toNanos();
		long jitter = this.settings.jitter().toNanos();
		if (jitter > 0) {
			nanos += ThreadLocalRandom.current().nextLong(-jitter, jitter + 1);
		}
		long left = arrived + nanos - System.nanoTime();
		if (left > 0) {
			Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
		}
	}

	/** S3's answer to too many requests on a prefix; an answer to a HEAD has no body. */
	private static void answerSlowDown(OutputStream out, boolean head) throws IOException {
		String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SlowDown</Code>"
				+ "<Message>Please reduce your request rate.</Message><RequestId>"
				+ Long.toHexString(ThreadLocalRandom.current().nextLong()).toUpperCase(Locale.ROOT)
				+ "</RequestId><HostId>latency-relay</HostId></Error>";
		answer(out, 503, "Slow Down", "application/xml", body, head);
	}

	private static void answer(OutputStream out, int status, String reason, String type, String body, boolean head)
			throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		String headers = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: " + type + "\r\nContent-Length: "
				+ bytes.length + "\r\n\r\n";
		out.write(headers.getBytes(StandardCharsets.ISO_8859_1));
		if (!head) {
			out.write(bytes);
		}
		out.flush();
	}

	private static void discardBody(Head request, Wire in, byte[] buffer) throws IOException {
		relayBody(request, request.method(), in, OutputStream.nullOutputStream(), buffer);
	}

	/**
	 * Relays the body that follows a request or response head; false when it runs until
	 * the connection closes, so the connection cannot be used again.
	 */
	private static boolean relayBody(Head head, String requestMethod, Wire in, OutputStream out, byte[] buffer)
			throws IOException {
		if (head.isResponse()) {
			int status = head.status();
			if (requestMethod.equals("HEAD") || status == 204 || status == 304 || (status >= 100 && status < 200)) {
				return true;
			}
		}
		if (head.chunked()) {
			relayChunked(in, out, buffer);
			return true;
		}
		long length = head.contentLength();
		if (length >= 0) {
			in.copy(out, length, buffer);
			return true;
		}
		if (!head.isResponse()) {
			return true;
		}
		in.copy(out, Long.MAX_VALUE, buffer);
		return false;
	}

	private static void relayChunked(Wire in, OutputStream out, byte[] buffer) throws IOException {
		while (true) {
			String sizeLine = in.line();
			out.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
			int semicolon = sizeLine.indexOf(';');
			long size = Long.parseLong(((semicolon < 0) ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
			if (size == 0) {
				String trailer;
				do {
					trailer = in.line();
					out.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
				}
				while (!trailer.isEmpty());
				return;
			}
			in.copy(out, size, buffer);
			out.write((in.line() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
		}
	}

	private static long processCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return 0;
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		this.server.close();
		this.threads.shutdownNow();
	}

	/**
	 * Runs a relay until the process is ended, printing its counters as JSON when it
	 * ends.
	 * <p>
	 * {@code LatencyRelay UPSTREAM-ENDPOINT [--port N] [--latency 20ms] [--jitter 5ms] [--throttle-rps N]
	 * [--throttle-prefix KEY-PREFIX]} (durations in ms or s; a bare number is
	 * milliseconds)
	 */
	public static void main(String[] args) throws Exception {
		if (args.length < 1 || args.length % 2 != 1) {
			System.err.println("usage: LatencyRelay UPSTREAM-ENDPOINT [--port N] [--latency 20ms] [--jitter 5ms] "
					+ "[--throttle-rps N] [--throttle-prefix KEY-PREFIX]");
			System.exit(2);
		}
		URI upstream = URI.create(args[0]);
		int port = 0;
		Settings settings = Settings.latency(Duration.ZERO);
		for (int i = 1; i < args.length; i += 2) {
			String value = args[i + 1];
			switch (args[i]) {
				case "--port" -> port = Integer.parseInt(value);
				case "--latency" -> settings = new Settings(duration(value), settings.jitter(), settings.throttleRps(),
						settings.throttlePrefix());
				case "--jitter" -> settings = settings.withJitter(duration(value));
				case "--throttle-rps" -> settings = settings.throttledAbove(Integer.parseInt(value));
				case "--throttle-prefix" -> settings = settings.throttlingOnly(value);
				default -> throw new IllegalArgumentException("unknown option " + args[i]);
			}
		}
		LatencyRelay relay = start(upstream, settings, port);
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> System.out.println("latency relay stats: " + relay.stats().json()),
					"latency-relay-stats"));
		System.out.println("latency relay on " + relay.endpoint() + " in front of " + upstream + ": " + settings);
		System.out.flush();
		Thread.currentThread().join();
	}

	/** A duration such as {@code 20ms}, {@code 0.5s} or {@code 20} (milliseconds). */
	static Duration duration(String text) {
		String value = text.strip().toLowerCase(Locale.ROOT);
		if (value.endsWith("ms")) {
			return Duration.ofNanos(Math.round(Double.parseDouble(value.substring(0, value.length() - 2)) * 1e6));
		}
		if (value.endsWith("s")) {
			return Duration.ofNanos(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1e9));
		}
		return Duration.ofNanos(Math.round(Double.parseDouble(value) * 1e6));
	}

	/**
	 * A token bucket: {@code rps} requests a second, and at most a tenth of a second's
	 * worth at once, so a burst above the rate is throttled as soon as it starts, as S3
	 * does once a prefix is past its rate.
	 */
	private static final class Throttle {

		private final double perNano;

		private final double capacity;

		private double tokens;

		private long last = System.nanoTime();

		Throttle(int rps) {
			this.perNano = rps / 1e9;
			this.capacity = Math.max(1, rps / 10.0);
			this.tokens = this.capacity;
		}

		synchronized boolean admit(long now) {
			this.tokens = Math.min(this.capacity, this.tokens + Math.max(0, now - this.last) * this.perNano);
			this.last = Math.max(this.last, now);
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return true;
			}
			return false;
		}

	}

	/** One direction of a connection, read through a buffer of its own. */
	private static final class Wire {

		private final InputStream in;

		private final byte[] buffer = new byte[16 * 1024];

		private int position;

		private int limit;

		Wire(InputStream in) {
			this.in = in;
		}

		/** Fills the buffer when it is empty; false at the end of the stream. */
		private boolean fill() throws IOException {
			if (this.position < this.limit) {
				return true;
			}
			int read = this.in.read(this.buffer);
			if (read < 0) {
				return false;
			}
			this.position = 0;
			this.limit = read;
			return true;
		}

		/**
		 * The bytes up to and including the empty line that ends a head, or null at the
		 * end of the stream before any byte of it.
		 */
		byte[] head() throws IOException {
			java.io.ByteArrayOutputStream head = null;
			int matched = 0; // bytes of the "\r\n\r\n" that ends a head seen so far
			while (true) {
				if (!fill()) {
					if (head == null || head.size() == 0) {
						return null;
					}
					throw new IOException("connection closed in the middle of a head");
				}
				int start = this.position;
				while (this.position < this.limit) {
					byte b = this.buffer[this.position++];
					if (b == '\r') {
						matched = (matched == 0 || matched == 2) ? matched + 1 : 1;
					}
					else if (b == '\n') {
						matched = (matched == 1 || matched == 3) ? matched + 1 : 0;
					}
					else {
						matched = 0;
					}
					if (matched == 4) {
						if (head == null) {
							head = new java.io.ByteArrayOutputStream(this.position - start);
						}
						head.write(this.buffer, start, this.position - start);
						return head.toByteArray();
					}
				}
				if (head == null) {
					head = new java.io.ByteArrayOutputStream(1024);
				}
				head.write(this.buffer, start, this.limit - start);
				if (head.size() > 1024 * 1024) {
					throw new IOException("a head of more than 1 MiB");
				}
			}
		}

		/** A line without its line end. */
		String line() throws IOException {
			StringBuilder line = new StringBuilder();
			while (true) {
				if (!fill()) {
					throw new IOException("connection closed in the middle of a line");
				}
				while (this.position < this.limit) {
					byte b = this.buffer[this.position++];
					if (b == '\n') {
						int length = line.length();
						if (length > 0 && line.charAt(length - 1) == '\r') {
							line.setLength(length - 1);
						}
						return line.toString();
					}
					line.append((char) (b & 0xff));
				}
			}
		}

		/**
		 * Copies {@code length} bytes (or until the end of the stream, for
		 * {@link Long#MAX_VALUE}) to {@code out}.
		 */
		void copy(OutputStream out, long length, byte[] scratch) throws IOException {
			long left = length;
			if (this.position < this.limit && left > 0) {
				int n = (int) Math.min(this.limit - this.position, left);
				out.write(this.buffer, this.position, n);
				this.position += n;
				left -= n;
			}
			while (left > 0) {
				int read = this.in.read(scratch, 0, (int) Math.min(scratch.length, left));
				if (read < 0) {
					if (length == Long.MAX_VALUE) {
						return;
					}
					throw new IOException("body ended early");
				}
				out.write(scratch, 0, read);
				left -= read;
			}
		}

	}

	/**
	 * A request or response head: its bytes, as they came, and what the relay needs to
	 * know of it.
	 */
	private record Head(byte[] bytes, String firstLine, long contentLength, boolean chunked, boolean expectsContinue,
			boolean closes) {

		static Head read(Wire in) throws IOException {
			byte[] bytes = in.head();
			if (bytes == null) {
				return null;
			}
			String text = new String(bytes, StandardCharsets.ISO_8859_1);
			int end = text.indexOf('\r');
			String firstLine = text.substring(0, end);
			long contentLength = -1;
			boolean chunked = false;
			boolean expectsContinue = false;
			boolean closes = false;
			int lineStart = end + 2;
			while (lineStart < text.length() - 2) {
				int lineEnd = text.indexOf("\r\n", lineStart);
				int colon = text.indexOf(':', lineStart);
				if (colon > 0 && colon < lineEnd) {
					String name = text.substring(lineStart, colon).strip();
					String value = text.substring(colon + 1, lineEnd).strip();
					if (name.equalsIgnoreCase("content-length")) {
						contentLength = Long.parseLong(value);
					}
					else if (name.equalsIgnoreCase("transfer-encoding")) {
						chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
					}
					else if (name.equalsIgnoreCase("expect")) {
						expectsContinue = value.equalsIgnoreCase("100-continue");
					}
					else if (name.equalsIgnoreCase("connection")) {
						closes = value.equalsIgnoreCase("close");
					}
				}
				lineStart = lineEnd + 2;
			}
			return new Head(bytes, firstLine, contentLength, chunked, expectsContinue, closes);
		}

		boolean isResponse() {
			return this.firstLine.startsWith("HTTP/");
		}

		String method() {
			return this.firstLine.substring(0, this.firstLine.indexOf(' '));
		}

		/**
		 * The key a path-style request names (what follows its bucket, without the
		 * query), as sent.
		 */
		String key() {
			String target = target();
			int query = target.indexOf('?');
			String path = (query < 0) ? target : target.substring(0, query);
			int slash = path.indexOf('/', 1);
			return (slash < 0) ? "" : path.substring(slash + 1);
		}

		/** A request's path and query. */
		String target() {
			int start = this.firstLine.indexOf(' ') + 1;
			int end = this.firstLine.indexOf(' ', start);
			return this.firstLine.substring(start, (end < 0) ? this.firstLine.length() : end);
		}

		int status() {
			int start = this.firstLine.indexOf(' ') + 1;
			return Integer.parseInt(this.firstLine.substring(start, start + 3));
		}

	}

}
