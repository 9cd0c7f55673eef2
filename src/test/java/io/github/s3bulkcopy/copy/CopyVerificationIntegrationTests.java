package io.github.s3bulkcopy.copy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.testsupport.LocalS3MockTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import io.github.s3bulkcopy.verify.Checksum;
import io.github.s3bulkcopy.verify.FullReadVerifier;
import io.github.s3bulkcopy.verify.Verdict;
import io.github.s3bulkcopy.verify.Verification;
import io.github.s3bulkcopy.verify.VerificationMethod;
import io.github.s3bulkcopy.verify.VerificationPolicy;
import io.github.s3bulkcopy.verify.Verifier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CopyVerification} against S3Mock for what the copy job's tests cannot reach: a
 * streamed copy's locally computed CRC64NVME (the other transfer sets it) held against
 * the destination's stored one, a full read that cannot read its object, and which
 * requests of the source a verification makes.
 */
class CopyVerificationIntegrationTests implements LocalS3MockTest {

	private static final List<String> sourceRequests = new CopyOnWriteArrayList<>();

	private static S3AsyncClient async;

	/**
	 * The source's client, which records each request it sends, to show which HEADs a
	 * verification makes.
	 */
	private static S3AsyncClient source;

	private final S3Client s3 = LocalS3MockTest.s3MockClient();

	private final String bucket = S3TestData.createBucket(this.s3, "copy-verification");

	private final byte[] content = S3TestData.randomBytes(10_000);

	@BeforeAll
	static void client() {
		async = LocalS3MockTest.s3Mock().asyncClient();
		source = LocalS3MockTest.s3Mock()
			.asyncClientBuilder()
			.overrideConfiguration((config) -> config.addExecutionInterceptor(new ExecutionInterceptor() {
				@Override
				public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
					SdkHttpRequest http = context.httpRequest();
					sourceRequests.add(http.method() + " " + http.firstMatchingHeader("If-Match").orElse("-"));
				}
			}))
			.build();
	}

	@AfterAll
	static void close() {
		async.close();
		source.close();
	}

	@BeforeEach
	void forget() {
		sourceRequests.clear();
	}

	@Test
	void autoTakesTheProofOfMatchingMd5EtagsWithoutReadingTheSource() {
		PutObjectResponse written = S3TestData.put(this.s3, this.bucket, "copy", this.content);
		String md5 = S3TestData.md5Hex(this.content);
		PlannedObject object = planned("source", "copy", md5);

		Verification v = verification(VerificationPolicy.auto(false))
			.verify(object, SourceFacts.fromManifest(object),
					new TransferResult(S3TestData.unquoted(written.eTag()), null, false, null))
			.join();

		assertThat(v.method()).isEqualTo(VerificationMethod.ETAG);
		assertThat(v.verdict()).isEqualTo(Verdict.VERIFIED);
		assertThat(v.sourceValue()).isEqualTo(md5);
		assertThat(sourceRequests).isEmpty();
	}

	@Test
	void whereTheEtagsProveNothingTheSourcesStoredChecksumIsReadAfterTheCopyForTheVersionCopied() {
		PutObjectResponse original = S3TestData.put(this.s3, this.bucket, "source", this.content,
				ChecksumAlgorithm.CRC64_NVME);
		String etag = S3TestData.unquoted(original.eTag());

		Verification v = verifyKmsCopy(etag);

		assertThat(v.method()).isEqualTo(VerificationMethod.CHECKSUM);
		assertThat(v.verdict()).isEqualTo(Verdict.VERIFIED);
		assertThat(v.sourceValue()).isEqualTo("CRC64NVME:FULL_OBJECT:" + S3TestData.crc64nvme(this.content));
		assertThat(sourceRequests).containsExactly("HEAD \"" + etag + "\"");
	}

	@Test
	void aSourceChangedSinceItsCopyLeavesTheCopyNotVerifiedAndSaysWhy() {
		S3TestData.put(this.s3, this.bucket, "source", this.content, ChecksumAlgorithm.CRC64_NVME);

		Verification v = verifyKmsCopy("0123456789abcdef0123456789abcdef");

		assertThat(v.verdict()).isEqualTo(Verdict.NOT_VERIFIED);
		assertThat(v.reason()).startsWith(
				"the source's stored checksum could not be read (HEAD: HTTP 412, the source changed after it was copied)");
	}

	@Test
	void aStreamedCopysChecksumIsComparedWithWhatTheDestinationStored() {
		PutObjectResponse written = S3TestData.put(this.s3, this.bucket, "copy", this.content,
				ChecksumAlgorithm.CRC64_NVME);
		PlannedObject object = planned("source", "copy");

		Verification matching = verification(VerificationPolicy.auto(false))
			.verify(object, manifestFacts(), streamed(written, S3TestData.crc64nvme(this.content)))
			.join();
		Verification other = verification(VerificationPolicy.checksumOnly(false))
			.verify(object, manifestFacts(), streamed(written, S3TestData.crc64nvme(new byte[] { 1, 2, 3 })))
			.join();

		assertThat(matching.method()).isEqualTo(VerificationMethod.STREAMED_CHECKSUM);
		assertThat(matching.verdict()).isEqualTo(Verdict.VERIFIED);
		assertThat(matching.destinationValue())
			.isEqualTo("CRC64NVME:FULL_OBJECT:" + S3TestData.crc64nvme(this.content));
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

	/**
	 * {@code auto} on a copy of the SSE-KMS object "source" listed with this ETag: an
	 * ETag that is no MD5 of the bytes, so only the source's stored checksum (against the
	 * CRC64NVME the copy reported) can prove the copy.
	 */
	private Verification verifyKmsCopy(String listedEtag) {
		PlannedObject object = new PlannedObject(1, this.bucket, "source", null, (long) this.content.length, listedEtag,
				null, null, "SSE-KMS", "copy");
		TransferResult copied = new TransferResult("d41d8cd98f00b204e9800998ecf8427e", "aws:kms", false, null, null,
				Checksum.crc64nvme(S3TestData.crc64nvme(this.content)));
		return verification(VerificationPolicy.auto(false)).verify(object, SourceFacts.fromManifest(object), copied)
			.join();
	}

	private CopyVerification verification(VerificationPolicy policy) {
		return new CopyVerification(new Verifier(policy), new FullReadVerifier(async, async), source, async,
				this.bucket);
	}

	private PlannedObject planned(String sourceKey, String destinationKey) {
		return planned(sourceKey, destinationKey, null);
	}

	private PlannedObject planned(String sourceKey, String destinationKey, @Nullable String etag) {
		return new PlannedObject(1, this.bucket, sourceKey, null, (long) this.content.length, etag, null, null, null,
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
