package io.github.s3bulkcopy.verify;

import java.util.concurrent.CompletionException;

import io.github.s3bulkcopy.testsupport.LocalS3MockTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import io.github.s3bulkcopy.verify.FullReadVerifier.ObjectLocation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@link FullReadVerifier} reading real objects from S3Mock. */
class FullReadVerifierIntegrationTests implements LocalS3MockTest {

	private static S3AsyncClient async;

	private final S3Client s3 = LocalS3MockTest.s3MockClient();

	private final String bucket = S3TestData.createBucket(this.s3, "full-read");

	@BeforeAll
	static void client() {
		async = LocalS3MockTest.s3Mock().asyncClient();
	}

	@AfterAll
	static void close() {
		async.close();
	}

	@Test
	void equalBytesVerifyWithTheirCrc64Nvme() {
		byte[] content = S3TestData.randomBytes(3 * 1024 * 1024 + 17);
		S3TestData.put(this.s3, this.bucket, "a", content);
		S3TestData.put(this.s3, this.bucket, "b", content);

		Verification v = verify("a", "b");

		assertThat(v.verdict()).isEqualTo(Verdict.VERIFIED);
		assertThat(v.method()).isEqualTo(VerificationMethod.FULL_READ);
		assertThat(v.sourceValue()).isEqualTo("CRC64NVME:FULL_OBJECT:" + S3TestData.crc64nvme(content));
		assertThat(v.destinationValue()).isEqualTo(v.sourceValue());
	}

	@Test
	void sameSizeOtherBytesAreAMismatch() {
		S3TestData.put(this.s3, this.bucket, "a", "same size, first");
		S3TestData.put(this.s3, this.bucket, "b", "same size, other");

		Verification v = verify("a", "b");

		assertThat(v.verdict()).isEqualTo(Verdict.MISMATCH);
		assertThat(v.reason()).contains("CRC64NVME");
	}

	@Test
	void anotherSizeIsAMismatch() {
		S3TestData.put(this.s3, this.bucket, "a", "short");
		S3TestData.put(this.s3, this.bucket, "b", "longer");

		Verification v = verify("a", "b");

		assertThat(v.verdict()).isEqualTo(Verdict.MISMATCH);
		assertThat(v.reason()).contains("6 bytes from the destination and 5 from the source");
	}

	@Test
	void aMissingObjectFailsTheRead() {
		S3TestData.put(this.s3, this.bucket, "a", "here");

		assertThatExceptionOfType(CompletionException.class).isThrownBy(() -> verify("a", "gone"))
			.withRootCauseInstanceOf(NoSuchKeyException.class);
	}

	private Verification verify(String source, String destination) {
		return new FullReadVerifier(async, async)
			.verify(new ObjectLocation(this.bucket, source, null, null),
					new ObjectLocation(this.bucket, destination, null, null))
			.join();
	}

}
