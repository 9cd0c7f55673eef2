package io.github.s3bulkcopy.copy;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import io.github.s3bulkcopy.ledger.ObjectOutcome;
import io.github.s3bulkcopy.ledger.ObjectStatus;
import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.verify.Verification;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.S3Exception;

import org.springframework.util.Assert;

/**
 * What becomes of a source object that sits in an archive and has no restored copy to
 * read. Without {@code copy.restore} it is SKIPPED_ARCHIVED: not copied, and not a
 * failure, so a bucket whose lifecycle archived part of it neither trips
 * {@code copy.max-failures} nor fails every scheduled run. With {@code copy.restore} a
 * restore is requested (RestoreObject), unless one is already under way, and the object
 * is RESTORE_PENDING: each run plans the manifest anew and HEADs the object again, so the
 * first run after the restore finished copies it.
 */
public class ArchivedObjects {

	private final S3AsyncClient sourceClient;

	private final @Nullable RestoreOptions restore;

	/**
	 * @param sourceClient the source's client (HEAD, RestoreObject)
	 * @param restore how to restore archived objects, or null to skip them
	 */
	public ArchivedObjects(S3AsyncClient sourceClient, @Nullable RestoreOptions restore) {
		Assert.notNull(sourceClient, "sourceClient is required");
		this.sourceClient = sourceClient;
		this.restore = restore;
	}

	/**
	 * The outcome of an object whose HEAD (or manifest) shows it archived and not
	 * restored.
	 */
	public CompletableFuture<ObjectOutcome> notReadable(PlannedObject object, ArchivedSource archive,
			@Nullable Long size, Instant started) {
		RestoreOptions restore = this.restore;
		if (restore == null) {
			return done(object, ObjectStatus.SKIPPED_ARCHIVED, size, started,
					"Skipped: archived in " + archive.describe()
							+ " and not restored; not copied. Set copy.restore to have a run restore "
							+ "it; a later run then copies it");
		}
		if (archive.restore() == ArchivedSource.Restore.ONGOING) {
			return done(object, ObjectStatus.RESTORE_PENDING, size, started, "Restore pending: archived in "
					+ archive.describe() + ", a restore is under way; a later run copies it once restored");
		}
		if (archive.deep() && restore.tier() == software.amazon.awssdk.services.s3.model.Tier.EXPEDITED) {
			return done(object, ObjectStatus.SKIPPED_ARCHIVED, size, started,
					"Skipped: archived in " + archive.describe()
							+ ", which has no expedited retrieval; not restored. Set copy.restore.tier "
							+ "to standard or bulk to restore it");
		}
		return this.sourceClient.restoreObject((request) -> request.bucket(object.sourceBucket())
			.key(object.sourceKey())
			.versionId(object.versionId())
			.restoreRequest((body) -> {
				if (!archive.intelligentTiering()) {
					// Intelligent-Tiering refuses a number of days: its restored objects
					// stay in Frequent Access.
					body.days(restore.days());
				}
				body.glacierJobParameters((parameters) -> parameters.tier(restore.tier()));
			})).handle((response, error) -> {
				if (error == null) {
					return done(object, ObjectStatus.RESTORE_PENDING, size, started,
							"Restore pending: archived in " + archive.describe() + ", restore requested (tier "
									+ restore.tierName()
									+ (archive.intelligentTiering() ? "" : ", " + restore.days() + " days")
									+ "); a later run copies it once restored");
				}
				if (alreadyInProgress(error)) {
					return done(object, ObjectStatus.RESTORE_PENDING, size, started,
							"Restore pending: archived in " + archive.describe() + ", a restore is already under way "
									+ "(RestoreAlreadyInProgress); a later run copies it once restored");
				}
				return CompletableFuture.<ObjectOutcome>failedFuture(error);
			}).thenCompose((future) -> future);
	}

	/**
	 * The outcome of an object whose copy S3 refused with InvalidObjectState, which it
	 * answers for archived objects: the manifest did not say so (an Intelligent-Tiering
	 * object, whose archive tier only a HEAD tells). With {@code copy.restore}, a HEAD
	 * says which archive it is and whether a restore is under way.
	 */
	public CompletableFuture<ObjectOutcome> copyRefused(PlannedObject object, Instant started) {
		ArchivedSource fromManifest = ArchivedSource.fromManifest(object);
		ArchivedSource unknown = new ArchivedSource(
				(object.storageClass() != null) ? object.storageClass() : "an archive tier", null,
				ArchivedSource.Restore.NONE);
		if (this.restore == null) {
			return notReadable(object, (fromManifest != null) ? fromManifest : unknown, object.size(), started);
		}
		return this.sourceClient
			.headObject(
					(head) -> head.bucket(object.sourceBucket()).key(object.sourceKey()).versionId(object.versionId()))
			.thenCompose((head) -> {
				ArchivedSource archive = ArchivedSource.fromHead(head);
				// Archived by the HEAD's answer, or refused all the same: a restore is
				// what S3 asks for.
				return notReadable(object, (archive != null && !archive.readable()) ? archive : unknown,
						(head.contentLength() != null) ? head.contentLength() : object.size(), started);
			});
	}

	private static boolean alreadyInProgress(Throwable error) {
		Throwable cause = S3Failure.unwrap(error);
		if (!(cause instanceof S3Exception s3)) {
			return false;
		}
		String code = (s3.awsErrorDetails() != null) ? s3.awsErrorDetails().errorCode() : null;
		return "RestoreAlreadyInProgress".equals(code) || s3.statusCode() == 409;
	}

	private static CompletableFuture<ObjectOutcome> done(PlannedObject object, ObjectStatus status, @Nullable Long size,
			Instant started, String message) {
		return CompletableFuture.completedFuture(new ObjectOutcome(object.seq(), status, size, null, null, message,
				Verification.notVerified("not copied: the source is archived"), started, Instant.now()));
	}

}
