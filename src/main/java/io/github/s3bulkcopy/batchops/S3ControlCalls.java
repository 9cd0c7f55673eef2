package io.github.s3bulkcopy.batchops;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.client.config.SdkClientConfiguration;
import software.amazon.awssdk.core.client.config.SdkClientOption;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.protocols.xml.AwsXmlProtocolFactory;
import software.amazon.awssdk.services.s3control.model.CreateJobRequest;
import software.amazon.awssdk.services.s3control.model.DescribeJobRequest;
import software.amazon.awssdk.services.s3control.model.RequestedJobStatus;
import software.amazon.awssdk.services.s3control.model.S3ControlException;
import software.amazon.awssdk.services.s3control.model.UpdateJobStatusRequest;
import software.amazon.awssdk.services.s3control.transform.CreateJobRequestMarshaller;
import software.amazon.awssdk.services.s3control.transform.DescribeJobRequestMarshaller;
import software.amazon.awssdk.services.s3control.transform.UpdateJobStatusRequestMarshaller;

import org.springframework.util.Assert;

/**
 * The three S3 Control calls Batch Operations needs (CreateJob, DescribeJob, UpdateJobStatus). The requests are
 * built by the SDK's own s3control marshallers, signed by the SDK's SigV4 signer and sent with the JDK's HTTP client;
 * answers are read from their XML. Why not {@code S3ControlClient}: the newest s3control the build's registry holds
 * (2.47.5) does not run on the SDK core the rest of the tool uses (2.57.8: {@code AuthSchemeOptionsResolver} changed),
 * while its model and marshallers do. Swap this class for the client once the versions match.
 * <p>
 * The endpoint is AWS's {@code https://<account>.s3-control.<region>.amazonaws.com}, or a custom one used exactly as
 * given: the account id is never put in front of a custom host (what {@code DISABLE_HOST_PREFIX_INJECTION} does for
 * the SDK's client). Errors a retry may cure (5xx, 429, I/O) are retried three times with backoff.
 */
public class S3ControlCalls {

	private static final int ATTEMPTS = 3;

	private final URI endpoint;

	private final String region;

	private final AwsCredentialsProvider credentials;

	private final AwsXmlProtocolFactory protocol;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

	S3ControlCalls(URI endpoint, String region, AwsCredentialsProvider credentials) {
		Assert.notNull(endpoint, "endpoint is required");
		Assert.hasText(region, "region is required");
		Assert.notNull(credentials, "credentials is required");
		this.endpoint = endpoint;
		this.region = region;
		this.credentials = credentials;
		this.protocol = AwsXmlProtocolFactory.builder()
			.clientConfiguration(SdkClientConfiguration.builder().option(SdkClientOption.ENDPOINT, endpoint).build())
			.build();
	}

	/** AWS's endpoint for an account in a region. */
	static URI awsEndpoint(String accountId, String region) {
		String domain = S3Arns.partition(region).equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com";
		return URI.create("https://" + accountId + ".s3-control." + region + "." + domain);
	}

	URI endpoint() {
		return this.endpoint;
	}

	/** CreateJob: the id of the job, the one created earlier when the client request token was seen before. */
	public String createJob(CreateJobRequest request) {
		Document answer = call(new CreateJobRequestMarshaller(this.protocol).marshall(request));
		return child(answer.getDocumentElement(), "JobId");
	}

	public JobSnapshot describeJob(String accountId, String jobId) {
		Document answer = call(new DescribeJobRequestMarshaller(this.protocol)
			.marshall(DescribeJobRequest.builder().accountId(accountId).jobId(jobId).build()));
		Element job = element(answer.getDocumentElement(), "Job");
		Assert.state(job != null, "DescribeJob answered without a Job");
		Element progress = element(job, "ProgressSummary");
		Element timers = (progress != null) ? element(progress, "Timers") : null;
		Element report = element(job, "Report");
		List<String> reasons = new ArrayList<>();
		Element failures = element(job, "FailureReasons");
		if (failures != null) {
			for (Node node = failures.getFirstChild(); node != null; node = node.getNextSibling()) {
				if (node instanceof Element failure) {
					reasons.add(child(failure, "FailureCode") + ": " + child(failure, "FailureReason"));
				}
			}
		}
		return new JobSnapshot(child(job, "JobId"), child(job, "Status"), number(progress, "TotalNumberOfTasks"),
				number(progress, "NumberOfTasksSucceeded"), number(progress, "NumberOfTasksFailed"),
				number(timers, "ElapsedTimeInActiveSeconds"), reasons, emptyToNull(child(job, "StatusUpdateReason")),
				emptyToNull(child(job, "SuspendedCause")),
				(report != null) ? emptyToNull(child(report, "Bucket")) : null,
				(report != null) ? child(report, "Prefix") : null);
	}

