package io.github.s3bulkcopy.pacing;

import java.net.URI;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PacingTests {

	@Test
	void bytesOfARequestAreItsRangeOrWhatItsCallerGave() {
		assertThat(Pacing.bytesOf(request("PUT").putHeader("x-amz-copy-source-range", "bytes=0-5242879").build(),
				attributes("UploadPartCopy")))
			.isEqualTo(5L * 1024 * 1024);
		assertThat(Pacing.bytesOf(request("GET").putHeader("Range", "bytes=100-199").build(), attributes("GetObject")))
			.isEqualTo(100);
		ExecutionAttributes copy = attributes("CopyObject");
		copy.putAttribute(Pacing.BYTES, 6L * 1024 * 1024 * 1024);
		assertThat(Pacing.bytesOf(request("PUT").build(), copy)).isEqualTo(6L * 1024 * 1024 * 1024);
	}

	@Test
	void requestsThatCopyNoBytesCountNone() {
		assertThat(Pacing.bytesOf(request("HEAD").build(), attributes("HeadObject"))).isZero();
		assertThat(Pacing.bytesOf(request("PUT").putHeader("Content-Length", "1000").build(), attributes("PutObject")))
			.as("the streamed bytes were counted at their GET")
			.isZero();
		assertThat(Pacing.bytesOf(request("PUT").putHeader("Range", "bytes=0-9").build(), attributes("UploadPart")))
			.isZero();
	}

	@Test
	void throttlingCodesAreThoseNotAnsweredWith503() {
		assertThat(Pacing.throttlingCode("ThrottlingException")).isTrue();
		assertThat(Pacing.throttlingCode("RequestLimitExceeded")).isTrue();
		assertThat(Pacing.throttlingCode("SlowDown")).as("a 503, seen by its status").isFalse();
		assertThat(Pacing.throttlingCode("InternalError")).isFalse();
	}

	@Test
	void limitsMustBePositive() {
		AdaptiveSlots slots = new AdaptiveSlots(new AdaptiveLimit(4));
		assertThatIllegalArgumentException().isThrownBy(() -> new Pacing(0, null, slots));
		assertThatIllegalArgumentException().isThrownBy(() -> new Pacing(null, 0L, slots));
	}

	private static SdkHttpRequest.Builder request(String method) {
		return SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(URI.create("http://127.0.0.1/b/k"));
	}

	private static ExecutionAttributes attributes(String operation) {
		ExecutionAttributes attributes = new ExecutionAttributes();
		attributes.putAttribute(SdkExecutionAttribute.OPERATION_NAME, operation);
		return attributes;
	}

}
