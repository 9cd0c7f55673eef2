package io.github.s3bulkcopy.run;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.s3bulkcopy.InvalidSetupException;
import io.github.s3bulkcopy.jobfile.CredentialsSpec;
import io.github.s3bulkcopy.jobfile.DestinationSpec;
import io.github.s3bulkcopy.jobfile.SourceSpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class BucketCheckTests {

	private static final CredentialsSpec DEFAULT_CREDENTIALS = new CredentialsSpec(null, null, null, null, null, null,
			null, null);

	private static final SourceSpec SOURCE = new SourceSpec("in", "", "us-east-1", null, DEFAULT_CREDENTIALS, false,
			false, null);

	private static final DestinationSpec DESTINATION = new DestinationSpec("out", "", "us-east-1", null,
			DEFAULT_CREDENTIALS, null, null, null, false, false, null);

	@Test
	void bothBucketsFoundPasses() {
		HeadCounter source = new HeadCounter(null, Duration.ZERO);
		HeadCounter destination = new HeadCounter(null, Duration.ZERO);

		assertThatNoException().isThrownBy(() -> check(source, destination));
		assertThat(source.heads).hasValue(1);
		assertThat(destination.heads).hasValue(1);
	}

	@Test
	void aMissingSourceIsToldBeforeAMissingDestinationThatAnsweredFirst() {
		HeadCounter source = new HeadCounter(404, Duration.ofMillis(200));
		HeadCounter destination = new HeadCounter(404, Duration.ZERO);

		assertThatExceptionOfType(InvalidSetupException.class).isThrownBy(() -> check(source, destination))
			.withMessage("source.bucket in does not exist in region us-east-1");
		assertThat(destination.heads).hasValue(1);
	}

	@Test
	void aMissingDestinationIsToldWhenTheSourceIsFound() {
		HeadCounter source = new HeadCounter(null, Duration.ofMillis(100));
		HeadCounter destination = new HeadCounter(404, Duration.ZERO);

		assertThatExceptionOfType(InvalidSetupException.class).isThrownBy(() -> check(source, destination))
			.withMessage("destination.bucket out does not exist in region us-east-1");
	}

	@Test
	void aSourceClientThatCannotBeMadeFailsTheCheck() {
		HeadCounter destination = new HeadCounter(null, Duration.ZERO);
		BucketCheck check = new BucketCheck(SOURCE, () -> {
			throw new IllegalStateException("no source client");
		}, DESTINATION, () -> destination);

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(check::check).withMessage("no source client");
	}

	private static void check(S3Client source, S3Client destination) {
		new BucketCheck(SOURCE, () -> source, DESTINATION, () -> destination).check();
	}

	/** Answers HEAD Bucket after a delay, found or with an error status. */
	private static final class HeadCounter implements S3Client {

		private final Integer status;

		private final Duration delay;

		private final AtomicInteger heads = new AtomicInteger();

		HeadCounter(Integer status, Duration delay) {
			this.status = status;
			this.delay = delay;
		}

		@Override
		public HeadBucketResponse headBucket(HeadBucketRequest request) {
			this.heads.incrementAndGet();
			try {
				Thread.sleep(this.delay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			if (this.status != null) {
				throw (S3Exception) S3Exception.builder()
					.statusCode(this.status)
					.message("HTTP " + this.status)
					.build();
			}
			return HeadBucketResponse.builder().build();
		}

		@Override
		public String serviceName() {
			return "s3";
		}

		@Override
		public void close() {
		}

	}

}
