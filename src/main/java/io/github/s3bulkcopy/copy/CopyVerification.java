package io.github.s3bulkcopy.copy;

import java.util.concurrent.CompletableFuture;

import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.verify.Checksum;
import io.github.s3bulkcopy.verify.EtagVerifier;
import io.github.s3bulkcopy.verify.Evidence;
import io.github.s3bulkcopy.verify.FullReadVerifier;
import io.github.s3bulkcopy.verify.FullReadVerifier.ObjectLocation;
import io.github.s3bulkcopy.verify.Verdict;
import io.github.s3bulkcopy.verify.Verification;
import io.github.s3bulkcopy.verify.Verifier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ChecksumMode;

import org.springframework.util.Assert;

/**
 * Proves a fresh copy intact by the job's policy (see {@link Verifier}), or says why it
 * cannot. What sets a copy apart from a verify run is where the destination's evidence
 * comes from: its checksum is the one the destination reported in its answer to the
 * write, never a later HEAD, because a server that ignores the request to compute a
 * CRC64NVME on CopyObject (S3Proxy, for one) still shows the source's checksum carried
 * over, which proves nothing. Only for a streamed copy, whose bytes the destination
 * received and checked itself, is the stored value read back when the answer held none.
 * <p>
 * The source's stored checksum costs a HEAD per object, the one request a small copy
 * would otherwise not make, so it is read only when the evidence the copy already brought
 * (the manifest's ETag against the copy's, or a checksum computed while streaming) does
 * not prove the copy: for a single-part, unencrypted or SSE-S3 object the ETags decide
 * and no HEAD is made; a multipart or SSE-KMS source, whose ETag says nothing about its
 * bytes, gets the HEAD after its copy, made conditional on the ETag the copy was made
 * from.
 * <p>
 * This replaces the earlier stopgap that read the destination back and compared its MD5
 * with the source's ETag: the full read that takes its place works for every object, not
 * only those with an MD5 ETag, and names the one algorithm (CRC64NVME) both sides were
 * read with; it costs a GET of the source as well.
 */
public class CopyVerification {

	private final Verifier verifier;

	private final FullReadVerifier fullRead;

	private final S3AsyncClient sourceClient;

	private final S3AsyncClient destinationClient;

	private final String destinationBucket;

	/**
	 * @param verifier the job's verification policy
	 * @param fullRead reads both objects when the policy asks for it
	 * @param sourceClient the source's client, for reading the source's stored checksum
	 * when a copy needs it
	 * @param destinationClient the destination's client, for reading a streamed copy's
	 * stored checksum
	 * @param destinationBucket the destination bucket
	 */
	public CopyVerification(Verifier verifier, FullReadVerifier fullRead, S3AsyncClient sourceClient,
			S3AsyncClient destinationClient, String destinationBucket) {
		Assert.notNull(verifier, "verifier is required");
		Assert.notNull(fullRead, "fullRead is required");
		Assert.notNull(sourceClient, "sourceClient is required");
		Assert.notNull(destinationClient, "destinationClient is required");
		Assert.hasText(destinationBucket, "destinationBucket is required");
		this.verifier = verifier;
		this.fullRead = fullRead;
		this.sourceClient = sourceClient;
		this.destinationClient = destinationClient;
		this.destinationBucket = destinationBucket;
	}

	/** Whether an object that could not be verified counts as failed. */
	public boolean required() {
		return this.verifier.policy().required();
	}

	/**
	 * Verifies the copy. The future fails only for a run-level error while reading; an
	 * object that cannot be read back (deleted or changed meanwhile, access denied) is
	 * NOT_VERIFIED with the reason.
	 * @param source what was known of the source when it was copied; without a HEAD, its
	 * stored checksum is read here if the policy compares checksums and the copy's own
	 * evidence proves nothing
	 */
	public CompletableFuture<Verification> verify(PlannedObject object, SourceFacts source, TransferResult result) {
		if (source.head() != null || !this.verifier.policy().checksum()) {
			return verifyWith(object, source, result);
		}
		Verification proven = this.verifier.proven(sourceEvidence(source),
				destinationEvidence(result, result.destinationChecksum()), result.crc64nvme());
		if (proven != null) {
			return CompletableFuture.completedFuture(proven);
		}
		return withSourceChecksum(object, source, result);
	}

