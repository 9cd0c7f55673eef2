package io.github.s3bulkcopy.copy;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.pacing.Pacing;
import io.github.s3bulkcopy.verify.Checksum;
import io.github.s3bulkcopy.verify.EtagVerifier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResult;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

import org.springframework.util.Assert;

/**
 * Server-side copy: CopyObject up to the multipart threshold, a multipart copy
 * (UploadPartCopy, a few parts of each object at a time: {@link ServerSideMultipartCopy})
 * above it. The bytes never pass through this process; one set of credentials must read
 * the source and write the destination. Every copy asks S3 to compute a CRC64NVME of the
 * copy's bytes, which the verification compares with the source's. The source's storage
 * class, website redirect location and (into a bucket with Object Lock) retention and
 * legal hold are sent with the copy ({@link Carried}).
 */
public class ServerSideTransfer implements ObjectTransfer {

	private final S3AsyncClient client;

	private final CopyTarget target;

	private final long multipartThreshold;

	private final long partSize;

	private final int partsInFlight;

	private final PartSlots partSlots;

	private final SourceTags tags;

	private final boolean bytesPaced;

	/**
	 * @param client the destination's client, which can read the source
	 * @param target where copies go
	 * @param multipartThreshold objects larger than this many bytes are copied in parts
	 * @param partSize the part size of multipart copies (raised for objects that would
	 * need more than 10,000 parts)
	 * @param partsInFlight how many parts of one object are copied at once
	 * @param connections how many requests the client sends at once: the parts of all
	 * objects together stay within them
	 * @param tagCountReported whether the source reports {@code x-amz-tagging-count} (AWS
	 * S3 does): multipart copies carry tags over themselves, and ask for them only where
	 * the count says there are some
	 * @param bytesPaced whether the clients pace bytes
	 * ({@code copy.max-bytes-per-second}): only then does a CopyObject tell
	 * {@link Pacing} its size, which costs the client a request-level configuration to
	 * merge on every request
	 */
	public ServerSideTransfer(S3AsyncClient client, CopyTarget target, long multipartThreshold, long partSize,
			int partsInFlight, int connections, boolean tagCountReported, boolean bytesPaced) {
		Assert.notNull(client, "client is required");
		Assert.notNull(target, "target is required");
		Assert.isTrue(partSize > 0, "partSize must be positive");
		Assert.isTrue(partsInFlight > 0, "partsInFlight must be positive");
		this.client = client;
		this.target = target;
		this.multipartThreshold = multipartThreshold;
		this.partSize = partSize;
		this.partsInFlight = partsInFlight;
		this.partSlots = new PartSlots(connections);
		this.tags = new SourceTags(client, tagCountReported);
		this.bytesPaced = bytesPaced;
	}

	/**
	 * A CopyObject carries none of the source's storage class, website redirect location
	 * and Object Lock by itself, so the source is read first where the manifest does not
	 * state what the copy must send: the storage class (unless the job sets one: a CSV
	 * manifest states none), a website redirect location (only a source bucket with a
	 * website configuration, or one whose configuration could not be read, can serve
	 * one), or a retention and legal hold (into a destination bucket with Object Lock). A
	 * multipart copy reads the source anyway.
	 */
	@Override
	public boolean needsSourceHead(PlannedObject object, BucketFeatures.Features features) {
		return (object.storageClass() == null && this.target.storageClass() == null)
				|| features.sourceWebsite() != BucketFeatures.State.NO
				|| features.destinationObjectLock() == BucketFeatures.State.YES;
	}

	@Override
	public CompletableFuture<TransferResult> transfer(PlannedObject object, SourceFacts source) {
		if (source.size() > this.multipartThreshold) {
			return new ServerSideMultipartCopy(this.client, this.target, this.tags, this.partSize, this.partsInFlight,
					this.partSlots, object, source)
				.run();
		}
		Carried carried = Carried.of(this.target, source.features(),
				(source.head() != null) ? Carried.Source.of(source.head()) : Carried.Source.of(object), Instant.now());
		return this.client.copyObject(request(object, source, carried))
			.thenApply((response) -> new TransferResult(
					(response.copyObjectResult() != null) ? EtagVerifier.unquote(response.copyObjectResult().eTag())
							: null,
					(response.serverSideEncryption() != null) ? response.serverSideEncryptionAsString() : null, false,
					response.versionId(), null, computedChecksum(response.copyObjectResult()), carried.notCarried()));
	}

	/**
	 * The CRC64NVME the copy response reports, which S3 computed because this copy asked
	 * for it. A value of another algorithm is the source's, carried over by a server that
	 * ignored the request (S3Mock, on CopyObject): it was never computed for the copy and
	 * proves nothing about it.
	 */
	private static @Nullable Checksum computedChecksum(@Nullable CopyObjectResult result) {
		Checksum checksum = Checksum.fromCopyResult(result);
		return (checksum != null && Checksum.CRC64NVME.equals(checksum.algorithm())) ? checksum : null;
	}

	@SuppressWarnings("deprecation") // copySource: the client's own form of the source
	private CopyObjectRequest request(PlannedObject object, SourceFacts source, Carried carried) {
		CopyObjectRequest.Builder request = CopyObjectRequest.builder();
		String copySource = CopySource.of(object.sourceBucket(), object.sourceKey(), object.versionId());
		if (copySource != null) {
			request.copySource(copySource);
		}
		else {
			request.sourceBucket(object.sourceBucket())
				.sourceKey(object.sourceKey())
				.sourceVersionId(object.versionId());
		}
		request.destinationBucket(this.target.bucket())
			.destinationKey(object.destinationKey())
			.acl(this.target.acl())
			// No x-amz-metadata-directive or x-amz-tagging-directive: COPY is S3's
			// default for both, so the copy keeps the source's metadata, content headers
			// and tags, with one header fewer to marshal and sign.
			// S3 computes it over the copy's bytes; S3-compatible servers may ignore the
			// request, and then the copy response carries no CRC64NVME.
			.checksumAlgorithm(ChecksumAlgorithm.CRC64_NVME);
		if (this.bytesPaced) {
			request.overrideConfiguration(Pacing.bytes(source.size()));
		}
		carried.applyTo(request);
		String etag = (object.etag() != null) ? object.etag() : source.etag();
		if (object.versionId() == null && etag != null) {
			// Copy exactly the object the manifest listed (or the HEAD saw): if it
			// changed since, S3 answers 412 instead of copying bytes the manifest and the
			// source's checksum (so the verification) know nothing of.
			request.copySourceIfMatch(EtagVerifier.quote(etag));
		}
		if (this.target.sseKmsKeyId() != null) {
			request.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(this.target.sseKmsKeyId());
		}
		return request.build();
	}

}
