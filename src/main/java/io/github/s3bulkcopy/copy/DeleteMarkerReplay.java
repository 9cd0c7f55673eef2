package io.github.s3bulkcopy.copy;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import io.github.s3bulkcopy.ledger.ObjectOutcome;
import io.github.s3bulkcopy.ledger.ObjectStatus;
import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.verify.Verdict;
import io.github.s3bulkcopy.verify.Verification;
import io.github.s3bulkcopy.verify.VerificationMethod;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

import org.springframework.util.Assert;

/**
 * A key whose current source version is a delete marker, deleted at the destination as
 * the last of its versions: a DeleteObject without version id, which on a versioned
 * bucket adds a delete marker and keeps the versions before it. The key's versions are
 * listed first, so a key already without a current object gets no second marker, and
 * again after, to prove the delete and to learn the marker's version id (S3 names it in
 * DeleteObject's answer, but not every S3-compatible store does).
 */
class DeleteMarkerReplay {

	private final S3AsyncClient destinationClient;

	private final String destinationBucket;

	DeleteMarkerReplay(S3AsyncClient destinationClient, String destinationBucket) {
		Assert.notNull(destinationClient, "destinationClient is required");
		Assert.hasText(destinationBucket, "destinationBucket is required");
		this.destinationClient = destinationClient;
		this.destinationBucket = destinationBucket;
	}

	CompletableFuture<ObjectOutcome> replay(PlannedObject marker, Instant started) {
		return current(marker.destinationKey()).thenCompose((before) -> {
			if (!before.present()) {
				return CompletableFuture.completedFuture(outcome(marker, ObjectStatus.SKIPPED_UNCHANGED, started,
						"the destination key has no current object already", before.markerVersionId()));
			}
			return this.destinationClient
				.deleteObject((delete) -> delete.bucket(this.destinationBucket).key(marker.destinationKey()))
				.thenCompose((deleted) -> current(marker.destinationKey()))
				.thenApply((after) -> after.present() ? failed(marker, started) : outcome(marker, ObjectStatus.COPIED,
						started, "deleted: the destination key has no current object", after.markerVersionId()));
		});
	}

	/** What the key's newest version at the destination is. */
	private record Current(boolean present, @Nullable String markerVersionId) {
	}

	private CompletableFuture<Current> current(String key) {
		// The key itself is listed before any longer key that starts with it, and its
		// newest version first.
		return this.destinationClient
			.listObjectVersions((list) -> list.bucket(this.destinationBucket).prefix(key).maxKeys(10))
			.thenApply((listing) -> {
				for (DeleteMarkerEntry entry : listing.deleteMarkers()) {
					if (entry.key().equals(key) && Boolean.TRUE.equals(entry.isLatest())) {
						return new Current(false, entry.versionId());
					}
				}
				for (ObjectVersion version : listing.versions()) {
					if (version.key().equals(key) && Boolean.TRUE.equals(version.isLatest())) {
						return new Current(true, null);
					}
				}
				return new Current(false, null);
			});
	}

	private static ObjectOutcome outcome(PlannedObject marker, ObjectStatus status, Instant started, String reason,
			@Nullable String destinationVersionId) {
		return new ObjectOutcome(
				marker.seq(), status, 0L, null, null, null, new Verification(VerificationMethod.DELETE_MARKER,
						"delete marker", "no current object", Verdict.VERIFIED, reason),
				started, Instant.now(), destinationVersionId);
	}

	private static ObjectOutcome failed(PlannedObject marker, Instant started) {
		return new ObjectOutcome(marker.seq(), ObjectStatus.FAILED, 0L, "DeleteMarkerNotReplayed", null,
				"the destination key still has a current object after DeleteObject",
				new Verification(VerificationMethod.DELETE_MARKER, "delete marker", "current object", Verdict.MISMATCH,
						"the destination key still has a current object"),
				started, Instant.now());
	}

}
