package io.github.s3bulkcopy.batchops;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.s3bulkcopy.demo.LocalS3Identity;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local S3 Control endpoint on 127.0.0.1 for the Batch Operations tests: it records
 * every request as the SDK sent it, refuses one S3 Control would refuse (no
 * {@code x-amz-account-id}, a SigV4 signature that is missing, stale, not for service
 * {@code s3} and the expected region, leaves the account header or the payload hash
 * unsigned, or does not match the request: 403 SignatureDoesNotMatch, as AWS answers),
 * answers CreateJob (idempotently, by client request token), DescribeJob and
 * UpdateJobStatus, and walks each job through the lifecycle one DescribeJob at a time:
 * New → Preparing → (Suspended until confirmed) → Ready → Active → Complete, or → Failing
 * → Failed. On Complete it does the job for real against the S3 server: reads the
 * manifest (CSV or inventory) or lists the bucket (generated manifest), copies each
 * object (S3PutObjectCopy) or checks it exists (S3ReplicateObject), and writes a
 * completion report the way S3 does, result rows in AWS's example column order (HTTP
 * status before the error code).
 */
final class LocalS3Control implements AutoCloseable {

	static final String NAMESPACE = "http://awss3control.amazonaws.com/doc/2018-08-20/";

	/** One request as it arrived. */
	record Request(String method, String path, String query, Map<String, String> headers, String body) {

		Document xml() {
			return LocalS3Control.parse(this.body);
		}

	}

	/**
	 * {@code AWS4-HMAC-SHA256 Credential=<key>/<date>/<region>/<service>/aws4_request, SignedHeaders=...,
	 * Signature=...}
	 */
	private static final Pattern AUTHORIZATION = Pattern.compile("AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)"
			+ "/([^/]+)/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})");

	private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private final HttpServer server;

	private final S3Client s3;

	private final LocalS3Identity identity;

	private final String region;

	private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

	private final Map<String, Job> jobs = new LinkedHashMap<>();

	private final Map<String, String> tokens = new LinkedHashMap<>();

	/** Keys whose tasks fail with AccessDenied. */
	final Set<String> failKeys = Collections.synchronizedSet(new HashSet<>());

	/** When set, jobs go Active → Failing → Failed instead of completing. */
	volatile boolean failJobs;

	/** While set, Active jobs stay Active. */
	volatile boolean holdActive;

	/** DescribeJob answers 500 this many more times. */
	final AtomicInteger describeErrors = new AtomicInteger();

