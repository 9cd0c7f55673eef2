package io.github.s3bulkcopy.copy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import io.github.s3bulkcopy.ledger.LedgerProof;
import io.github.s3bulkcopy.ledger.ObjectOutcome;
import io.github.s3bulkcopy.ledger.ObjectStatus;
import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.verify.Checksum;
import io.github.s3bulkcopy.verify.ChecksumVerifier;
import io.github.s3bulkcopy.verify.EtagVerifier;
import io.github.s3bulkcopy.verify.Verdict;
import io.github.s3bulkcopy.verify.Verification;
import io.github.s3bulkcopy.verify.VerificationMethod;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import org.springframework.util.Assert;

/**
 * One object, start to finish, without blocking: learn what the manifest did not say
 * (HEAD), skip it when the destination already holds the same bytes, transfer it, verify
 * the copy, and turn the result into an outcome. A failure that belongs to the object
 * becomes a FAILED outcome; an archived source with no restored copy is handed to
 * {@link ArchivedObjects} (SKIPPED_ARCHIVED or RESTORE_PENDING, not failures); a
 * run-level failure completes the future exceptionally, for the caller to roll the chunk
 * back.
 */
public class ObjectCopier {

	/** The longest key S3 accepts, in UTF-8 bytes. */
	static final int MAX_KEY_BYTES = 1024;

	private final S3AsyncClient sourceClient;

	private final S3AsyncClient destinationClient;

	private final String destinationBucket;

	private final ObjectTransfer transfer;

	private final CopyVerification verification;

	private final CopyOptions options;

	private final DeleteMarkerReplay deleteMarkers;

	private final BucketFeatures features;

	private final ArchivedObjects archived;

	/**
	 * @param sourceClient the client for reading the source (HEAD)
	 * @param destinationClient the destination's client (HEAD for skip-existing)
	 * @param destinationBucket the destination bucket
	 * @param transfer how bytes get to the destination
	 * @param verification how copies are proven
	 * @param options how objects are copied
	 */
	public ObjectCopier(S3AsyncClient sourceClient, S3AsyncClient destinationClient, String destinationBucket,
			ObjectTransfer transfer, CopyVerification verification, CopyOptions options) {
		this(sourceClient, destinationClient, destinationBucket, transfer, verification, options, BucketFeatures.none(),
				new ArchivedObjects(sourceClient, null));
	}

	/**
	 * @param sourceClient the client for reading the source (HEAD)
	 * @param destinationClient the destination's client (HEAD for skip-existing)
	 * @param destinationBucket the destination bucket
	 * @param transfer how bytes get to the destination
	 * @param verification how copies are proven
	 * @param options how objects are copied
	 * @param features what the run learns of the buckets (website configuration, Object
	 * Lock) on its first copy
	 * @param archived what becomes of archived source objects (skipped, or restored for a
	 * later run)
	 */
	public ObjectCopier(S3AsyncClient sourceClient, S3AsyncClient destinationClient, String destinationBucket,
			ObjectTransfer transfer, CopyVerification verification, CopyOptions options, BucketFeatures features,
			ArchivedObjects archived) {
		Assert.notNull(sourceClient, "sourceClient is required");
		Assert.notNull(destinationClient, "destinationClient is required");
		Assert.hasText(destinationBucket, "destinationBucket is required");
		Assert.notNull(transfer, "transfer is required");
		Assert.notNull(verification, "verification is required");
		Assert.notNull(options, "options is required");
		Assert.notNull(features, "features is required");
		this.features = features;
		Assert.notNull(archived, "archived is required");
		this.sourceClient = sourceClient;
		this.destinationClient = destinationClient;
		this.destinationBucket = destinationBucket;
		this.transfer = transfer;
		this.verification = verification;
		this.options = options;
		this.deleteMarkers = new DeleteMarkerReplay(destinationClient, destinationBucket);
		this.archived = archived;
	}

	/**
	 * This copier, skipping objects already at the destination or not: a run decides it
	 * when it starts (a scheduled run after the first skips them unless the job file says
	 * otherwise).
	 */
	public ObjectCopier withSkipExisting(boolean skipExisting) {
		if (skipExisting == this.options.skipExisting()) {
			return this;
		}
		return new ObjectCopier(this.sourceClient, this.destinationClient, this.destinationBucket, this.transfer,
				this.verification,
				new CopyOptions(this.options.multipartThreshold(), skipExisting, this.options.everyVersion()),
				this.features, this.archived);
	}

