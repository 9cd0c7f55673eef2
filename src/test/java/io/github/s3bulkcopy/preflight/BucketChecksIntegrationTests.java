package io.github.s3bulkcopy.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.clients.BucketTerms;
import io.github.s3bulkcopy.clients.BucketTermsInterceptor;
import io.github.s3bulkcopy.jobfile.CredentialsSpec;
import io.github.s3bulkcopy.jobfile.SourceSpec;
import io.github.s3bulkcopy.testsupport.FaultInjectingProxy;
import io.github.s3bulkcopy.testsupport.LocalS3MockTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Preflight's read check against a bucket that answers as S3 does for requester pays (403
 * AccessDenied to a request that does not say the requester pays) and for an expected
 * owner that is not the bucket's (403 AccessDenied): a relay in front of S3Mock gives
 * those answers, which no local server does.
 */
class BucketChecksIntegrationTests implements LocalS3MockTest {

	@Test
	void aListingDeniedUntilItSaysTheRequesterPaysNamesRequesterPaysAsTheCause() throws Exception {
		String bucket = S3TestData.createBucket(LocalS3MockTest.s3MockClient(), "pre-rp");
		S3TestData.put(LocalS3MockTest.s3MockClient(), bucket, "in/a.txt", "hello");
		try (FaultInjectingProxy relay = new FaultInjectingProxy(LocalS3MockTest.s3Mock().endpoint(), 0, 0);
				S3Client s3 = client(relay, null)) {
			relay.answer(" /" + bucket, (headers) -> !headers.containsKey("x-amz-request-payer"), 403, "AccessDenied");
			List<Check> checks = new ArrayList<>();

			BucketChecks.read(s3, side(bucket, false, null), "arn:aws:iam::111122223333:role/reader", checks);

			assertThat(checks).singleElement().satisfies((check) -> {
				assertThat(check.name()).isEqualTo("list");
				assertThat(check.status()).isEqualTo(Check.Status.FAIL);
				assertThat(check.fix()).startsWith("the bucket is requester pays: set source.requester-pays: true");
			});
		}
	}

	@Test
	void aJobThatSaysRequesterPaysReadsTheBucket() throws Exception {
		String bucket = S3TestData.createBucket(LocalS3MockTest.s3MockClient(), "pre-rp-ok");
		S3TestData.put(LocalS3MockTest.s3MockClient(), bucket, "in/a.txt", "hello");
		// The job's clients: each bucket's terms on every request to it.
		BucketTermsInterceptor terms = new BucketTermsInterceptor(Map.of(bucket, new BucketTerms(true, null)));
		try (FaultInjectingProxy relay = new FaultInjectingProxy(LocalS3MockTest.s3Mock().endpoint(), 0, 0);
				S3Client paying = client(relay, terms)) {
			relay.answer(" /" + bucket, (headers) -> !headers.containsKey("x-amz-request-payer"), 403, "AccessDenied");
			List<Check> checks = new ArrayList<>();

			String key = BucketChecks.read(paying, side(bucket, true, null), "reader", checks);

			assertThat(key).isEqualTo("in/a.txt");
			assertThat(checks).extracting(Check::status).containsExactly(Check.Status.PASS, Check.Status.PASS);
		}
	}

	@Test
	void aDenialWhereTheJobNamesAnOwnerSaysTheBucketMayBeAnotherAccounts() throws Exception {
		String bucket = S3TestData.createBucket(LocalS3MockTest.s3MockClient(), "pre-owner");
		try (FaultInjectingProxy relay = new FaultInjectingProxy(LocalS3MockTest.s3Mock().endpoint(), 0, 0);
				S3Client s3 = client(relay, null)) {
			relay.answer(" /" + bucket, (headers) -> true, 403, "AccessDenied");
			List<Check> checks = new ArrayList<>();

			BucketChecks.read(s3, side(bucket, false, "444455556666"), "reader", checks);

			assertThat(checks).singleElement()
				.satisfies((check) -> assertThat(check.fix())
					.contains("or bucket " + bucket + " is not owned by account 444455556666 (source.expected-owner)"));
		}
	}

	private static SourceSpec side(String bucket, boolean requesterPays, @Nullable String expectedOwner) {
		return new SourceSpec(bucket, "in/", "us-east-1", null,
				new CredentialsSpec(null, null, null, null, null, null, null, null), false, requesterPays,
				expectedOwner);
	}

	private static S3Client client(FaultInjectingProxy relay, @Nullable ExecutionInterceptor interceptor) {
		return S3Client.builder()
			.endpointOverride(relay.endpoint())
			.forcePathStyle(true)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("s3mock", "s3mock")))
			.overrideConfiguration((config) -> {
				if (interceptor != null) {
					config.addExecutionInterceptor(interceptor);
				}
			})
			.build();
	}

}