	/**
	 * @param s3 where the jobs' objects are
	 * @param identity whose signed requests are accepted
	 * @param region the region requests must be signed for
	 */
	LocalS3Control(S3Client s3, LocalS3Identity identity, String region) throws IOException {
		this.s3 = s3;
		this.identity = identity;
		this.region = region;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	List<Request> requests() {
		synchronized (this.requests) {
			return List.copyOf(this.requests);
		}
	}

	List<Request> createJobRequests() {
		return requests().stream()
			.filter((r) -> r.method().equals("POST") && r.path().equals("/v20180820/jobs"))
			.toList();
	}

	synchronized int jobCount() {
		return this.jobs.size();
	}

	synchronized String status(String jobId) {
		return this.jobs.get(jobId).status;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		Map<String, String> headers = new LinkedHashMap<>();
		exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
		String path = exchange.getRequestURI().getPath();
		String query = (exchange.getRequestURI().getRawQuery() != null) ? exchange.getRequestURI().getRawQuery() : "";
		this.requests.add(new Request(exchange.getRequestMethod(), path, query, headers, body));
		try {
			String unsigned = signatureProblem(exchange, body);
			if (headers.get("x-amz-account-id") == null) {
				respond(exchange, 400, error("InvalidRequest", "x-amz-account-id is missing"));
			}
			else if (unsigned != null) {
				respond(exchange, 403, error("SignatureDoesNotMatch", unsigned));
			}
			else if (exchange.getRequestMethod().equals("POST") && path.equals("/v20180820/jobs")) {
				respond(exchange, 200, createJob(parse(body)));
			}
			else if (exchange.getRequestMethod().equals("GET") && path.startsWith("/v20180820/jobs/")) {
				if (this.describeErrors.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
					respond(exchange, 500, error("InternalError", "the local S3 Control is having a bad day"));
					return;
				}
				respond(exchange, 200, describeJob(path.substring("/v20180820/jobs/".length())));
			}
			else if (exchange.getRequestMethod().equals("POST") && path.endsWith("/status")) {
				String id = path.substring("/v20180820/jobs/".length(), path.length() - "/status".length());
				respond(exchange, 200, updateStatus(id, queryParameter(query, "requestedJobStatus")));
			}
			else {
				respond(exchange, 404, error("NotFound", path));
			}
		}
		catch (IllegalStateException ex) {
			respond(exchange, 400, error("JobStatusException", ex.getMessage()));
		}
		catch (RuntimeException ex) {
			respond(exchange, 500, error("InternalError", String.valueOf(ex)));
		}
	}

	private synchronized String createJob(Document request) {
		String token = text(request, "/CreateJobRequest/ClientRequestToken");
		String id = this.tokens.computeIfAbsent(token, (t) -> {
			String jobId = UUID.randomUUID().toString();
			this.jobs.put(jobId, new Job(jobId, request));
			return jobId;
		});
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><CreateJobResult xmlns=\"" + NAMESPACE + "\"><JobId>" + id
				+ "</JobId></CreateJobResult>";
	}

	private synchronized String describeJob(String id) {
		Job job = this.jobs.get(id);
		if (job == null) {
			throw new IllegalStateException("no job " + id);
		}
		job.advance();
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><DescribeJobResult xmlns=\"")
			.append(NAMESPACE)
			.append("\"><Job><JobId>")
			.append(id)
			.append("</JobId><ConfirmationRequired>")
			.append(job.confirmationRequired)
			.append("</ConfirmationRequired><Status>")
			.append(job.status)
			.append("</Status><Priority>")
			.append(text(job.request, "/CreateJobRequest/Priority"))
			.append("</Priority><ProgressSummary><TotalNumberOfTasks>")
			.append(job.total)
			.append("</TotalNumberOfTasks><NumberOfTasksSucceeded>")
			.append(job.succeeded)
			.append("</NumberOfTasksSucceeded><NumberOfTasksFailed>")
			.append(job.failed)
			.append("</NumberOfTasksFailed><Timers><ElapsedTimeInActiveSeconds>")
			.append(job.step)
			.append("</ElapsedTimeInActiveSeconds></Timers></ProgressSummary>");
		if (job.status.equals("Failed")) {
			// A list's items are <member> elements, as everywhere in the S3 Control API
			// (the SDK's model).
			xml.append("<FailureReasons><member><FailureCode>ManifestNotReadable</FailureCode><FailureReason>")
				.append("Reading the manifest failed: Access Denied</FailureReason></member></FailureReasons>");
		}
		if (job.statusUpdateReason != null) {
			xml.append("<StatusUpdateReason>").append(job.statusUpdateReason).append("</StatusUpdateReason>");
		}
		xml.append("<Report><Bucket>")
			.append(text(job.request, "/CreateJobRequest/Report/Bucket"))
			.append("</Bucket><Format>Report_CSV_20180820</Format><Enabled>true</Enabled>");
		if (!job.reportPrefix.isEmpty()) {
			xml.append("<Prefix>").append(job.reportPrefix).append("</Prefix>");
		}
		xml.append("<ReportScope>").append(job.reportScope).append("</ReportScope></Report></Job></DescribeJobResult>");
		return xml.toString();
	}

	private synchronized String updateStatus(String id, String requested) {
		Job job = this.jobs.get(id);
		if (requested.equals("Ready")) {
			if (!job.status.equals("Suspended")) {
				throw new IllegalStateException("job " + id + " is " + job.status + ", not Suspended");
			}
			job.status = "Ready";
		}
		else if (requested.equals("Cancelled")) {
			job.status = "Cancelling";
			job.statusUpdateReason = "cancelled on request";
		}
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><UpdateJobStatusResult xmlns=\"" + NAMESPACE + "\"><JobId>"
				+ id + "</JobId><Status>" + job.status + "</Status></UpdateJobStatusResult>";
	}

