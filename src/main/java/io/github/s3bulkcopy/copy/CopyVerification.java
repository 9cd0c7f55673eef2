package io.github.s3bulkcopy.copy;

import java.util.concurrent.CompletableFuture;

import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.verify.EtagVerifier;
import io.github.s3bulkcopy.verify.Verdict;
import io.github.s3bulkcopy.verify.Verification;
import io.github.s3bulkcopy.verify.VerificationMethod;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;

import org.springframework.util.Assert;

/**
 * Proves a copy intact, or says why it cannot: the ETag comparison where both ETags are MD5s of the bytes, and, when
 * verification is required, a read of the destination whose MD5 is compared with the source's MD5 ETag.
 */
public class CopyVerification {

	private final S3AsyncClient destinationClient;

	private final String destinationBucket;

	private final boolean enabled;

	private final boolean required;

	/**
	 * @param destinationClient the destination's client, for reading a copy back
	 * @param destinationBucket the destination bucket
	 * @param enabled whether to verify at all (false: every object is NOT_VERIFIED)
	 * @param required whether an object no cheap comparison proves is read back
	 */
	public CopyVerification(S3AsyncClient destinationClient, String destinationBucket, boolean enabled,
			boolean required) {
		Assert.notNull(destinationClient, "destinationClient is required");
		Assert.hasText(destinationBucket, "destinationBucket is required");
		this.destinationClient = destinationClient;
		this.destinationBucket = destinationBucket;
		this.enabled = enabled;
		this.required = required;
	}

	/** Whether an object that could not be verified counts as failed. */
	public boolean required() {
		return this.required;
	}

	public CompletableFuture<Verification> verify(PlannedObject object, SourceFacts source, TransferResult result) {
		if (!this.enabled) {
			return CompletableFuture.completedFuture(Verification.notVerified("verification is off (verify.method: none)"));
		}
		Verification verification = EtagVerifier.verify(source.etag(), source.encryption(), result.etag(),
				result.encryption(), result.multipart());
		if (verification.verdict() == Verdict.NOT_VERIFIED && this.required && EtagVerifier.isMd5(source.etag())
				&& !EtagVerifier.isKmsOrCustomerKey(source.encryption())
				&& !EtagVerifier.isKmsOrCustomerKey(result.encryption())) {
			return readDestinationMd5(object, result).thenApply((md5) -> {
				String expected = EtagVerifier.unquote(source.etag());
				boolean equal = md5.equalsIgnoreCase(expected);
				return new Verification(VerificationMethod.MD5_READ, expected, md5,
						equal ? Verdict.VERIFIED : Verdict.MISMATCH,
						equal ? null : "the MD5 of the destination's bytes differs from the source's ETag");
			});
		}
		return CompletableFuture.completedFuture(verification);
	}

	private CompletableFuture<String> readDestinationMd5(PlannedObject object, TransferResult result) {
		DigestingSubscriber md5 = new DigestingSubscriber("MD5");
		return this.destinationClient
			.getObject((get) -> get.bucket(this.destinationBucket).key(object.destinationKey()).versionId(result.versionId()),
					AsyncResponseTransformer.toPublisher())
			.thenCompose((publisher) -> {
				publisher.subscribe(md5);
				return md5.result();
			});
	}

}
