package io.github.s3bulkcopy.copy;

import org.jspecify.annotations.Nullable;

/**
 * What the destination said about a copy it accepted, for verification and the ledger.
 *
 * @param etag the destination ETag, quotes removed
 * @param encryption the destination's server-side encryption, if it said
 * @param multipart whether the destination was written in parts
 * @param versionId the destination version written, on a versioned bucket
 */
public record TransferResult(@Nullable String etag, @Nullable String encryption, boolean multipart,
		@Nullable String versionId) {

}