	/** One job and where it is in its lifecycle. */
	private final class Job {

		final String id;

		final Document request;

		final boolean confirmationRequired;

		final String reportBucket;

		final String reportPrefix;

		final String reportScope;

		String status = "New";

		String statusUpdateReason;

		long total;

		long succeeded;

		long failed;

		int step;

		Job(String id, Document request) {
			this.id = id;
			this.request = request;
			this.confirmationRequired = Boolean.parseBoolean(text(request, "/CreateJobRequest/ConfirmationRequired"));
			String arn = text(request, "/CreateJobRequest/Report/Bucket");
			this.reportBucket = arn.substring(arn.lastIndexOf(':') + 1);
			this.reportPrefix = text(request, "/CreateJobRequest/Report/Prefix");
			this.reportScope = text(request, "/CreateJobRequest/Report/ReportScope");
		}

		void advance() {
			this.step++;
			switch (this.status) {
				case "New" -> this.status = "Preparing";
				case "Preparing" -> {
					this.total = objects().size();
					this.status = this.confirmationRequired ? "Suspended" : "Ready";
				}
				case "Ready" -> this.status = "Active";
				case "Active" -> {
					if (failJobs) {
						this.status = "Failing";
					}
					else if (!holdActive) {
						run();
						this.status = "Complete";
					}
				}
				case "Failing" -> this.status = "Failed";
				case "Cancelling" -> this.status = "Cancelled";
				default -> {
				}
			}
		}

		/** Does the tasks and writes the completion report. */
		void run() {
			String operation = text(this.request, "/CreateJobRequest/Operation/S3PutObjectCopy/TargetResource")
				.isEmpty() ? "replicate" : "copy";
			String target = text(this.request, "/CreateJobRequest/Operation/S3PutObjectCopy/TargetResource");
			String targetBucket = target.substring(target.lastIndexOf(':') + 1);
			String targetPrefix = text(this.request, "/CreateJobRequest/Operation/S3PutObjectCopy/TargetKeyPrefix");
			StringBuilder succeededRows = new StringBuilder();
			StringBuilder failedRows = new StringBuilder();
			for (String[] object : objects()) {
				String bucket = object[0];
				String key = object[1];
				String encoded = java.net.URLEncoder.encode(key, StandardCharsets.UTF_8);
				try {
					if (failKeys.contains(key)) {
						throw S3Exception.builder().statusCode(403).message("Access Denied").build();
					}
					if (operation.equals("copy")) {
						LocalS3Control.this.s3.copyObject((copy) -> copy.sourceBucket(bucket)
							.sourceKey(key)
							.destinationBucket(targetBucket)
							.destinationKey(targetPrefix + key));
					}
					else {
						LocalS3Control.this.s3.headObject((head) -> head.bucket(bucket).key(key));
					}
					this.succeeded++;
					succeededRows.append(bucket).append(',').append(encoded).append(",,succeeded,200,,Successful\n");
				}
				catch (S3Exception ex) {
					this.failed++;
					String code = (ex.statusCode() == 403) ? "AccessDenied" : "NoSuchKey";
					failedRows.append(bucket)
						.append(',')
						.append(encoded)
						.append(",,failed,")
						.append(ex.statusCode())
						.append(',')
						.append(code)
						.append(",\"Task failed: ")
						.append(code)
						.append(", see S3\"\n");
				}
			}
			String base = (this.reportPrefix.isEmpty() ? "" : this.reportPrefix + "/") + "job-" + this.id;
			List<String> results = new ArrayList<>();
			if (this.reportScope.equals("AllTasks")) {
				results.add(result(base, "succeeded", succeededRows.toString()));
			}
			results.add(result(base, "failed", failedRows.toString()));
			String manifest = "{\"Format\":\"Report_CSV_20180820\",\"ReportCreationDate\":\"2026-11-23T12:00:00.000Z\","
					+ "\"Results\":[" + String.join(",", results) + "],"
					+ "\"ReportSchema\":\"Bucket, Key, VersionId, TaskStatus, ErrorCode, HTTPStatusCode, ResultMessage\"}";
			put(base + "/manifest.json", manifest);
		}

