package io.github.s3bulkcopy.copy;

import org.jspecify.annotations.Nullable;

/**
 * Where and how copies are written.
 *
 * @param bucket the destination bucket
 * @param storageClass the storage class of the copies, or null to keep the source's
 * @param sseKmsKeyId the KMS key for SSE-KMS, or null for the bucket's default encryption
 * @param acl the canned ACL of the copies, or null for none
 */
public record CopyTarget(String bucket, @Nullable String storageClass, @Nullable String sseKmsKeyId,
		@Nullable String acl) {

}
