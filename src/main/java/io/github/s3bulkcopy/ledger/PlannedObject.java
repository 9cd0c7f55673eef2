package io.github.s3bulkcopy.ledger;

import org.jspecify.annotations.Nullable;

/**
 * One object as the plan step put it in the ledger: where it comes from and where it goes.
 *
 * @param seq the object's position in the run's plan (1-based, dense); partitions are ranges of it
 * @param sourceBucket the source bucket
 * @param sourceKey the source key
 * @param versionId the source version to copy, or null for the latest
 * @param size the size in bytes, when the manifest stated it
 * @param etag the source ETag without quotes, when the manifest stated it
 * @param checksumAlgorithm the source's additional checksum algorithm, when the manifest stated it
 * @param storageClass the source storage class, when the manifest stated it
 * @param encryptionStatus the source encryption (SSE-S3, SSE-KMS, SSE-C, NOT-SSE), when the manifest stated it
 * @param destinationKey the key the object is copied to
 */
public record PlannedObject(long seq, String sourceBucket, String sourceKey, @Nullable String versionId,
		@Nullable Long size, @Nullable String etag, @Nullable String checksumAlgorithm, @Nullable String storageClass,
		@Nullable String encryptionStatus, String destinationKey) {

}
