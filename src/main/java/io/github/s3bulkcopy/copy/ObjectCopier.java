package io.github.s3bulkcopy.copy;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import io.github.s3bulkcopy.ledger.ObjectOutcome;
import io.github.s3bulkcopy.ledger.ObjectStatus;
import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.verify.EtagVerifier;
import io.github.s3bulkcopy.verify.Verdict;
import io.github.s3bulkcopy.verify.Verification;
import io.github.s3bulkcopy.verify.VerificationMethod;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.S3Exception;

import org.springframework.util.Assert;

/**
 * Copies one object server-side and verifies the copy, without blocking: CopyObject for objects up to the multipart
 * threshold, the SDK's multipart copy (UploadPartCopy) above it. A failure that belongs to the object becomes a FAILED
 * outcome; a run-level failure completes the future exceptionally, for the caller to roll the chunk back.
 */
public class ObjectCopier {

	private final S3AsyncClient sourceClient;

	private final S3AsyncClient client;

	private final S3AsyncClient multipartClient;

	private final CopyTarget target;

	private final CopyOptions options;

	/**
	 * @param sourceClient the client for reading the source (HEAD)
	 * @param client the destination's client for single-request copies, HEADs and reads
	 * @param multipartClient a client built with {@code multipartEnabled(true)} and the job's threshold and part size
	 * @param target where copies go
	 * @param options how objects are copied
	 */
	public ObjectCopier(S3AsyncClient sourceClient, S3AsyncClient client, S3AsyncClient multipartClient,
			CopyTarget target, CopyOptions options) {
		Assert.notNull(sourceClient, "sourceClient is required");
		Assert.notNull(client, "client is required");
		Assert.notNull(multipartClient, "multipartClient is required");
		Assert.notNull(target, "target is required");
		Assert.notNull(options, "options is required");
		this.sourceClient = sourceClient;
		this.client = client;
		this.multipartClient = multipartClient;
		this.target = target;
		this.options = options;
	}

	/** Copies one object; the future fails only for run-level errors (see {@link S3Failure#permanent()}). */
	public CompletableFuture<ObjectOutcome> copy(PlannedObject object) {
		Instant started = Instant.now();
		CompletableFuture<ObjectOutcome> outcome;
		try {
			outcome = sourceFacts(object).thenCompose((source) -> skipOrCopy(object, source, started));
		}
		catch (RuntimeException ex) {
			outcome = CompletableFuture.failedFuture(ex);
		}
		return outcome.exceptionallyCompose((error) -> {
			S3Failure failure = S3Failure.of(error);
			if (!failure.permanent()) {
				return CompletableFuture.failedFuture(new RunLevelCopyException(object, failure, error));
			}
			return CompletableFuture.completedFuture(failed(object, started, failure, null));
		});
	}

	private CompletableFuture<SourceFacts> sourceFacts(PlannedObject object) {
		boolean needsHead = object.size() == null || object.size() > this.options.multipartThreshold()
				|| (this.options.skipExisting() && object.etag() == null);
		if (!needsHead) {
			return CompletableFuture.completedFuture(SourceFacts.fromManifest(object));
		}
		return this.sourceClient
			.headObject((head) -> head.bucket(object.sourceBucket()).key(object.sourceKey()).versionId(object.versionId()))
			.thenApply(SourceFacts::fromHead);
	}

	private CompletableFuture<ObjectOutcome> skipOrCopy(PlannedObject object, SourceFacts source, Instant started) {
		if (!this.options.skipExisting()) {
			return copyAndVerify(object, source, started);
		}
		return this.client.headObject((head) -> head.bucket(this.target.bucket()).key(object.destinationKey()))
			.handle((existing, error) -> {
				if (error != null) {
					Throwable cause = S3Failure.unwrap(error);
					boolean missing = cause instanceof NoSuchKeyException
							|| (cause instanceof S3Exception s3 && s3.statusCode() == 404);
					if (!missing) {
						return CompletableFuture.<ObjectOutcome>failedFuture(error);
					}
					return copyAndVerify(object, source, started);
				}
				Verification unchanged = unchanged(source, existing);
				if (unchanged != null) {
					return CompletableFuture.completedFuture(new ObjectOutcome(object.seq(),
							ObjectStatus.SKIPPED_UNCHANGED, source.size(), null, null, null, unchanged, started,
							Instant.now()));
				}
				return copyAndVerify(object, source, started);
			})
			.thenCompose((future) -> future);
	}

	/** A VERIFIED comparison when the destination already holds the same bytes; null when that is not proven. */
	private @Nullable Verification unchanged(SourceFacts source, HeadObjectResponse existing) {
		if (existing.contentLength() == null || existing.contentLength() != source.size()) {
			return null;
		}
		String encryption = (existing.serverSideEncryption() != null) ? existing.serverSideEncryptionAsString() : null;
		Verification verification = EtagVerifier.verify(source.etag(), source.encryption(), existing.eTag(),
				encryption, false);
		return (verification.verdict() == Verdict.VERIFIED) ? verification : null;
	}