		private String result(String base, String status, String rows) {
			String key = base + "/results/" + UUID.randomUUID().toString().replace("-", "") + ".csv";
			put(key, rows);
			return "{\"TaskExecutionStatus\":\"" + status + "\",\"Bucket\":\"" + this.reportBucket
					+ "\",\"MD5Checksum\":\"" + S3TestData.md5Hex(rows.getBytes(StandardCharsets.UTF_8))
					+ "\",\"Key\":\"" + key + "\"}";
		}

		private void put(String key, String content) {
			LocalS3Control.this.s3.putObject((put) -> put.bucket(this.reportBucket).key(key),
					RequestBody.fromString(content, StandardCharsets.UTF_8));
		}

		/** The objects of the job: {bucket, key}. */
		List<String[]> objects() {
			String generatorBucket = text(this.request,
					"/CreateJobRequest/ManifestGenerator/S3JobManifestGenerator/SourceBucket");
			if (!generatorBucket.isEmpty()) {
				String bucket = generatorBucket.substring(generatorBucket.lastIndexOf(':') + 1);
				List<String> prefixes = texts(this.request, "/CreateJobRequest/ManifestGenerator/S3JobManifestGenerator"
						+ "/Filter/KeyNameConstraint/MatchAnyPrefix/member");
				return LocalS3Control.this.s3.listObjectsV2Paginator((list) -> list.bucket(bucket))
					.contents()
					.stream()
					.filter((object) -> prefixes.isEmpty() || prefixes.stream().anyMatch(object.key()::startsWith))
					.map((object) -> new String[] { bucket, object.key() })
					.toList();
			}
			String arn = text(this.request, "/CreateJobRequest/Manifest/Location/ObjectArn");
			String location = arn.substring(arn.indexOf(":::") + 3);
			String bucket = location.substring(0, location.indexOf('/'));
			String key = location.substring(location.indexOf('/') + 1);
			String format = text(this.request, "/CreateJobRequest/Manifest/Spec/Format");
			if (format.equals("S3InventoryReport_CSV_20161130")) {
				return inventory(bucket, key);
			}
			return csv(S3TestData.readString(LocalS3Control.this.s3, bucket, key));
		}

		private List<String[]> inventory(String bucket, String manifestKey) {
			JsonNode manifest = JsonMapper.builder()
				.build()
				.readTree(S3TestData.readString(LocalS3Control.this.s3, bucket, manifestKey));
			List<String> schema = List.of(manifest.get("fileSchema").asString().split(",\\s*"));
			List<String[]> objects = new ArrayList<>();
			for (JsonNode file : manifest.get("files")) {
				byte[] gz = S3TestData.readBytes(LocalS3Control.this.s3, bucket, file.get("key").asString());
				try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
					for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
						List<String> fields = TaskResults.fields(line);
						objects.add(new String[] { fields.get(schema.indexOf("Bucket")),
								URLDecoder.decode(fields.get(schema.indexOf("Key")), StandardCharsets.UTF_8) });
					}
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}
			return objects;
		}

