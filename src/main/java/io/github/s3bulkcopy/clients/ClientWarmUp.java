package io.github.s3bulkcopy.clients;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Makes the AWS SDK ready for a job's clients ahead of them, on a thread of its own while
 * the job file is read and the job's Spring context starts: builds a throwaway blocking
 * S3 client on an HTTP client that answers every request itself (nothing leaves the
 * process), and lists and checks a bucket with it. The SDK's classes (about 1,900 of them
 * in an empty run) are then loaded and initialized once, by this thread, and the job's
 * own clients, built and used on the main thread as before, find them ready. Nothing of
 * it is kept; what fails here is left for the job's own clients to report. The AWS Common
 * Runtime's native library is left to the first CRT-based client: loading it makes Java
 * 24 and later print a warning about native access, which a run that fails before
 * building one (a bad job file) must not show.
 */
public final class ClientWarmUp {

	/** An empty page of a listing, as S3 answers it. */
	private static final byte[] EMPTY_LISTING = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
			+ "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>warm-up</Name>"
			+ "<Prefix>a/</Prefix><KeyCount>0</KeyCount><MaxKeys>1000</MaxKeys><Delimiter>/</Delimiter>"
			+ "<IsTruncated>false</IsTruncated></ListBucketResult>")
		.getBytes(StandardCharsets.UTF_8);

	private ClientWarmUp() {
	}

	/**
	 * Runs the SDK's start-up work once; never throws.
	 * @return whether the throwaway client's requests were answered
	 */
	public static boolean run() {
		boolean answered = false;
		try (S3Client s3 = S3Client.builder()
			.httpClient(new AnsweringHttpClient())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("warm", "up")))
			.endpointOverride(URI.create("http://127.0.0.1:9"))
			.forcePathStyle(true)
			.overrideConfiguration((config) -> config.retryStrategy(S3ClientFactory.retryStrategy(1)))
			.build()) {
			s3.headBucket((head) -> head.bucket("warm-up"));
			answered = s3.listObjectsV2((list) -> list.bucket("warm-up").prefix("a/").delimiter("/"))
				.contents()
				.isEmpty();
		}
		catch (RuntimeException | LinkageError ex) {
			// The job's own clients meet the same problem, and report it.
		}
		return answered;
	}

	/** Answers every request with a 200 and an empty listing page, in the process. */
	private static final class AnsweringHttpClient implements SdkHttpClient {

		@Override
		public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
			return new ExecutableHttpRequest() {

				@Override
				public HttpExecuteResponse call() {
					return HttpExecuteResponse.builder()
						.response(SdkHttpResponse.builder()
							.statusCode(200)
							.putHeader("Content-Type", "application/xml")
							.putHeader("Content-Length", String.valueOf(EMPTY_LISTING.length))
							.build())
						.responseBody(AbortableInputStream.create(new ByteArrayInputStream(EMPTY_LISTING)))
						.build();
				}

				@Override
				public void abort() {
				}

			};
		}

		@Override
		public void close() {
		}

	}

}
