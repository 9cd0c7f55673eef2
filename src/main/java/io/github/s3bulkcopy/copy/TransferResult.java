package io.github.s3bulkcopy.copy;

import org.jspecify.annotations.Nullable;

/**
 * What the destination said about a copy it accepted, for verification and the ledger.
 *
 * @param etag the destination ETag, quotes removed
 * @param encryption the destination's server-side encryption, if it said
 * @param multipart whether the destination was written in parts
 * @param versionId the destination version written, on a versioned bucket
 * @param localCrc64nvme the CRC64NVME (Base64, full object) of the bytes as they passed through this process, for a
 * streamed copy; null when the bytes did not pass through (server-side copy)
 * @param destinationCrc64nvme the full-object CRC64NVME (Base64) the destination says it stored, when its answer
 * carried one; null when it did not (S3Proxy stores nothing for checksums sent as trailers)
 */
public record TransferResult(@Nullable String etag, @Nullable String encryption, boolean multipart,
		@Nullable String versionId, @Nullable String localCrc64nvme, @Nullable String destinationCrc64nvme) {

	/** A result with no checksums (a server-side copy). */
	public TransferResult(@Nullable String etag, @Nullable String encryption, boolean multipart,
			@Nullable String versionId) {
		this(etag, encryption, multipart, versionId, null, null);
	}

}
