package io.github.s3bulkcopy.copy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.verify.EtagVerifier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyPartResult;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.Tagging;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;

/**
 * One server-side multipart copy: CreateMultipartUpload with the source's content headers
 * and metadata, then UploadPartCopy for each range of the source, a bounded number of
 * parts at a time, then CompleteMultipartUpload.
 * <p>
 * Why not the SDK's multipart copy ({@code multipartEnabled}): it sends every part of an
 * object at once. With many large objects in flight that queues tens of thousands of
 * requests in the HTTP client (64 objects of 100 GiB in 256 MiB parts: 25,600), where
 * each waits for a connection up to the client's acquisition timeout; here each object
 * has at most {@code partsInFlight} parts in flight, as a streamed multipart upload does,
 * and all objects together no more than the process's {@link PartSlots}.
 * <p>
 * The upload asks S3 for a full-object CRC64NVME, computed over the parts' bytes, which
 * the verification compares with the source's. Every part is pinned to the source's ETag
 * (or version), so no part can come from a newer object. On any failure the upload is
 * aborted, once the parts in flight have settled. The source's tags are carried over, as
 * a single CopyObject does (the SDK's multipart copy did not).
 */
final class ServerSideMultipartCopy {

	private final S3AsyncClient client;

	private final CopyTarget target;

	private final SourceTags tags;

	private final int partsInFlight;

	private final PartSlots slots;

	private final PlannedObject object;

	private final SourceFacts facts;

	private final long partSize;

	/**
	 * @param client reads the source and writes the destination
	 * @param partSize the job's part size, raised where an object would need more than
	 * 10,000 parts
	 */
	ServerSideMultipartCopy(S3AsyncClient client, CopyTarget target, SourceTags tags, long partSize, int partsInFlight,
			PartSlots slots, PlannedObject object, SourceFacts facts) {
		this.client = client;
		this.target = target;
		this.tags = tags;
		this.partsInFlight = partsInFlight;
		this.slots = slots;
		this.object = object;
		this.facts = facts;
		this.partSize = MultipartUploads.partSize(facts.size(), partSize);
	}

	CompletableFuture<TransferResult> run() {
		return MultipartUploads.sourceHead(this.client, this.object, this.facts).thenCompose((head) -> {
			Carried carried = Carried.of(this.target, this.facts.features(), Carried.Source.of(head), Instant.now());
			return this.tags.of(this.object, head.tagCount())
				.thenCompose((tagging) -> this.client.createMultipartUpload(create(head, tagging, carried)))
				.thenCompose((created) -> MultipartUploads.abortOnFailure(
						copyParts(created.uploadId(), head).thenCompose((parts) -> complete(created.uploadId(), parts)),
						this.client, this.target.bucket(), this.object.destinationKey(), created.uploadId(),
						"multipart copy"))
				.thenApply((result) -> result.withNotCarried(carried.notCarried()));
		});
	}

	@SuppressWarnings("deprecation")
	private CreateMultipartUploadRequest create(HeadObjectResponse head, @Nullable Tagging tagging, Carried carried) {
		// CreateMultipartUpload has no metadata directive: the source's headers are
		// carried over explicitly, and so are its storage class (unless the job sets
		// one), website redirect and Object Lock, as for a CopyObject.
		CreateMultipartUploadRequest.Builder create = CreateMultipartUploadRequest.builder()
			.bucket(this.target.bucket())
			.key(this.object.destinationKey())
			.contentType(head.contentType())
			.contentEncoding(head.contentEncoding())
			.contentDisposition(head.contentDisposition())
			.contentLanguage(head.contentLanguage())
			.cacheControl(head.cacheControl())
			.expires(head.expires())
			.metadata(head.metadata())
			.acl(this.target.acl())
			.checksumAlgorithm(ChecksumAlgorithm.CRC64_NVME)
			.checksumType(ChecksumType.FULL_OBJECT);
		carried.applyTo(create);
		if (tagging != null) {
			create.tagging(tagging);
		}
		if (this.target.sseKmsKeyId() != null) {
			create.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(this.target.sseKmsKeyId());
		}
		return create.build();
	}

	private CompletableFuture<List<CompletedPart>> copyParts(String uploadId, HeadObjectResponse head) {
		long size = head.contentLength();
		int count = (int) Math.max(1, (size + this.partSize - 1) / this.partSize);
		String etag = (this.object.etag() != null) ? this.object.etag() : head.eTag();
		PartWindow<CompletedPart> window = new PartWindow<>(count, this.partsInFlight, this.slots, (index) -> {
			long from = index * this.partSize;
			long last = Math.min(from + this.partSize, size) - 1;
			return copyPart(uploadId, index + 1, "bytes=" + from + "-" + last, etag);
		});
		return window.run();
	}

	private CompletableFuture<CompletedPart> copyPart(String uploadId, int number, String range,
			@Nullable String etag) {
		UploadPartCopyRequest.Builder part = UploadPartCopyRequest.builder()
			.sourceBucket(this.object.sourceBucket())
			.sourceKey(this.object.sourceKey())
			.sourceVersionId(this.object.versionId())
			.destinationBucket(this.target.bucket())
			.destinationKey(this.object.destinationKey())
			.uploadId(uploadId)
			.partNumber(number)
			.copySourceRange(range);
		if (this.object.versionId() == null && etag != null) {
			part.copySourceIfMatch(EtagVerifier.quote(etag));
		}
		return this.client.uploadPartCopy(part.build()).thenApply((response) -> {
			CopyPartResult result = response.copyPartResult();
			if (result == null || result.eTag() == null) {
				throw new IllegalStateException("UploadPartCopy of part " + number + " answered without an ETag");
			}
			return CompletedPart.builder()
				.partNumber(number)
				.eTag(result.eTag())
				.checksumCRC64NVME(result.checksumCRC64NVME())
				.build();
		});
	}

	/**
	 * Completes the upload without an expected checksum: S3 computes the object's
	 * CRC64NVME from the parts and answers with it, and the verification compares that
	 * with the source's (a value sent here could come back unchecked from a server that
	 * only echoes it).
	 */
	private CompletableFuture<TransferResult> complete(String uploadId, List<CompletedPart> parts) {
		return MultipartUploads.complete(this.client, this.target.bucket(), this.object.destinationKey(),
				parts.stream().map(CompletedPart::eTag).toList(),
				() -> this.client.completeMultipartUpload((done) -> done.bucket(this.target.bucket())
					.key(this.object.destinationKey())
					.uploadId(uploadId)
					.multipartUpload((upload) -> upload.parts(new ArrayList<>(parts)))),
				null);
	}

}