	/**
	 * Copies one object; the future fails only for run-level errors (see
	 * {@link S3Failure#permanent()}).
	 */
	public CompletableFuture<ObjectOutcome> copy(PlannedObject object) {
		Instant started = Instant.now();
		if (object.destinationKey().isEmpty()) {
			return CompletableFuture.completedFuture(emptyDestinationKey(object, started));
		}
		int keyBytes = object.destinationKey().getBytes(StandardCharsets.UTF_8).length;
		if (keyBytes > MAX_KEY_BYTES) {
			// S3 would refuse it too (KeyTooLongError); saying so here names the cause:
			// the destination prefix.
			return CompletableFuture.completedFuture(failed(object, started,
					new S3Failure("KeyTooLongError", null,
							"the destination key would be " + keyBytes + " bytes, S3 allows " + MAX_KEY_BYTES
									+ ": destination.prefix makes it longer than the source key",
							true),
					null));
		}
		CompletableFuture<ObjectOutcome> outcome;
		try {
			outcome = object.deleteMarker() ? this.deleteMarkers.replay(object, started)
					: sourceFacts(object).thenCompose((source) -> skipOrCopy(object, source, started));
		}
		catch (RuntimeException ex) {
			outcome = CompletableFuture.failedFuture(ex);
		}
		return outcome.exceptionallyCompose((error) -> {
			if ("InvalidObjectState".equals(S3Failure.of(error).errorCode())) {
				// What S3 answers for an archived object the manifest did not name as
				// one.
				return this.archived.copyRefused(object, started)
					.exceptionallyCompose((restoreError) -> failure(object, started, restoreError));
			}
			return failure(object, started, error);
		});
	}

	/**
	 * Records a copy of the object that is already at the destination, written by an
	 * attempt of this run that was cut short before it recorded it
	 * ({@link LandedVersions}): verified as the copy would have been, never written
	 * again.
	 */
	public CompletableFuture<ObjectOutcome> landed(PlannedObject object, String etag, String versionId) {
		Instant started = Instant.now();
		return sourceFacts(object)
			.thenCompose((source) -> this.verification
				.verify(object, source, new TransferResult(etag, null, etag.contains("-"), versionId))
				.thenApply((verification) -> outcome(object, source, started, verification, versionId, 0)
					.withEtags(source.etag(), etag)))
			.exceptionallyCompose((error) -> failure(object, started, error));
	}

	private static CompletableFuture<ObjectOutcome> failure(PlannedObject object, Instant started, Throwable error) {
		S3Failure failure = S3Failure.of(error);
		if (!failure.permanent()) {
			return CompletableFuture.failedFuture(new RunLevelCopyException(object, failure, error));
		}
		return CompletableFuture.completedFuture(failed(object, started, failure, null));
	}

	private CompletableFuture<SourceFacts> sourceFacts(PlannedObject object) {
		return this.features.get().thenCompose((features) -> sourceFacts(object, features));
	}

	private CompletableFuture<SourceFacts> sourceFacts(PlannedObject object, BucketFeatures.Features features) {
		// A skip check needs the source's stored checksum, which no manifest has; a
		// verification reads it only after the copy, and only when the copy's own
		// evidence proves nothing (CopyVerification). The transfer may need the source's
		// own properties that the manifest does not state, to carry them. An object the
		// manifest names as archived may have a restored copy, which only a HEAD tells.
		boolean needsHead = object.size() == null || object.size() > this.options.multipartThreshold()
				|| this.options.skipExisting() || this.transfer.needsSourceHead(object, features)
				|| ArchivedSource.fromManifest(object) != null;
		if (!needsHead) {
			return CompletableFuture.completedFuture(SourceFacts.fromManifest(object, features));
		}
		return this.sourceClient
			.headObject((head) -> head.bucket(object.sourceBucket())
				.key(object.sourceKey())
				.versionId(object.versionId())
				.checksumMode(ChecksumMode.ENABLED))
			.thenApply((head) -> SourceFacts.fromHead(head, features));
	}

	private CompletableFuture<ObjectOutcome> skipOrCopy(PlannedObject object, SourceFacts source, Instant started) {
		if (!this.options.skipExisting()) {
			return copyAndVerify(object, source, started);
		}
		// Of every version, each is compared with the copy an earlier run recorded for
		// it; the destination's current
		// version holds another source version, or none yet.
		String compareWith = this.options.everyVersion() ? object.destinationVersionId() : null;
		if (this.options.everyVersion() && compareWith == null) {
			return copyAndVerify(object, source, started);
		}
		return this.destinationClient
			.headObject((head) -> head.bucket(this.destinationBucket)
				.key(object.destinationKey())
				.versionId(compareWith)
				.checksumMode(ChecksumMode.ENABLED))
			.handle((existing, error) -> {
				if (error != null) {
					Throwable cause = S3Failure.unwrap(error);
					boolean missing = cause instanceof NoSuchKeyException || (cause instanceof S3Exception s3
							&& (s3.statusCode() == 404 || (compareWith != null && s3.statusCode() == 400)));
					if (!missing) {
						return CompletableFuture.<ObjectOutcome>failedFuture(error);
					}
					return copyAndVerify(object, source, started);
				}
				Verification unchanged = unchanged(source, existing);
				if (unchanged != null) {
					return CompletableFuture
						.completedFuture(new ObjectOutcome(object.seq(), ObjectStatus.SKIPPED_UNCHANGED, source.size(),
								null, null, null, unchanged, started, Instant.now(), existing.versionId())
							.withEtags(source.etag(), existing.eTag()));
				}
				LedgerProof proof = object.proof();
				if (proof != null
						&& proof.holdsFor(source.etag(), source.size(), existing.eTag(), existing.versionId())) {
					// What the store keeps proves nothing (no comparable checksum), but
					// these are the very objects an earlier run compared.
					return CompletableFuture.completedFuture(new ObjectOutcome(object.seq(),
							ObjectStatus.SKIPPED_UNCHANGED, source.size(), null, null, proof.evidence(),
							new Verification(VerificationMethod.LEDGER, EtagVerifier.unquote(source.etag()),
									EtagVerifier.unquote(existing.eTag()), Verdict.VERIFIED, null),
							started, Instant.now(), existing.versionId()));
				}
				return copyAndVerify(object, source, started);
			})
			.thenCompose((future) -> future);
	}

