package io.github.s3bulkcopy.verify;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3AsyncClient;

import org.springframework.util.Assert;

/**
 * The {@code full-read} method: reads the source and the destination object in full, both
 * at once, and computes a CRC64NVME of each here (aws-crt). Bodies stream through a few
 * buffers, never held whole, so memory stays bounded whatever the size. It costs one GET
 * per side and the transfer of both objects' bytes; it needs nothing from the servers but
 * the bytes, so it is valid for every object, part layout and encryption.
 */
public class FullReadVerifier {

	/**
	 * One object to read.
	 *
	 * @param bucket the bucket
	 * @param key the key
	 * @param versionId the version to read, or null for the latest
	 * @param ifMatch the ETag the object must still have (S3 answers 412 otherwise), or
	 * null
	 */
	public record ObjectLocation(String bucket, String key, @Nullable String versionId, @Nullable String ifMatch) {
	}

	private final S3AsyncClient sourceClient;

	private final S3AsyncClient destinationClient;

	/**
	 * @param sourceClient the client that reads the source
	 * @param destinationClient the client that reads the destination
	 */
	public FullReadVerifier(S3AsyncClient sourceClient, S3AsyncClient destinationClient) {
		Assert.notNull(sourceClient, "sourceClient is required");
		Assert.notNull(destinationClient, "destinationClient is required");
		this.sourceClient = sourceClient;
		this.destinationClient = destinationClient;
	}

	/**
	 * Reads both objects and compares them.
	 * @return VERIFIED when sizes and CRC64NVMEs are equal, MISMATCH otherwise; the
	 * future fails with the SDK's exception when an object cannot be read
	 */
	public CompletableFuture<Verification> verify(ObjectLocation source, ObjectLocation destination) {
		CompletableFuture<Crc64NvmeSubscriber.Digest> sourceDigest = read(this.sourceClient, source);
		CompletableFuture<Crc64NvmeSubscriber.Digest> destinationDigest = read(this.destinationClient, destination);
		// Both reads settle before the result does, so no read outlives the chunk when
		// the other one fails.
		return CompletableFuture.allOf(sourceDigest, destinationDigest)
			.exceptionally((error) -> null)
			.thenCompose((settled) -> sourceDigest.thenCombine(destinationDigest, FullReadVerifier::compare))
			.exceptionally((error) -> storedChecksumFailure(error, sourceDigest));
	}

	private static Verification compare(Crc64NvmeSubscriber.Digest source, Crc64NvmeSubscriber.Digest destination) {
		String sourceValue = source.checksum().toString();
		String destinationValue = destination.checksum().toString();
		if (source.bytes() != destination.bytes()) {
			return new Verification(VerificationMethod.FULL_READ, sourceValue, destinationValue, Verdict.MISMATCH,
					String.format(Locale.ROOT, "read %,d bytes from the destination and %,d from the source",
							destination.bytes(), source.bytes()));
		}
		if (!source.checksum().equals(destination.checksum())) {
			return new Verification(VerificationMethod.FULL_READ, sourceValue, destinationValue, Verdict.MISMATCH,
					"the CRC64NVME of the destination's bytes differs from that of the source's");
		}
		return new Verification(VerificationMethod.FULL_READ, sourceValue, destinationValue, Verdict.VERIFIED, null);
	}

	private static CompletableFuture<Crc64NvmeSubscriber.Digest> read(S3AsyncClient client, ObjectLocation location) {
		Crc64NvmeSubscriber subscriber = new Crc64NvmeSubscriber();
		return client
			.getObject((get) -> get.bucket(location.bucket())
				.key(location.key())
				.versionId(location.versionId())
				.ifMatch(EtagVerifier.quote(location.ifMatch())), AsyncResponseTransformer.toPublisher())
			.thenCompose((publisher) -> {
				publisher.subscribe(subscriber);
				return subscriber.result();
			});
	}

	/**
	 * The SDK checks a body against the full-object checksum the server sends with it and
	 * fails the read when they differ: the stored bytes no longer match their own stored
	 * checksum. That is a finding about the object, not an error of the run, so it
	 * becomes a MISMATCH; anything else is passed on.
	 */
	private static Verification storedChecksumFailure(Throwable error,
			CompletableFuture<Crc64NvmeSubscriber.Digest> sourceDigest) {
		Throwable cause = (error instanceof CompletionException && error.getCause() != null) ? error.getCause() : error;
		while (cause instanceof CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		if (cause instanceof SdkClientException && cause.getMessage() != null
				&& cause.getMessage().toLowerCase(Locale.ROOT).contains("checksum")) {
			String side = sourceDigest.isCompletedExceptionally() ? "source" : "destination";
			return new Verification(VerificationMethod.FULL_READ, null, null, Verdict.MISMATCH,
					"the " + side + "'s bytes do not match the checksum it stores: " + cause.getMessage());
		}
		throw (error instanceof CompletionException completion) ? completion : new CompletionException(error);
	}

}
