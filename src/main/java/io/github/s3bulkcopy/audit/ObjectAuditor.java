package io.github.s3bulkcopy.audit;

import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import io.github.s3bulkcopy.copy.ObjectCopier;
import io.github.s3bulkcopy.copy.S3Failure;
import io.github.s3bulkcopy.ledger.ObjectOutcome;
import io.github.s3bulkcopy.ledger.ObjectStatus;
import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.verify.Checksum;
import io.github.s3bulkcopy.verify.Evidence;
import io.github.s3bulkcopy.verify.FullReadVerifier;
import io.github.s3bulkcopy.verify.FullReadVerifier.ObjectLocation;
import io.github.s3bulkcopy.verify.Verdict;
import io.github.s3bulkcopy.verify.Verification;
import io.github.s3bulkcopy.verify.VerificationMethod;
import io.github.s3bulkcopy.verify.Verifier;
import io.github.s3bulkcopy.verify.VerifyFinding;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import org.springframework.util.Assert;

/**
 * Checks one object of a verify run without copying it: a HEAD of each side (checksum
 * mode enabled), then the sizes, then the job's verification. The outcome is the ledger
 * row's: SKIPPED_UNCHANGED when the destination is proven to hold the source's bytes,
 * FAILED with the {@link VerifyFinding}'s error code otherwise. Every object not proven
 * counts against the run, whatever {@code verify.require} says, because proving is what a
 * verify run is for.
 * <p>
 * Both checksums here are the ones each side stores; a server that carried a source's
 * checksum over on CopyObject without computing it (S3Proxy does) makes them equal
 * whatever the bytes, so against such a server only {@code full-read} audits the bytes
 * (docs/integrity.md).
 */
class ObjectAuditor {

	private final S3AsyncClient sourceClient;

	private final S3AsyncClient destinationClient;

	private final String destinationBucket;

	private final Verifier verifier;

	private final FullReadVerifier fullRead;

	/**
	 * @param sourceClient the client that reads the source
	 * @param destinationClient the client that reads the destination
	 * @param destinationBucket the destination bucket
	 * @param verifier the job's verification policy
	 * @param fullRead reads both objects when the policy asks for it
	 */
	public ObjectAuditor(S3AsyncClient sourceClient, S3AsyncClient destinationClient, String destinationBucket,
			Verifier verifier, FullReadVerifier fullRead) {
		Assert.notNull(sourceClient, "sourceClient is required");
		Assert.notNull(destinationClient, "destinationClient is required");
		Assert.hasText(destinationBucket, "destinationBucket is required");
		Assert.notNull(verifier, "verifier is required");
		Assert.notNull(fullRead, "fullRead is required");
		this.sourceClient = sourceClient;
		this.destinationClient = destinationClient;
		this.destinationBucket = destinationBucket;
		this.verifier = verifier;
		this.fullRead = fullRead;
	}

	/**
	 * Checks one object; the future fails only for run-level errors (see
	 * {@link S3Failure#permanent()}).
	 */
	public CompletableFuture<ObjectOutcome> audit(PlannedObject object) {
		Instant started = Instant.now();
		if (object.destinationKey().isEmpty()) {
			// The copy skipped it (ObjectCopier): there is no destination object to
			// check.
			return CompletableFuture.completedFuture(ObjectCopier.emptyDestinationKey(object, started));
		}
		CompletableFuture<ObjectOutcome> outcome;
		try {
			if (object.deleteMarker()) {
				return auditDeleteMarker(object, started)
					.exceptionallyCompose((error) -> failed(object, started, error));
			}
			if (object.destinationVersionId() == null && Boolean.FALSE.equals(object.latest())) {
				// The destination's current version holds another source version: only a
				// recorded copy can be compared.
				return Finding
					.done(VerifyFinding.MISSING_AT_DESTINATION, object.size(),
							Verification.notVerified("no copy of this noncurrent version is recorded by the copy job"))
					.thenApply((finding) -> finding.outcome(object, started));
			}
			CompletableFuture<@Nullable HeadObjectResponse> source = head(this.sourceClient, object.sourceBucket(),
					object.sourceKey(), object.versionId());
			CompletableFuture<@Nullable HeadObjectResponse> destination = head(this.destinationClient,
					this.destinationBucket, object.destinationKey(), object.destinationVersionId());
			// Both HEADs settle before anything goes on, so no request outlives the chunk
			// when one fails.
			outcome = CompletableFuture.allOf(source, destination)
				.exceptionally((error) -> null)
				.thenCompose((settled) -> source.thenCombine(destination, Sides::new))
				.thenCompose((sides) -> compare(object, sides.source(), sides.destination()))
				.thenApply((finding) -> finding.outcome(object, started));
		}
		catch (RuntimeException ex) {
			outcome = CompletableFuture.failedFuture(ex);
		}
		return outcome.exceptionallyCompose((error) -> failed(object, started, error));
	}

	private static CompletableFuture<ObjectOutcome> failed(PlannedObject object, Instant started, Throwable error) {
		S3Failure failure = S3Failure.of(error);
		if (!failure.permanent()) {
			return CompletableFuture.failedFuture(new RunLevelAuditException(object, failure, error));
		}
		return CompletableFuture.completedFuture(new ObjectOutcome(object.seq(), ObjectStatus.FAILED, object.size(),
				failure.errorCode(), failure.httpStatus(), failure.message(),
				Verification.notVerified("not checked: " + failure.errorCode()), started, Instant.now()));
	}

