package io.github.s3bulkcopy.copy;

import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.testsupport.LocalS3MockTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import io.github.s3bulkcopy.verify.FullReadVerifier;
import io.github.s3bulkcopy.verify.Verdict;
import io.github.s3bulkcopy.verify.Verification;
import io.github.s3bulkcopy.verify.VerificationMethod;
import io.github.s3bulkcopy.verify.VerificationPolicy;
import io.github.s3bulkcopy.verify.Verifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CopyVerification} against S3Mock for what the copy job's tests cannot reach: a streamed copy's locally
 * computed CRC64NVME (the other transfer sets it) held against the destination's stored one, and a full read that
 * cannot read its object.
 */
class CopyVerificationIntegrationTests implements LocalS3MockTest {

	private static S3AsyncClient async;

	private final S3Client s3 = LocalS3MockTest.s3MockClient();

	private final String bucket = S3TestData.createBucket(this.s3, "copy-verification");

	private final byte[] content = S3TestData.randomBytes(10_000);

	@BeforeAll
	static void client() {
		async = LocalS3MockTest.s3Mock().asyncClient();
	}

	@AfterAll
	static void close() {
		async.close();
	}

	@Test
	void aStreamedCopysChecksumIsComparedWithWhatTheDestinationStored() {
		PutObjectResponse written = S3TestData.put(this.s3, this.bucket, "copy", this.content,
				ChecksumAlgorithm.CRC64_NVME);
		PlannedObject object = planned("source", "copy");

		Verification matching = verification(VerificationPolicy.auto(false)).verify(object, manifestFacts(),
				streamed(written, S3TestData.crc64nvme(this.content))).join();
		Verification other = verification(VerificationPolicy.checksumOnly(false)).verify(object, manifestFacts(),
				streamed(written, S3TestData.crc64nvme(new byte[] { 1, 2, 3 }))).join();

		assertThat(matching.method()).isEqualTo(VerificationMethod.STREAMED_CHECKSUM);
		assertThat(matching.verdict()).isEqualTo(Verdict.VERIFIED);
		assertThat(matching.destinationValue()).isEqualTo("CRC64NVME:FULL_OBJECT:" + S3TestData.crc64nvme(this.content));
		assertThat(other.verdict()).isEqualTo(Verdict.MISMATCH);
	}

	@Test
	void aFullReadThatCannotReadTheSourceLeavesTheCopyNotVerified() {
		S3TestData.put(this.s3, this.bucket, "copy", this.content);
		PlannedObject object = planned("deleted-source", "copy");

		Verification v = verification(VerificationPolicy.fullReadOnly(true))
			.verify(object, manifestFacts(), new TransferResult(null, null, false, null))
			.join();

		assertThat(v.verdict()).isEqualTo(Verdict.NOT_VERIFIED);
		assertThat(v.reason()).startsWith("the full read failed: NoSuchKey (HTTP 404)");
	}

	private CopyVerification verification(VerificationPolicy policy) {
		return new CopyVerification(new Verifier(policy), new FullReadVerifier(async, async), async, this.bucket);
	}

	private PlannedObject planned(String sourceKey, String destinationKey) {
		return new PlannedObject(1, this.bucket, sourceKey, null, (long) this.content.length, null, null, null, null,
				destinationKey);
	}

	private SourceFacts manifestFacts() {
		return new SourceFacts(this.content.length, null, null, null);
	}

	private static TransferResult streamed(PutObjectResponse written, String crc64nvme) {
		return new TransferResult(S3TestData.unquoted(written.eTag()), null, false, written.versionId(), crc64nvme,
				null);
	}

}
