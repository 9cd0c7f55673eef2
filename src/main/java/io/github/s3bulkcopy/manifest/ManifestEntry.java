package io.github.s3bulkcopy.manifest;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One object named by a manifest, as the manifest states it. Fields a manifest format
 * does not carry are null (a Batch Operations CSV names only bucket, key and version).
 *
 * @param bucket the source bucket named by the manifest row
 * @param key the decoded object key
 * @param versionId the version to copy, or null for the latest at copy time
 * @param size the size in bytes, if the manifest states it
 * @param etag the ETag without quotes, if the manifest states it
 * @param checksumAlgorithm the additional checksum algorithm (e.g. CRC64NVME), if the
 * manifest states it
 * @param storageClass the storage class, if the manifest states it
 * @param encryptionStatus SSE-S3, SSE-KMS, SSE-C or NOT-SSE, if the manifest states it
 * @param multipartUploaded whether the object was uploaded in parts, if the manifest
 * states it
 * @param origin where the row came from ({@code file:line}), for error messages
 * @param lastModified when the version was written, if the manifest states it (the order
 * of a key's versions)
 * @param latest whether this is the key's current version, if the manifest states it
 * @param deleteMarker whether the row is a delete marker rather than an object
 */
public record ManifestEntry(String bucket, String key, @Nullable String versionId, @Nullable Long size,
		@Nullable String etag, @Nullable String checksumAlgorithm, @Nullable String storageClass,
		@Nullable String encryptionStatus, @Nullable Boolean multipartUploaded, String origin,
		@Nullable Instant lastModified, @Nullable Boolean latest, boolean deleteMarker) {

	/**
	 * An object row of a manifest that states nothing about versions' dates or currency.
	 */
	public ManifestEntry(String bucket, String key, @Nullable String versionId, @Nullable Long size,
			@Nullable String etag, @Nullable String checksumAlgorithm, @Nullable String storageClass,
			@Nullable String encryptionStatus, @Nullable Boolean multipartUploaded, String origin) {
		this(bucket, key, versionId, size, etag, checksumAlgorithm, storageClass, encryptionStatus, multipartUploaded,
				origin, null, null, false);
	}

	/**
	 * A row that names only an object, as a Batch Operations CSV or a bare listing does.
	 */
	public static ManifestEntry of(String bucket, String key, @Nullable String versionId, String origin) {
		return new ManifestEntry(bucket, key, versionId, null, null, null, null, null, null, origin);
	}

	/** Whether the manifest says this is not the key's current version. */
	public boolean noncurrent() {
		return Boolean.FALSE.equals(this.latest);
	}

}
