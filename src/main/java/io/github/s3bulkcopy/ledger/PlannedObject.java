package io.github.s3bulkcopy.ledger;

import java.time.Instant;
import java.util.Comparator;

import org.jspecify.annotations.Nullable;

/**
 * One object as the plan step put it in the ledger: where it comes from and where it
 * goes.
 *
 * @param seq the object's position in the run's plan (1-based, dense); partitions are
 * ranges of it
 * @param sourceBucket the source bucket
 * @param sourceKey the source key
 * @param versionId the source version to copy, or null for the latest
 * @param size the size in bytes, when the manifest stated it
 * @param etag the source ETag without quotes, when the manifest stated it
 * @param checksumAlgorithm the source's additional checksum algorithm, when the manifest
 * stated it
 * @param storageClass the source storage class, when the manifest stated it
 * @param encryptionStatus the source encryption (SSE-S3, SSE-KMS, SSE-C, NOT-SSE), when
 * the manifest stated it
 * @param destinationKey the key the object is copied to
 * @param lastModified when the source version was written, when the manifest stated it
 * @param latest whether it is the key's current version, when the manifest stated it
 * @param deleteMarker whether the row is a delete marker, which is replayed rather than
 * copied
 * @param destinationVersionId the destination version that holds this source version:
 * found by an earlier run of the job until this run records its own
 * @param attemptedAt for a row still pending: when a chunk holding it began copying in an
 * earlier attempt of this run (with every version copied), so its copy may have reached
 * the destination before the attempt was cut short; null otherwise
 * @param proof the verified copy an earlier run of the job recorded for this object, for
 * a skip check to rely on; null when there is none
 */
public record PlannedObject(long seq, String sourceBucket, String sourceKey, @Nullable String versionId,
		@Nullable Long size, @Nullable String etag, @Nullable String checksumAlgorithm, @Nullable String storageClass,
		@Nullable String encryptionStatus, String destinationKey, @Nullable Instant lastModified,
		@Nullable Boolean latest, boolean deleteMarker, @Nullable String destinationVersionId,
		@Nullable Instant attemptedAt, @Nullable LedgerProof proof) {

	/**
	 * The order a run's report lists its objects in, as H2 compares them: keys as
	 * {@link String#compareTo} orders them (UTF-16 units, H2's comparison of VARCHAR
	 * without a collation, not {@link KeyOrder}), then versions with none first.
	 */
	public static final Comparator<PlannedObject> REPORT_ORDER = Comparator.comparing(PlannedObject::sourceKey)
		.thenComparing(PlannedObject::versionId, Comparator.nullsFirst(Comparator.naturalOrder()));

	/** A row as the copy step reads it, without a proof. */
	public PlannedObject(long seq, String sourceBucket, String sourceKey, @Nullable String versionId,
			@Nullable Long size, @Nullable String etag, @Nullable String checksumAlgorithm,
			@Nullable String storageClass, @Nullable String encryptionStatus, String destinationKey,
			@Nullable Instant lastModified, @Nullable Boolean latest, boolean deleteMarker,
			@Nullable String destinationVersionId, @Nullable Instant attemptedAt) {
		this(seq, sourceBucket, sourceKey, versionId, size, etag, checksumAlgorithm, storageClass, encryptionStatus,
				destinationKey, lastModified, latest, deleteMarker, destinationVersionId, attemptedAt, null);
	}

	/** A row as the plan writes it. */
	public PlannedObject(long seq, String sourceBucket, String sourceKey, @Nullable String versionId,
			@Nullable Long size, @Nullable String etag, @Nullable String checksumAlgorithm,
			@Nullable String storageClass, @Nullable String encryptionStatus, String destinationKey,
			@Nullable Instant lastModified, @Nullable Boolean latest, boolean deleteMarker,
			@Nullable String destinationVersionId) {
		this(seq, sourceBucket, sourceKey, versionId, size, etag, checksumAlgorithm, storageClass, encryptionStatus,
				destinationKey, lastModified, latest, deleteMarker, destinationVersionId, null);
	}

	/** An object row that states nothing of versions beyond its version id. */
	public PlannedObject(long seq, String sourceBucket, String sourceKey, @Nullable String versionId,
			@Nullable Long size, @Nullable String etag, @Nullable String checksumAlgorithm,
			@Nullable String storageClass, @Nullable String encryptionStatus, String destinationKey) {
		this(seq, sourceBucket, sourceKey, versionId, size, etag, checksumAlgorithm, storageClass, encryptionStatus,
				destinationKey, null, null, false, null);
	}

	/**
	 * The same row with what the source says of the version: when it was written, whether
	 * current, a marker.
	 */
	public PlannedObject withVersionFacts(@Nullable Instant written, @Nullable Boolean current, boolean marker) {
		return new PlannedObject(this.seq, this.sourceBucket, this.sourceKey, this.versionId, this.size, this.etag,
				this.checksumAlgorithm, this.storageClass, this.encryptionStatus, this.destinationKey, written, current,
				marker, this.destinationVersionId, this.attemptedAt, this.proof);
	}

	/** The same row, held at the destination by {@code version}. */
	public PlannedObject withDestinationVersionId(@Nullable String version) {
		return new PlannedObject(this.seq, this.sourceBucket, this.sourceKey, this.versionId, this.size, this.etag,
				this.checksumAlgorithm, this.storageClass, this.encryptionStatus, this.destinationKey,
				this.lastModified, this.latest, this.deleteMarker, version, this.attemptedAt, this.proof);
	}

	/** The same row at another position of the plan. */
	public PlannedObject withSeq(long newSeq) {
		return new PlannedObject(newSeq, this.sourceBucket, this.sourceKey, this.versionId, this.size, this.etag,
				this.checksumAlgorithm, this.storageClass, this.encryptionStatus, this.destinationKey,
				this.lastModified, this.latest, this.deleteMarker, this.destinationVersionId, this.attemptedAt,
				this.proof);
	}

	/** The same row with the verified copy an earlier run recorded for it. */
	public PlannedObject withProof(@Nullable LedgerProof earlier) {
		return new PlannedObject(this.seq, this.sourceBucket, this.sourceKey, this.versionId, this.size, this.etag,
				this.checksumAlgorithm, this.storageClass, this.encryptionStatus, this.destinationKey,
				this.lastModified, this.latest, this.deleteMarker, this.destinationVersionId, this.attemptedAt,
				earlier);
	}

}
