package io.github.s3bulkcopy.clients;

import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.RequestPayer;

import static org.assertj.core.api.Assertions.assertThat;

class BucketTermsInterceptorTests {

	private final BucketTermsInterceptor interceptor = new BucketTermsInterceptor(
			Map.of("src", new BucketTerms(true, "111122223333"), "dst", new BucketTerms(false, "444455556666"),
					"paying-dst", new BucketTerms(true, null)));

	@Test
	void aRequestToARequesterPaysBucketSaysTheRequesterPaysAndNamesItsOwner() {
		GetObjectRequest get = (GetObjectRequest) modify(GetObjectRequest.builder().bucket("src").key("k").build());

		assertThat(get.requestPayer()).isEqualTo(RequestPayer.REQUESTER);
		assertThat(get.expectedBucketOwner()).isEqualTo("111122223333");
	}

	@Test
	void aRequestToAnotherBucketIsLeftAlone() {
		PutObjectRequest put = PutObjectRequest.builder().bucket("reports").key("k").build();

		assertThat(modify(put)).isSameAs(put);
	}

	@Test
	void anOperationWithoutARequestPayerGetsOnlyTheOwner() {
		HeadBucketRequest head = (HeadBucketRequest) modify(HeadBucketRequest.builder().bucket("src").build());

		assertThat(head.expectedBucketOwner()).isEqualTo("111122223333");
	}

	@Test
	void aCopySaysTheRequesterPaysWhenEitherBucketIsRequesterPaysAndNamesBothOwners() {
		CopyObjectRequest fromPaying = (CopyObjectRequest) modify(CopyObjectRequest.builder()
			.sourceBucket("src")
			.sourceKey("k")
			.destinationBucket("dst")
			.destinationKey("k")
			.build());
		CopyObjectRequest toPaying = (CopyObjectRequest) modify(CopyObjectRequest.builder()
			.sourceBucket("dst")
			.sourceKey("k")
			.destinationBucket("paying-dst")
			.destinationKey("k")
			.build());

		assertThat(fromPaying.requestPayer()).isEqualTo(RequestPayer.REQUESTER);
		assertThat(fromPaying.expectedBucketOwner()).isEqualTo("444455556666");
		assertThat(fromPaying.expectedSourceBucketOwner()).isEqualTo("111122223333");
		assertThat(toPaying.requestPayer()).isEqualTo(RequestPayer.REQUESTER);
		assertThat(toPaying.expectedBucketOwner()).isNull();
		assertThat(toPaying.expectedSourceBucketOwner()).isEqualTo("444455556666");
	}

	@Test
	void aCopyWhoseSourceTheSdkAlreadyTurnedIntoACopySourceIsStillRecognised() {
		CopyObjectRequest copy = (CopyObjectRequest) modify(CopyObjectRequest.builder()
			.copySource("src/logs/a%20b.txt?versionId=v1")
			.destinationBucket("dst")
			.destinationKey("k")
			.build());

		assertThat(copy.requestPayer()).isEqualTo(RequestPayer.REQUESTER);
		assertThat(copy.expectedSourceBucketOwner()).isEqualTo("111122223333");
	}

	private SdkRequest modify(SdkRequest request) {
		Context.ModifyRequest context = () -> request;
		return this.interceptor.modifyRequest(context, new ExecutionAttributes());
	}

}