		private List<String[]> csv(String content) {
			List<String[]> objects = new ArrayList<>();
			for (String line : content.split("\n")) {
				if (!line.isBlank()) {
					List<String> fields = TaskResults.fields(line);
					objects
						.add(new String[] { fields.get(0), URLDecoder.decode(fields.get(1), StandardCharsets.UTF_8) });
				}
			}
			return objects;
		}

	}

	/**
	 * What is wrong with the request's SigV4 signature, or null when it is the one S3
	 * computes: the canonical request (raw path and query as sent, the signed headers'
	 * trimmed values, the payload's SHA-256) signed with the identity's secret for this
	 * region and service {@code s3}.
	 */
	private String signatureProblem(HttpExchange exchange, String body) {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		Matcher auth = (authorization != null) ? AUTHORIZATION.matcher(authorization) : null;
		if (auth == null || !auth.matches()) {
			return "no SigV4 Authorization header: " + authorization;
		}
		String amzDate = exchange.getRequestHeaders().getFirst("x-amz-date");
		if (amzDate == null || !amzDate.startsWith(auth.group(2))) {
			return "x-amz-date " + amzDate + " is not of the credential scope's day " + auth.group(2);
		}
		if (Duration.between(Instant.from(AMZ_DATE.parse(amzDate)), Instant.now()).abs().toMinutes() > 15) {
			return "x-amz-date " + amzDate + " is more than 15 minutes off";
		}
		if (!auth.group(1).equals(this.identity.accessKeyId()) || !auth.group(3).equals(this.region)
				|| !auth.group(4).equals("s3")) {
			return "signed for " + auth.group(1) + " in " + auth.group(3) + " for " + auth.group(4) + ", not "
					+ this.identity.accessKeyId() + " in " + this.region + " for s3";
		}
		List<String> signedHeaders = Arrays.asList(auth.group(5).split(";"));
		if (!signedHeaders.containsAll(List.of("host", "x-amz-date", "x-amz-account-id", "x-amz-content-sha256"))) {
			return "host, x-amz-date, x-amz-account-id and x-amz-content-sha256 must be signed, not " + signedHeaders;
		}
		String payloadHash = hex(sha256(body.getBytes(StandardCharsets.UTF_8)));
		if (!payloadHash.equals(exchange.getRequestHeaders().getFirst("x-amz-content-sha256"))) {
			return "x-amz-content-sha256 is not the payload's SHA-256";
		}
		StringBuilder canonical = new StringBuilder(exchange.getRequestMethod()).append('\n')
			.append(exchange.getRequestURI().getRawPath())
			.append('\n')
			.append(canonicalQuery(exchange.getRequestURI().getRawQuery()))
			.append('\n');
		for (String name : signedHeaders) {
			List<String> values = exchange.getRequestHeaders().get(name);
			if (values == null) {
				return "signed header " + name + " is not in the request";
			}
			canonical.append(name)
				.append(':')
				.append(String.join(",", values.stream().map((value) -> value.strip().replaceAll(" +", " ")).toList()))
				.append('\n');
		}
		canonical.append('\n').append(auth.group(5)).append('\n').append(payloadHash);
		String scope = auth.group(2) + "/" + this.region + "/s3/aws4_request";
		String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
				+ hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
		byte[] key = hmac(("AWS4" + this.identity.secretAccessKey()).getBytes(StandardCharsets.UTF_8), auth.group(2));
		for (String part : List.of(this.region, "s3", "aws4_request")) {
			key = hmac(key, part);
		}
		String expected = hex(hmac(key, toSign));
		return expected.equals(auth.group(6)) ? null : "the signature does not match the request";
	}

	/**
	 * The query's parameters sorted by name, then value, as they were sent (already
	 * URI-encoded by the client).
	 */
	private static String canonicalQuery(String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return "";
		}
		return Arrays.stream(rawQuery.split("&"))
			.map((pair) -> pair.contains("=") ? pair : pair + "=")
			.sorted()
			.reduce((a, b) -> a + "&" + b)
			.orElse("");
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] hmac(byte[] key, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

	static Document parse(String xml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(false);
			return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException("not XML: " + xml, ex);
		}
	}

	static String text(Document document, String xpath) {
		try {
			return (String) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.STRING);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<String> texts(Document document, String xpath) {
		try {
			NodeList nodes = (NodeList) XPathFactory.newInstance()
				.newXPath()
				.evaluate(xpath, document, XPathConstants.NODESET);
			List<String> values = new ArrayList<>();
			for (int i = 0; i < nodes.getLength(); i++) {
				values.add(nodes.item(i).getTextContent());
			}
			return values;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String queryParameter(String query, String name) {
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0 && pair.substring(0, equals).equals(name)) {
				return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			}
		}
		return "";
	}

	private static String error(String code, String message) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ErrorResponse><Error><Code>" + code + "</Code><Message>"
				+ message + "</Message></Error><RequestId>local</RequestId></ErrorResponse>";
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/xml");
		exchange.getResponseHeaders().set("x-amz-request-id", "local");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

}