	/** UpdateJobStatus: the job's status after the request. */
	public String updateJobStatus(String accountId, String jobId, RequestedJobStatus status, String reason) {
		Document answer = call(new UpdateJobStatusRequestMarshaller(this.protocol).marshall(UpdateJobStatusRequest
			.builder()
			.accountId(accountId)
			.jobId(jobId)
			.requestedJobStatus(status)
			.statusUpdateReason(reason)
			.build()));
		return child(answer.getDocumentElement(), "Status");
	}

	private Document call(SdkHttpFullRequest request) {
		RuntimeException last = null;
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			try {
				return once(request);
			}
			catch (S3ControlException ex) {
				if (ex.statusCode() < 500 && ex.statusCode() != 429) {
					throw ex;
				}
				last = ex;
			}
			catch (UncheckedIOException ex) {
				last = ex;
			}
			sleep(Duration.ofMillis(200L << attempt));
		}
		throw last;
	}

	private Document once(SdkHttpFullRequest request) {
		SignedRequest signed = this.signer.sign((sign) -> sign.identity(this.credentials.resolveCredentials())
			.request(request)
			.payload(request.contentStreamProvider().orElse(null))
			.putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
			.putProperty(AwsV4HttpSigner.REGION_NAME, this.region));
		byte[] body = readAll(signed.payload().map((payload) -> payload.newStream()).orElse(null));
		HttpRequest.Builder http = HttpRequest.newBuilder(signed.request().getUri())
			.timeout(Duration.ofSeconds(60))
			.method(request.method().name(),
					(body.length > 0) ? HttpRequest.BodyPublishers.ofByteArray(body) : HttpRequest.BodyPublishers.noBody());
		signed.request().forEachHeader((name, values) -> {
			// The JDK's client sets these itself and refuses them from callers.
			if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
				values.forEach((value) -> http.header(name, value));
			}
		});
		HttpResponse<byte[]> response;
		try {
			response = this.http.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("S3 Control at " + this.endpoint + " did not answer: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while calling S3 Control", ex);
		}
		Document answer = parse(response.body());
		if (response.statusCode() >= 300) {
			throw error(response, answer);
		}
		return answer;
	}

	private static S3ControlException error(HttpResponse<byte[]> response, @Nullable Document answer) {
		Element error = (answer != null) ? find(answer.getDocumentElement(), "Error") : null;
		String code = (error != null) ? child(error, "Code") : "HTTP" + response.statusCode();
		String message = (error != null) ? child(error, "Message") : "no error document";
		return (S3ControlException) S3ControlException.builder()
			.statusCode(response.statusCode())
			.message(code + ": " + message + " (HTTP " + response.statusCode() + ")")
			.awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("S3Control")
				.build())
			.build();
	}

	private static @Nullable Document parse(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(false);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
		}
		catch (Exception ex) {
			return null;
		}
	}

	private static byte[] readAll(@Nullable InputStream in) {
		if (in == null) {
			return new byte[0];
		}
		try (in) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The element itself when it has the name, else its first descendant of that name. */
	private static @Nullable Element find(Element root, String name) {
		if (root.getTagName().equals(name)) {
			return root;
		}
		var nodes = root.getElementsByTagName(name);
		return (nodes.getLength() > 0) ? (Element) nodes.item(0) : null;
	}

	private static @Nullable Element element(@Nullable Element parent, String name) {
		if (parent == null) {
			return null;
		}
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && element.getTagName().equals(name)) {
				return element;
			}
		}
		return null;
	}

	private static String child(Element parent, String name) {
		Element element = element(parent, name);
		return (element != null) ? element.getTextContent().trim() : "";
	}

	private static long number(@Nullable Element parent, String name) {
		String text = (parent != null) ? child(parent, name) : "";
		return text.isEmpty() ? 0 : Long.parseLong(text.toLowerCase(Locale.ROOT));
	}

	private static @Nullable String emptyToNull(String text) {
		return text.isEmpty() ? null : text;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