	private CompletableFuture<ObjectOutcome> copyAndVerify(PlannedObject object, SourceFacts source, Instant started) {
		boolean multipart = source.size() > this.options.multipartThreshold();
		CopyObjectRequest request = copyRequest(object, source, multipart);
		S3AsyncClient copier = multipart ? this.multipartClient : this.client;
		return copier.copyObject(request)
			.thenCompose((response) -> verify(object, source, response, multipart))
			.thenApply((verification) -> outcome(object, source, started, verification));
	}

	private CopyObjectRequest copyRequest(PlannedObject object, SourceFacts source, boolean multipart) {
		CopyObjectRequest.Builder request = CopyObjectRequest.builder()
			.sourceBucket(object.sourceBucket())
			.sourceKey(object.sourceKey())
			.sourceVersionId(object.versionId())
			.destinationBucket(this.target.bucket())
			.destinationKey(object.destinationKey())
			.storageClass(this.target.storageClass())
			.acl(this.target.acl());
		if (object.versionId() == null && object.etag() != null) {
			// Copy exactly the object the manifest listed: if it changed since, S3 answers 412 instead of copying
			// bytes the manifest (and so the verification) knows nothing of.
			request.copySourceIfMatch(quote(object.etag()));
		}
		if (this.target.sseKmsKeyId() != null) {
			request.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(this.target.sseKmsKeyId());
		}
		HeadObjectResponse head = source.head();
		if (multipart && head != null) {
			// CreateMultipartUpload has no metadata directive: carry the source's headers over explicitly.
			request.metadataDirective(MetadataDirective.REPLACE)
				.metadata(head.metadata())
				.contentType(head.contentType())
				.contentEncoding(head.contentEncoding())
				.contentDisposition(head.contentDisposition())
				.contentLanguage(head.contentLanguage())
				.cacheControl(head.cacheControl())
				.expires(head.expires());
		}
		else {
			request.metadataDirective(MetadataDirective.COPY);
		}
		return request.build();
	}

	private CompletableFuture<Verification> verify(PlannedObject object, SourceFacts source,
			CopyObjectResponse response, boolean multipart) {
		if (!this.options.verify()) {
			return CompletableFuture.completedFuture(Verification.notVerified("verification is off (verify.method: none)"));
		}
		String destinationEtag = (response.copyObjectResult() != null) ? response.copyObjectResult().eTag() : null;
		String destinationEncryption = (response.serverSideEncryption() != null)
				? response.serverSideEncryptionAsString() : null;
		Verification verification = EtagVerifier.verify(source.etag(), source.encryption(), destinationEtag,
				destinationEncryption, multipart);
		if (verification.verdict() == Verdict.NOT_VERIFIED && this.options.requireVerification()
				&& EtagVerifier.isMd5(source.etag()) && !EtagVerifier.isKmsOrCustomerKey(source.encryption())
				&& !EtagVerifier.isKmsOrCustomerKey(destinationEncryption)) {
			return readDestinationMd5(object, response).thenApply((md5) -> {
				String expected = EtagVerifier.unquote(source.etag());
				boolean equal = md5.equalsIgnoreCase(expected);
				return new Verification(VerificationMethod.MD5_READ, expected, md5,
						equal ? Verdict.VERIFIED : Verdict.MISMATCH,
						equal ? null : "the MD5 of the destination's bytes differs from the source's ETag");
			});
		}
		return CompletableFuture.completedFuture(verification);
	}

	private CompletableFuture<String> readDestinationMd5(PlannedObject object, CopyObjectResponse response) {
		DigestingSubscriber md5 = new DigestingSubscriber("MD5");
		return this.client
			.getObject((get) -> get.bucket(this.target.bucket()).key(object.destinationKey()).versionId(response.versionId()),
					AsyncResponseTransformer.toPublisher())
			.thenCompose((publisher) -> {
				publisher.subscribe(md5);
				return md5.result();
			});
	}

	private ObjectOutcome outcome(PlannedObject object, SourceFacts source, Instant started,
			Verification verification) {
		if (verification.verdict() == Verdict.MISMATCH) {
			return failed(object, started, new S3Failure("VerificationMismatch", null,
					"the copy does not match the source: " + verification.reason(), true), verification);
		}
		if (verification.verdict() == Verdict.NOT_VERIFIED && this.options.requireVerification()) {
			return failed(object, started, new S3Failure("NotVerified", null,
					"copied, but verification is required and no valid method could verify it: "
							+ verification.reason(), true), verification);
		}
		return new ObjectOutcome(object.seq(), ObjectStatus.COPIED, source.size(), null, null, null, verification,
				started, Instant.now());
	}

	private static ObjectOutcome failed(PlannedObject object, Instant started, S3Failure failure,
			@Nullable Verification verification) {
		String message = failure.message();
		if ("PreconditionFailed".equals(failure.errorCode())) {
			message = "the source object changed after the manifest was made (its ETag is no longer "
					+ object.etag() + "): " + message;
		}
		return new ObjectOutcome(object.seq(), ObjectStatus.FAILED, object.size(), failure.errorCode(),
				failure.httpStatus(), message,
				(verification != null) ? verification : Verification.notVerified("not copied"), started,
				Instant.now());
	}

	private static String quote(String etag) {
		return etag.startsWith("\"") ? etag : "\"" + etag + "\"";
	}

}