	/**
	 * A VERIFIED comparison when the destination already holds the same bytes; null when
	 * that is not proven. Equal sizes and then stored checksums of one algorithm and type
	 * (which also holds for multipart copies, whose ETags differ from the source's), or
	 * else MD5 ETags; modification times are never looked at.
	 */
	private @Nullable Verification unchanged(SourceFacts source, HeadObjectResponse existing) {
		if (existing.contentLength() == null || existing.contentLength() != source.size()) {
			return null;
		}
		Verification checksum = ChecksumVerifier.verify(VerificationMethod.CHECKSUM, source.checksum(),
				Checksum.fromHead(existing));
		if (checksum.verdict() == Verdict.VERIFIED) {
			return checksum;
		}
		if (checksum.verdict() == Verdict.MISMATCH) {
			return null;
		}
		String encryption = (existing.serverSideEncryption() != null) ? existing.serverSideEncryptionAsString() : null;
		Verification etag = EtagVerifier.verify(source.etag(), source.encryption(), existing.eTag(), encryption, false);
		return (etag.verdict() == Verdict.VERIFIED) ? etag : null;
	}

	private CompletableFuture<ObjectOutcome> copyAndVerify(PlannedObject object, SourceFacts source, Instant started) {
		// After the skip check: an archived object already copied unchanged needs no
		// restore.
		ArchivedSource archive = (source.head() != null) ? ArchivedSource.fromHead(source.head()) : null;
		if (archive != null && !archive.readable()) {
			return this.archived.notReadable(object, archive, source.size(), started);
		}
		return this.transfer.transfer(object, source)
			.thenCompose((result) -> this.verification.verify(object, source, result)
				.thenApply((verification) -> outcome(object, source, started, verification, result.versionId(),
						result.notCarried())
					.withEtags(source.etag(), result.etag())));
	}

	private ObjectOutcome outcome(PlannedObject object, SourceFacts source, Instant started, Verification verification,
			@Nullable String destinationVersionId, int notCarried) {
		if (verification.verdict() == Verdict.MISMATCH) {
			return failed(object, started, new S3Failure("VerificationMismatch", null,
					"the copy does not match the source: " + verification.reason(), true), verification);
		}
		if (verification.verdict() == Verdict.NOT_VERIFIED && this.verification.required()) {
			return failed(object, started,
					new S3Failure("NotVerified", null,
							"copied, but verification is required and no valid method could verify it: "
									+ verification.reason(),
							true),
					verification);
		}
		return new ObjectOutcome(object.seq(), ObjectStatus.COPIED, source.size(), null, null, null, verification,
				started, Instant.now(), destinationVersionId, notCarried);
	}

	/**
	 * The outcome of an object whose destination key would be empty: S3 has no object
	 * with an empty key, so there is nothing to copy it to, and the SDK refuses the
	 * request before sending it.
	 */
	public static ObjectOutcome emptyDestinationKey(PlannedObject object, Instant started) {
		return new ObjectOutcome(object.seq(), ObjectStatus.SKIPPED_INVALID_KEY, object.size(), null, null,
				EMPTY_KEY_MESSAGE, Verification.notVerified("not copied: the destination key would be empty"), started,
				Instant.now());
	}

	/**
	 * Why an object with an empty destination key is skipped, and what to do to copy it.
	 */
	static final String EMPTY_KEY_MESSAGE = "Skipped: empty destination key (the source key is source.prefix "
			+ "itself, often a folder marker, and destination.prefix is empty); S3 cannot store an object with an "
			+ "empty key: set destination.prefix to copy it";

	private static ObjectOutcome failed(PlannedObject object, Instant started, S3Failure failure,
			@Nullable Verification verification) {
		String message = failure.message();
		if ("PreconditionFailed".equals(failure.errorCode())) {
			message = "the source object changed after the manifest was made (its ETag is no longer " + object.etag()
					+ "): " + message;
		}
		return new ObjectOutcome(object.seq(), ObjectStatus.FAILED, object.size(), failure.errorCode(),
				failure.httpStatus(), message,
				(verification != null) ? verification : Verification.notVerified("not copied"), started, Instant.now());
	}

}
