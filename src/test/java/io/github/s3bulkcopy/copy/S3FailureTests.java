package io.github.s3bulkcopy.copy;

import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.RetryableException;
import software.amazon.awssdk.core.exception.SdkClientException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A source whose bytes do not match its stored checksum is the object's failure, however
 * the mismatch was found: by the SDK's checks of a GET (the messages of SDK 2.59.1) or by
 * a streamed copy's own check.
 */
class S3FailureTests {

	@Test
	void theSdksFlexibleChecksumMismatchIsTheObjectsFailure() {
		S3Failure failure = S3Failure.of(new CompletionException(SdkClientException
			.create("Data read has a different checksum than expected. Was zC3vKw==, but expected AAAAAA==")));

		assertThat(failure.errorCode()).isEqualTo(S3Failure.SOURCE_CHECKSUM_MISMATCH);
		assertThat(failure.permanent()).isTrue();
		assertThat(failure.httpStatus()).isNull();
		assertThat(failure.message()).startsWith("the source object's bytes do not match its stored checksum")
			.endsWith("(Data read has a different checksum than expected. Was zC3vKw==, but expected AAAAAA==)");
	}

	@Test
	void theSdksMd5MismatchIsTheObjectsFailureWithoutItsAdvice() {
		S3Failure failure = S3Failure.of(new CompletionException(SdkClientException.create("failed",
				RetryableException.create("Data read has a different checksum than expected. Was 0xab, but "
						+ "expected 0xcd. Common causes: (1) The data was corrupted during transfer between S3 and "
						+ "the client."))));

		assertThat(failure.errorCode()).isEqualTo(S3Failure.SOURCE_CHECKSUM_MISMATCH);
		assertThat(failure.permanent()).isTrue();
		assertThat(failure.message()).endsWith("Was 0xab, but expected 0xcd)");
	}

	@Test
	void aStreamedCopysOwnCheckIsTheObjectsFailure() {
		S3Failure failure = S3Failure.of(new CompletionException(SdkClientException.create("body failed",
				new SourceChecksumMismatchException("CRC32", "AAAAAA==", "zC3vKw=="))));

		assertThat(failure.errorCode()).isEqualTo(S3Failure.SOURCE_CHECKSUM_MISMATCH);
		assertThat(failure.permanent()).isTrue();
		assertThat(failure.message()).endsWith("(CRC32 of the bytes read is zC3vKw==, the source stores AAAAAA==)");
	}

	@Test
	void otherClientErrorsStayRunLevel() {
		S3Failure failure = S3Failure.of(new CompletionException(SdkClientException.create("Connection reset")));

		assertThat(failure.permanent()).isFalse();
		assertThat(failure.errorCode()).isEqualTo("SdkClientException");
	}

}
