package io.github.s3bulkcopy.copy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import io.github.s3bulkcopy.ledger.PlannedObject;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;

import org.springframework.util.Assert;

/**
 * A server-side copy is made by the destination's principal, which must also read the
 * source. When the two sides have different credentials (copy.mode forced to
 * server-side), this checks once, on the run's first object, that the destination's
 * credentials can read it, and otherwise fails the run with one clear message instead of
 * a failure per object. The check reads one byte (GetObject, the permission CopyObject
 * needs), since a HEAD's 404 does not say whether the key or the whole bucket is missing.
 */
public class ServerSideAccessCheck implements ObjectTransfer {

	private final ObjectTransfer transfer;

	private final S3AsyncClient destinationClient;

	private final AtomicReference<@Nullable CompletableFuture<Void>> check = new AtomicReference<>();

	/**
	 * @param transfer the server-side transfer to guard
	 * @param destinationClient the client the copies are made with
	 */
	public ServerSideAccessCheck(ObjectTransfer transfer, S3AsyncClient destinationClient) {
		Assert.notNull(transfer, "transfer is required");
		Assert.notNull(destinationClient, "destinationClient is required");
		this.transfer = transfer;
		this.destinationClient = destinationClient;
	}

	@Override
	public boolean needsSourceHead(PlannedObject object, BucketFeatures.Features features) {
		return this.transfer.needsSourceHead(object, features);
	}

	@Override
	public CompletableFuture<TransferResult> transfer(PlannedObject object, SourceFacts source) {
		CompletableFuture<Void> started = new CompletableFuture<>();
		CompletableFuture<Void> existing = this.check.compareAndExchange(null, started);
		if (existing == null) {
			readOneByte(object).whenComplete((done, error) -> {
				if (error != null) {
					started.completeExceptionally(error);
				}
				else {
					started.complete(null);
				}
			});
			existing = started;
		}
		return existing.thenCompose((passed) -> this.transfer.transfer(object, source));
	}

	private CompletableFuture<Void> readOneByte(PlannedObject object) {
		return this.destinationClient
			.getObject((get) -> get.bucket(object.sourceBucket())
				.key(object.sourceKey())
				.versionId(object.versionId())
				.range("bytes=0-0"), AsyncResponseTransformer.toBytes())
			.handle((bytes, error) -> {
				if (error == null) {
					return null;
				}
				Throwable cause = S3Failure.unwrap(error);
				if (cause instanceof AwsServiceException service && denies(service)) {
					throw new ServerSideCopyException(object, S3Failure.of(service));
				}
				// Anything else (the key is gone, an empty object's 416, a network fault)
				// says nothing about access: the copies themselves will tell.
				return null;
			});
	}

	private static boolean denies(AwsServiceException service) {
		String code = (service.awsErrorDetails() != null) ? service.awsErrorDetails().errorCode() : null;
		return service.statusCode() == 403 || "NoSuchBucket".equals(code) || "PermanentRedirect".equals(code)
				|| service.statusCode() == 301;
	}

	/**
	 * The destination's credentials cannot read the source: a server-side copy cannot
	 * work.
	 */
	public static class ServerSideCopyException extends RuntimeException {

		ServerSideCopyException(PlannedObject object, S3Failure failure) {
			// Kept under S3Failure's 500 characters, the object last, so the advice
			// survives a long key.
			super("copy.mode is server-side, but the destination's credentials cannot read the source. Server-side "
					+ "copies are made by the destination's principal, which must read the source too: set copy.mode: "
					+ "stream (or auto), or grant it read access with the source bucket policy from 'policies --job "
					+ "FILE'; 'preflight --job FILE' checks the setup. (GetObject answered " + failure.errorCode()
					+ ((failure.httpStatus() != null) ? " " + failure.httpStatus() : "") + " for s3://"
					+ object.sourceBucket() + "/" + object.sourceKey() + ")");
		}

	}

}
