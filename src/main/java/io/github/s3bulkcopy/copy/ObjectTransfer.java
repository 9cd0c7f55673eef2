package io.github.s3bulkcopy.copy;

import java.util.concurrent.CompletableFuture;

import io.github.s3bulkcopy.ledger.PlannedObject;

/**
 * Puts one object's bytes at its destination by some means (server-side copy, or a stream
 * through this process).
 */
public interface ObjectTransfer {

	/**
	 * Copies the object; the future fails with the SDK's exception when S3 refuses or the
	 * network fails.
	 * @param object the planned object
	 * @param source what is known of the source (a HEAD response where one was needed)
	 */
	CompletableFuture<TransferResult> transfer(PlannedObject object, SourceFacts source);

	/**
	 * Whether the source's HEAD must be made before {@link #transfer} so that the copy
	 * can carry the source's own properties (storage class, website redirect location,
	 * Object Lock) that the manifest does not state. A transfer that reads the source's
	 * headers itself (a streamed GET) needs none.
	 * @param object the planned object
	 * @param features what the run knows of the buckets
	 */
	default boolean needsSourceHead(PlannedObject object, BucketFeatures.Features features) {
		return false;
	}

}