	private CompletableFuture<Verification> verifyWith(PlannedObject object, SourceFacts source,
			TransferResult result) {
		return destinationChecksum(object, result)
			.thenCompose((checksum) -> this.verifier.verify(sourceEvidence(source),
					destinationEvidence(result, checksum), result.crc64nvme(), () -> read(object, source, result)));
	}

	private CompletableFuture<Verification> withSourceChecksum(PlannedObject object, SourceFacts source,
			TransferResult result) {
		return this.sourceClient
			.headObject((head) -> head.bucket(object.sourceBucket())
				.key(object.sourceKey())
				.versionId(object.versionId())
				// The checksum of the version that was copied, not of one written since.
				.ifMatch((object.versionId() == null) ? EtagVerifier.quote(EtagVerifier.unquote(source.etag())) : null)
				.checksumMode(ChecksumMode.ENABLED))
			.handle((head, error) -> {
				if (error == null) {
					return verifyWith(object, SourceFacts.fromHead(head), result);
				}
				S3Failure failure = S3Failure.of(error);
				if (!failure.permanent()) {
					return CompletableFuture.<Verification>failedFuture(error);
				}
				// A HEAD's error has no body: the status is what there is to say.
				Integer status = failure.httpStatus();
				String why = "the source's stored checksum could not be read (HEAD: "
						+ ((status != null) ? "HTTP " + status : failure.errorCode())
						+ ((status != null && status == 412) ? ", the source changed after it was copied" : "") + ")";
				return verifyWith(object, source, result)
					.thenApply((verification) -> (verification.verdict() == Verdict.NOT_VERIFIED)
							? Verification.notVerified(why + "; " + verification.reason()) : verification);
			})
			.thenCompose((future) -> future);
	}

	private static Evidence sourceEvidence(SourceFacts source) {
		return new Evidence(source.etag(), source.encryption(), false, source.checksum());
	}

	private static Evidence destinationEvidence(TransferResult result, @Nullable Checksum checksum) {
		return new Evidence(result.etag(), result.encryption(), result.multipart(), checksum);
	}

	private CompletableFuture<@Nullable Checksum> destinationChecksum(PlannedObject object, TransferResult result) {
		if (result.destinationChecksum() != null || result.crc64nvme() == null || !this.verifier.policy().checksum()) {
			return CompletableFuture.completedFuture(result.destinationChecksum());
		}
		return this.destinationClient
			.headObject((head) -> head.bucket(this.destinationBucket)
				.key(object.destinationKey())
				.versionId(result.versionId())
				.checksumMode(ChecksumMode.ENABLED))
			.thenApply(Checksum::fromHead);
	}

	private CompletableFuture<Verification> read(PlannedObject object, SourceFacts source, TransferResult result) {
		ObjectLocation from = new ObjectLocation(object.sourceBucket(), object.sourceKey(), object.versionId(),
				(object.versionId() == null) ? source.etag() : null);
		ObjectLocation to = new ObjectLocation(this.destinationBucket, object.destinationKey(), result.versionId(),
				(result.versionId() == null) ? result.etag() : null);
		return this.fullRead.verify(from, to).exceptionallyCompose((error) -> {
			S3Failure failure = S3Failure.of(error);
			if (!failure.permanent()) {
				return CompletableFuture.failedFuture(error);
			}
			String status = (failure.httpStatus() != null) ? " (HTTP " + failure.httpStatus() + ")" : "";
			return CompletableFuture.completedFuture(Verification
				.notVerified("the full read failed: " + failure.errorCode() + status + ": " + failure.message()));
		});
	}

}