	/**
	 * A key deleted at the source: verified when the destination key has no current
	 * object either.
	 */
	private CompletableFuture<ObjectOutcome> auditDeleteMarker(PlannedObject object, Instant started) {
		return head(this.destinationClient, this.destinationBucket, object.destinationKey(), null)
			.thenApply((current) -> (current == null)
					? new Finding(VerifyFinding.VERIFIED, 0L,
							new Verification(VerificationMethod.DELETE_MARKER, "delete marker", "no current object",
									Verdict.VERIFIED, "the key is deleted on both sides"))
					: new Finding(VerifyFinding.CHECKSUM_DIFFERS, 0L,
							new Verification(VerificationMethod.DELETE_MARKER, "delete marker", "current object",
									Verdict.MISMATCH, "the source key is deleted, the destination key is not")))
			.thenApply((finding) -> finding.outcome(object, started));
	}

	private CompletableFuture<Finding> compare(PlannedObject object, @Nullable HeadObjectResponse source,
			@Nullable HeadObjectResponse destination) {
		if (source == null) {
			return Finding.done(VerifyFinding.SOURCE_MISSING, object.size(),
					Verification.notVerified("the source object is gone: there is nothing to compare with"));
		}
		long size = source.contentLength();
		if (destination == null) {
			return Finding.done(VerifyFinding.MISSING_AT_DESTINATION, size,
					Verification.notVerified("missing at destination"));
		}
		if (destination.contentLength() != size) {
			return Finding.done(VerifyFinding.SIZE_DIFFERS, size,
					new Verification(VerificationMethod.SIZE, Long.toString(size),
							Long.toString(destination.contentLength()), Verdict.MISMATCH,
							String.format(Locale.ROOT, "the destination has %,d bytes, the source %,d",
									destination.contentLength(), size)));
		}
		Evidence sourceEvidence = new Evidence(source.eTag(), encryption(source), false, Checksum.fromHead(source));
		Evidence destinationEvidence = new Evidence(destination.eTag(), encryption(destination), false,
				Checksum.fromHead(destination));
		ObjectLocation from = new ObjectLocation(object.sourceBucket(), object.sourceKey(), object.versionId(),
				(object.versionId() == null) ? source.eTag() : null);
		ObjectLocation to = new ObjectLocation(this.destinationBucket, object.destinationKey(),
				object.destinationVersionId(), (object.destinationVersionId() == null) ? destination.eTag() : null);
		return this.verifier.verify(sourceEvidence, destinationEvidence, null, () -> this.fullRead.verify(from, to))
			.thenApply((verification) -> new Finding(switch (verification.verdict()) {
				case VERIFIED -> VerifyFinding.VERIFIED;
				case MISMATCH -> VerifyFinding.CHECKSUM_DIFFERS;
				case NOT_VERIFIED -> VerifyFinding.NOT_VERIFIED;
			}, size, verification));
	}

	/** The HEAD response, or null when the object does not exist. */
	private static CompletableFuture<@Nullable HeadObjectResponse> head(S3AsyncClient client, String bucket, String key,
			@Nullable String versionId) {
		CompletableFuture<@Nullable HeadObjectResponse> result = new CompletableFuture<>();
		client
			.headObject((head) -> head.bucket(bucket).key(key).versionId(versionId).checksumMode(ChecksumMode.ENABLED))
			.whenComplete((response, error) -> {
				if (error == null) {
					result.complete(response);
					return;
				}
				Throwable cause = S3Failure.unwrap(error);
				boolean missing = cause instanceof NoSuchKeyException || (cause instanceof S3Exception s3
						&& s3.statusCode() == 404 && !"NoSuchBucket".equals(S3Failure.of(s3).errorCode()));
				if (missing) {
					result.complete(null);
				}
				else {
					result.completeExceptionally(error);
				}
			});
		return result;
	}

	private static @Nullable String encryption(HeadObjectResponse head) {
		if (head.serverSideEncryption() != null) {
			return head.serverSideEncryptionAsString();
		}
		return (head.sseCustomerAlgorithm() != null) ? "SSE-C" : null;
	}

	private record Sides(@Nullable HeadObjectResponse source, @Nullable HeadObjectResponse destination) {
	}

	/** What was found, before it becomes a ledger outcome. */
	private record Finding(VerifyFinding finding, @Nullable Long size, Verification verification) {

		static CompletableFuture<Finding> done(VerifyFinding finding, @Nullable Long size, Verification verification) {
			return CompletableFuture.completedFuture(new Finding(finding, size, verification));
		}

		ObjectOutcome outcome(PlannedObject object, Instant started) {
			if (this.finding == VerifyFinding.VERIFIED) {
				return new ObjectOutcome(object.seq(), ObjectStatus.SKIPPED_UNCHANGED, this.size, null, null, null,
						this.verification, started, Instant.now());
			}
			return new ObjectOutcome(object.seq(), ObjectStatus.FAILED, this.size, this.finding.errorCode(), null,
					message(), this.verification, started, Instant.now());
		}

		private String message() {
			return switch (this.finding) {
				case MISSING_AT_DESTINATION -> "missing at destination";
				case SOURCE_MISSING -> "the source object no longer exists";
				case SIZE_DIFFERS, CHECKSUM_DIFFERS ->
					"the destination differs from the source: " + this.verification.reason();
				default -> "not verified: " + this.verification.reason();
			};
		}

	}

}
