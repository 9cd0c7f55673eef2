package io.github.s3bulkcopy.verify;

import org.jspecify.annotations.Nullable;

/**
 * What one side says about an object's bytes without their being read: the values a cheap
 * comparison works with.
 *
 * @param etag the ETag, quotes allowed
 * @param encryption the server-side encryption (SSE-KMS, aws:kms, AES256, SSE-C, ...),
 * when known
 * @param multipart whether the object was written in parts (known for copies this process
 * made)
 * @param checksum the additional checksum the server computed or stores, when there is
 * one to trust
 */
public record Evidence(@Nullable String etag, @Nullable String encryption, boolean multipart,
		@Nullable Checksum checksum) {

}
