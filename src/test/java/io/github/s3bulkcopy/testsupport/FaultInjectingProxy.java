package io.github.s3bulkcopy.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * An HTTP/1.1 relay on 127.0.0.1 between a client and a local S3 server that breaks a
 * share of the requests the way S3 and networks do: 503 SlowDown, 500 InternalError, a
 * connection reset before any answer, and a slow answer. Requests pass byte for byte
 * (SigV4 signatures stay valid: the Host header is the proxy's, as the client signed it).
 * It can also note the requests as the server receives them ({@link #record()}), and
 * answer some with S3 errors the local server cannot produce ({@link #answer}).
 */
public final class FaultInjectingProxy implements AutoCloseable {

	/** The kinds of fault. */
	public enum Fault {

		SLOW_DOWN, INTERNAL_ERROR, CONNECTION_RESET, SLOW_RESPONSE

	}

	private final ServerSocket server;

	private final InetSocketAddress upstream;

	private final double rate;

	private final long slowMillis;

	private final ExecutorService threads = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "fault-proxy");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<Fault, AtomicLong> injected = new EnumMap<>(Fault.class);

	private final AtomicLong requests = new AtomicLong();

	private volatile boolean closed;

	private volatile String delayedRequests = "\u0000";

	private volatile long delayMillis;

	private final AtomicLong delayed = new AtomicLong();

	private final List<CannedAnswer> cannedAnswers = new CopyOnWriteArrayList<>();

	private volatile Queue<Seen> seen = new ConcurrentLinkedQueue<>();

	/** Requests whose answer is lost once each: see {@link #loseAnswerOnce}. */
	private final List<LostAnswer> lostAnswers = new CopyOnWriteArrayList<>();

	/** A request whose answer is to be lost, and the error code its retries get. */
	private record LostAnswer(Predicate<String> requestLine, String thenAnswered) {
	}

	private final AtomicLong answersLost = new AtomicLong();

	/**
	 * An answer for requests whose request line contains some text and whose headers
	 * match: an S3 error (with {@code code}), or, when {@code code} is null, a success
	 * without a body.
	 */
	private record CannedAnswer(String requestLineContains, Predicate<Map<String, String>> when, int status,
			String code, Map<String, String> headers) {
	}

	/**
	 * A request as the server receives it: its request line
	 * ({@code PUT /bucket/key?uploadId=... HTTP/1.1}) and its headers, names in lower
	 * case.
	 */
	public record Seen(String requestLine, Map<String, String> headers) {

		/** The first segment of the path: the bucket of a path-style request. */
		public String bucket() {
			String path = this.requestLine.split(" ")[1];
			String rest = path.substring(1);
			int end = rest.indexOf('/');
			int query = rest.indexOf('?');
			if (end < 0 || (query >= 0 && query < end)) {
				end = query;
			}
			return (end < 0) ? rest : rest.substring(0, end);
		}

		public String method() {
			return this.requestLine.substring(0, this.requestLine.indexOf(' '));
		}

		/** A header's value, or null when the request had none. */
		public String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

	private final List<AddedHeaders> addedHeaders = new CopyOnWriteArrayList<>();

	/**
	 * A request that got a canned answer, as it came: its request line and its body
	 * (de-chunked).
	 *
	 * @param requestLine method, path and query
	 * @param body the body as text
	 */
	public record AnsweredRequest(String requestLine, String body) {
	}

	private final List<AnsweredRequest> answered = new CopyOnWriteArrayList<>();

	/**
	 * Headers added to the server's 2xx answers to requests whose request line contains
	 * some text.
	 */
	private record AddedHeaders(String requestLineContains, Map<String, String> headers) {
	}

	private final List<XmlAnswer> xmlAnswers = new CopyOnWriteArrayList<>();

	/**
	 * A 200 answer with an XML body for requests whose request line contains some text.
	 */
	private record XmlAnswer(String requestLineContains, String xml) {
	}

	/**
	 * @param upstream the server to relay to (a loopback endpoint)
	 * @param rate the share of requests that get a fault, 0 to 1, spread evenly over the
	 * kinds
	 * @param slowMillis how long a slow answer is held back
	 */
	public FaultInjectingProxy(URI upstream, double rate, long slowMillis) throws IOException {
		this.upstream = new InetSocketAddress(InetAddress.getLoopbackAddress(), upstream.getPort());
		this.rate = rate;
		this.slowMillis = slowMillis;
		for (Fault fault : Fault.values()) {
			this.injected.put(fault, new AtomicLong());
		}
		this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
		this.threads.execute(this::accept);
	}

	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.server.getLocalPort());
	}

	public long injected(Fault fault) {
		return this.injected.get(fault).get();
	}

	public long requests() {
		return this.requests.get();
	}

	/**
	 * Holds back every request whose request line contains {@code text} (e.g.
	 * {@code list-type=2} for listings), so a test can act while a run is in a given
	 * phase.
	 */
	public void delay(String text, long millis) {
		this.delayMillis = millis;
		this.delayedRequests = text;
	}

	/**
	 * Answers every request whose request line (method, path and query, URL-encoded as
	 * sent) contains {@code text} with an S3 error, as S3 would for an archived object or
	 * a denied key, which the local server cannot produce.
	 */
	public void answer(String text, int status, String code, Map<String, String> headers) {
		this.cannedAnswers.add(new CannedAnswer(text, (any) -> true, status, code, headers));
	}

	/**
	 * Answers with an S3 error every request whose request line contains {@code text} and
	 * whose headers (names in lower case) match {@code when}: S3's answer to a request
	 * that lacks {@code x-amz-request-payer} on a requester pays bucket, or names another
	 * owner in {@code x-amz-expected-bucket-owner}.
	 */
	public void answer(String text, Predicate<Map<String, String>> when, int status, String code) {
		this.cannedAnswers.add(new CannedAnswer(text, when, status, code, Map.of()));
	}

	/**
	 * Forgets the requests noted so far: {@link #seen()} lists those that arrive from now
	 * on.
	 */
	public void record() {
		this.seen = new ConcurrentLinkedQueue<>();
	}

	/**
	 * The requests noted since the relay started or {@link #record()} was last called, in
	 * the order they arrived.
	 */
	public List<Seen> seen() {
		return List.copyOf(this.seen);
	}

	/**
	 * Adds headers to the server's 2xx answers to every request whose request line
	 * contains {@code text}: what S3 would answer (e.g. an object's Object Lock retention
	 * on its HEAD and GET) and the local server does not store.
	 */
	public void addAnswerHeaders(String text, Map<String, String> headers) {
		this.addedHeaders.add(new AddedHeaders(text, Map.copyOf(headers)));
	}

	/**
	 * Answers every request whose request line contains {@code text} with a 200 and this
	 * XML body.
	 */
	public void answerXml(String text, String xml) {
		this.xmlAnswers.add(new XmlAnswer(text, xml));
	}

	/**
	 * Answers every request whose request line contains {@code text} with a success of
	 * {@code status} and no body, as S3 answers RestoreObject (202 Accepted), which the
	 * local server does not implement.
	 */
	public void succeed(String text, int status) {
		this.cannedAnswers.add(new CannedAnswer(text, (any) -> true, status, null, Map.of()));
	}

	/**
	 * The requests that got an answer set with {@link #answer} or {@link #succeed}, in
	 * the order they came.
	 */
	public List<AnsweredRequest> answered() {
		return List.copyOf(this.answered);
	}

	/**
	 * Ends every answer set with {@link #answer} or {@link #succeed} and every header set
	 * with {@link #addAnswerHeaders}: requests pass unchanged again.
	 */
	public void clearAnswers() {
		this.cannedAnswers.clear();
		this.addedHeaders.clear();
	}

	/**
	 * The first request whose request line matches goes to the server, which acts on it,
	 * but its answer is lost: the connection is reset instead, as when a client's timeout
	 * cuts off a slow answer. Its retries (the same request line) are answered 404 with
	 * {@code thenAnswered} instead of reaching the server: how S3 answers the retry of a
	 * CompleteMultipartUpload it has completed (NoSuchUpload), where S3Proxy completes it
	 * again.
	 */
	public void loseAnswerOnce(Predicate<String> requestLine, String thenAnswered) {
		this.lostAnswers.add(new LostAnswer(requestLine, thenAnswered));
	}

	/**
	 * Whether a request line is a CompleteMultipartUpload's: a POST to an upload
	 * ({@code ?uploadId=} alone, where a part's has {@code partNumber} first).
	 */
	public static boolean isCompleteMultipartUpload(String requestLine) {
		return requestLine.startsWith("POST ") && requestLine.contains("?uploadId=");
	}

	/** How many answers {@link #loseAnswerOnce} has lost. */
	public long answersLost() {
		return this.answersLost.get();
	}

	/** How many requests were held back by {@link #delay}. */
	public long delayed() {
		return this.delayed.get();
	}

	private void accept() {
		while (!this.closed) {
			try {
				Socket client = this.server.accept();
				this.threads.execute(() -> serve(client));
			}
			catch (IOException ex) {
				if (!this.closed) {
					throw new IllegalStateException(ex);
				}
			}
		}
	}

	private void serve(Socket client) {
		try (client; Socket upstreamSocket = new Socket()) {
			upstreamSocket.connect(this.upstream, 5000);
			InputStream clientIn = new BufferedInputStream(client.getInputStream());
			OutputStream clientOut = client.getOutputStream();
			InputStream upIn = new BufferedInputStream(upstreamSocket.getInputStream());
			OutputStream upOut = upstreamSocket.getOutputStream();
			while (!this.closed) {
				Head request = Head.read(clientIn);
				if (request == null) {
					return;
				}
				this.requests.incrementAndGet();
				this.seen.add(new Seen(request.firstLine(), Map.copyOf(request.headers())));
				XmlAnswer xml = this.xmlAnswers.stream()
					.filter((answer) -> request.firstLine().contains(answer.requestLineContains()))
					.findFirst()
					.orElse(null);
				if (xml != null) {
					discardBody(request, clientIn);
					answerXml(clientOut, xml.xml());
					continue;
				}
				if (request.firstLine().contains(this.delayedRequests)) {
					this.delayed.incrementAndGet();
					Thread.sleep(this.delayMillis);
				}
				CannedAnswer canned = this.cannedAnswers.stream()
					.filter((answer) -> request.firstLine().contains(answer.requestLineContains())
							&& answer.when().test(request.headers()))
					.findFirst()
					.orElse(null);
				if (canned != null) {
					ByteArrayOutputStream body = new ByteArrayOutputStream();
					if (!request.expectsContinue()) {
						readBody(request, clientIn, body);
					}
					this.answered.add(new AnsweredRequest(request.firstLine(), body.toString(StandardCharsets.UTF_8)));
					if (canned.code() == null) {
						succeed(clientOut, canned.status());
					}
					else {
						answer(clientOut, request.method().equals("HEAD"), canned.status(), canned.code(),
								canned.headers());
					}
					if (request.expectsContinue()) {
						return;
					}
					continue;
				}
				Fault fault = chooseFault();
				if (fault == Fault.CONNECTION_RESET) {
					client.setSoLinger(true, 0);
					return;
				}
				if (fault == Fault.SLOW_DOWN || fault == Fault.INTERNAL_ERROR) {
					boolean head = request.method().equals("HEAD");
					if (request.expectsContinue()) {
						// Answer before the body, as S3 does; the client then sends no
						// body on this connection.
						answerError(clientOut, head, fault);
						return;
					}
					discardBody(request, clientIn);
					answerError(clientOut, head, fault);
					continue;
				}
				if (fault == Fault.SLOW_RESPONSE) {
					Thread.sleep(this.slowMillis);
				}
				LostAnswer lost = this.lostAnswers.stream()
					.filter((rule) -> rule.requestLine().test(request.firstLine()))
					.findFirst()
					.orElse(null);
				boolean lose = lost != null && this.lostAnswers.remove(lost);
				if (lose) {
					this.answersLost.incrementAndGet();
					// Its retries carry the same request line, and get the canned error.
					this.cannedAnswers.add(new CannedAnswer(request.firstLine(), (headers) -> true, 404,
							lost.thenAnswered(), Map.of()));
				}
				OutputStream answerOut = lose ? OutputStream.nullOutputStream() : clientOut;
				upOut.write(request.bytes());
				upOut.flush();
				Head response;
				if (request.expectsContinue()) {
					response = Head.read(upIn);
					if (response == null) {
						return;
					}
					clientOut.write(response.bytes());
					clientOut.flush();
					if (response.status() != 100) {
						relayBody(response, request.method(), upIn, clientOut);
						return;
					}
				}
				relayRequestBody(request, clientIn, upOut);
				do {
					response = Head.read(upIn);
					if (response == null) {
						return;
					}
					answerOut.write(withAddedHeaders(request, response));
				}
				while (response.status() == 100);
				relayBody(response, request.method(), upIn, answerOut);
				if (lose) {
					client.setSoLinger(true, 0);
					return;
				}
				clientOut.flush();
				if (response.header("connection").equalsIgnoreCase("close")) {
					return;
				}
			}
		}
		catch (IOException | InterruptedException ex) {
			// A client or server that hung up ends this connection only.
		}
	}

	private byte[] withAddedHeaders(Head request, Head response) {
		if (response.status() < 200 || response.status() > 299) {
			return response.bytes();
		}
		StringBuilder added = new StringBuilder();
		for (AddedHeaders rule : this.addedHeaders) {
			if (request.firstLine().contains(rule.requestLineContains())) {
				rule.headers().forEach((name, value) -> added.append(name).append(": ").append(value).append("\r\n"));
			}
		}
		if (added.isEmpty()) {
			return response.bytes();
		}
		String head = new String(response.bytes(), StandardCharsets.ISO_8859_1);
		// The head ends with an empty line: the added headers go before it.
		return (head.substring(0, head.length() - 2) + added + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
	}

	private static void answerXml(OutputStream out, String xml) throws IOException {
		byte[] body = xml.getBytes(StandardCharsets.UTF_8);
		out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: " + body.length + "\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1));
		out.write(body);
		out.flush();
	}

	private Fault chooseFault() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		if (random.nextDouble() >= this.rate) {
			return null;
		}
		Fault fault = Fault.values()[random.nextInt(Fault.values().length)];
		this.injected.get(fault).incrementAndGet();
		return fault;
	}

	/**
	 * An injected error; an answer to a HEAD has no body, or the connection's next answer
	 * would be misread.
	 */
	private static void answerError(OutputStream out, boolean head, Fault fault) throws IOException {
		boolean slowDown = fault == Fault.SLOW_DOWN;
		answer(out, head, slowDown ? 503 : 500, slowDown ? "SlowDown" : "InternalError", Map.of());
	}

	private static void answer(OutputStream out, boolean head, int status, String code, Map<String, String> headers)
			throws IOException {
		byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code
				+ "</Code><Message>injected by FaultInjectingProxy</Message><RequestId>fault</RequestId></Error>")
			.getBytes(StandardCharsets.UTF_8);
		StringBuilder response = new StringBuilder("HTTP/1.1 " + status + " " + code + "\r\n");
		headers.forEach((name, value) -> response.append(name).append(": ").append(value).append("\r\n"));
		response.append("Content-Type: application/xml\r\nContent-Length: ")
			.append(head ? 0 : body.length)
			.append("\r\n\r\n");
		out.write(response.toString().getBytes(StandardCharsets.ISO_8859_1));
		if (!head) {
			out.write(body);
		}
		out.flush();
	}

	private static void succeed(OutputStream out, int status) throws IOException {
		out.write(("HTTP/1.1 " + status + " Accepted\r\nContent-Length: 0\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}

	/** Reads a request's body, without the chunk framing of a chunked one. */
	private static void readBody(Head request, InputStream in, OutputStream out) throws IOException {
		if (!request.chunked()) {
			copy(in, out, request.contentLength());
			return;
		}
		while (true) {
			String sizeLine = readLine(in);
			int semicolon = sizeLine.indexOf(';');
			long size = Long.parseLong((semicolon < 0) ? sizeLine.strip() : sizeLine.substring(0, semicolon).strip(),
					16);
			if (size == 0) {
				for (String trailer = readLine(in); trailer != null && !trailer.isEmpty(); trailer = readLine(in)) {
					// Trailers (such as a checksum) are not part of the body.
				}
				return;
			}
			copy(in, out, size);
			readLine(in);
		}
	}

	private static void discardBody(Head request, InputStream in) throws IOException {
		relayRequestBody(request, in, OutputStream.nullOutputStream());
	}

	private static void relayRequestBody(Head request, InputStream in, OutputStream out) throws IOException {
		if (request.chunked()) {
			relayChunked(in, out);
		}
		else {
			copy(in, out, request.contentLength());
		}
		out.flush();
	}

	private static void relayBody(Head response, String method, InputStream in, OutputStream out) throws IOException {
		int status = response.status();
		if (method.equals("HEAD") || status == 204 || status == 304 || (status >= 100 && status < 200)) {
			return;
		}
		if (response.chunked()) {
			relayChunked(in, out);
		}
		else if (response.contentLength() >= 0) {
			copy(in, out, response.contentLength());
		}
		else {
			in.transferTo(out);
		}
	}

	private static void relayChunked(InputStream in, OutputStream out) throws IOException {
		while (true) {
			String sizeLine = readLine(in);
			out.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
			int semicolon = sizeLine.indexOf(';');
			long size = Long.parseLong((semicolon < 0) ? sizeLine.strip() : sizeLine.substring(0, semicolon).strip(),
					16);
			if (size == 0) {
				String trailer;
				do {
					trailer = readLine(in);
					out.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
				}
				while (!trailer.isEmpty());
				return;
			}
			copy(in, out, size);
			out.write((readLine(in) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
		}
	}

	private static void copy(InputStream in, OutputStream out, long length) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long left = length;
		while (left > 0) {
			int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
			if (read < 0) {
				throw new IOException("body ended early");
			}
			out.write(buffer, 0, read);
			left -= read;
		}
	}

	static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) >= 0) {
			if (b == '\n') {
				byte[] bytes = line.toByteArray();
				int length = (bytes.length > 0 && bytes[bytes.length - 1] == '\r') ? bytes.length - 1 : bytes.length;
				return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
			}
			line.write(b);
		}
		if (line.size() == 0) {
			return null;
		}
		throw new IOException("connection closed in the middle of a line");
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		this.server.close();
		this.threads.shutdownNow();
	}

	/**
	 * A request or response head: its raw bytes and what the relay needs to know of it.
	 */
	record Head(byte[] bytes, String firstLine, Map<String, String> headers) {

		static Head read(InputStream in) throws IOException {
			String first = readLine(in);
			if (first == null) {
				return null;
			}
			StringBuilder raw = new StringBuilder(first).append("\r\n");
			Map<String, String> headers = new HashMap<>();
			for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
				raw.append(line).append("\r\n");
				int colon = line.indexOf(':');
				if (colon > 0) {
					headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
							line.substring(colon + 1).strip());
				}
			}
			raw.append("\r\n");
			return new Head(raw.toString().getBytes(StandardCharsets.ISO_8859_1), first, headers);
		}

		String method() {
			return this.firstLine.substring(0, this.firstLine.indexOf(' '));
		}

		int status() {
			return Integer.parseInt(this.firstLine.split(" ")[1]);
		}

		String header(String name) {
			return this.headers.getOrDefault(name, "");
		}

		boolean chunked() {
			return header("transfer-encoding").toLowerCase(Locale.ROOT).contains("chunked");
		}

		long contentLength() {
			String value = header("content-length");
			return value.isEmpty() ? (this.firstLine.startsWith("HTTP/") ? -1 : 0) : Long.parseLong(value);
		}

		boolean expectsContinue() {
			return header("expect").equalsIgnoreCase("100-continue");
		}

	}

}
