package io.github.s3bulkcopy.copy;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.s3bulkcopy.ledger.PlannedObject;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.Tagging;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * One streamed multipart upload: CreateMultipartUpload with the source's headers, then
 * each part a ranged GET of the source streamed into UploadPart, a bounded number of
 * parts at a time, then CompleteMultipartUpload with the object's full CRC64NVME (the
 * source's stored value when it has one, else the parts' checksums combined), which the
 * destination checks against the parts it received. Every GET is pinned to the source's
 * ETag, so the parts cannot come from two versions of an object that changes meanwhile.
 * On any failure the upload is aborted, once the parts in flight have settled, so no
 * incomplete upload is left to cost storage.
 */
final class StreamedMultipartUpload {

	private final S3AsyncClient source;

	private final S3AsyncClient destination;

	private final CopyTarget target;

	private final SourceTags tags;

	private final int partsInFlight;

	private final PlannedObject object;

	private final SourceFacts facts;

	private final long partSize;

	StreamedMultipartUpload(S3AsyncClient source, S3AsyncClient destination, CopyTarget target, SourceTags tags,
			long partSize, int partsInFlight, PlannedObject object, SourceFacts facts) {
		this.source = source;
		this.destination = destination;
		this.target = target;
		this.tags = tags;
		this.partsInFlight = partsInFlight;
		this.object = object;
		this.facts = facts;
		this.partSize = MultipartUploads.partSize(facts.size(), partSize);
	}

	CompletableFuture<TransferResult> run() {
		return headers().thenCompose((headers) -> {
			Carried carried = Carried.of(this.target, this.facts.features(), headers.properties(), Instant.now());
			return this.tags.of(this.object, headers.tagCount())
				.thenCompose((tagging) -> this.destination.createMultipartUpload(create(headers, tagging, carried)))
				.thenCompose((created) -> MultipartUploads.abortOnFailure(
						uploadParts(created.uploadId(), headers)
							.thenCompose((parts) -> complete(created.uploadId(), headers, parts)),
						this.destination, this.target.bucket(), this.object.destinationKey(), created.uploadId(),
						"multipart upload"))
				.thenApply((result) -> result.withNotCarried(carried.notCarried()));
		});
	}

	/** The source's headers, from its HEAD. */
	private CompletableFuture<SourceHeaders> headers() {
		return MultipartUploads.sourceHead(this.source, this.object, this.facts).thenApply(SourceHeaders::of);
	}

	private CreateMultipartUploadRequest create(SourceHeaders headers, @Nullable Tagging tagging, Carried carried) {
		CreateMultipartUploadRequest.Builder create = CreateMultipartUploadRequest.builder()
			.bucket(this.target.bucket())
			.key(this.object.destinationKey())
			.checksumAlgorithm(ChecksumAlgorithm.CRC64_NVME)
			.checksumType(ChecksumType.FULL_OBJECT);
		headers.applyTo(create, this.target);
		carried.applyTo(create);
		if (tagging != null) {
			create.tagging(tagging);
		}
		return create.build();
	}

	private CompletableFuture<List<Part>> uploadParts(String uploadId, SourceHeaders headers) {
		long size = headers.length();
		int count = (int) Math.max(1, (size + this.partSize - 1) / this.partSize);
		PartWindow<Part> window = new PartWindow<>(count, this.partsInFlight, PartSlots.unbounded(), (index) -> {
			long from = index * this.partSize;
			long length = Math.min(this.partSize, size - from);
			return uploadPart(uploadId, headers, index + 1, from, length);
		});
		return window.run();
	}

	private CompletableFuture<Part> uploadPart(String uploadId, SourceHeaders headers, int number, long from,
			long length) {
		SourceBody body = new SourceBody(length, null, () -> read(headers, from, length));
		return this.destination
			.uploadPart((part) -> part.bucket(this.target.bucket())
				.key(this.object.destinationKey())
				.uploadId(uploadId)
				.partNumber(number)
				.contentLength(length)
				.checksumAlgorithm(ChecksumAlgorithm.CRC64_NVME), body)
			.thenApply((response) -> part(number, length, response, body));
	}

	private CompletableFuture<SdkPublisher<ByteBuffer>> read(SourceHeaders headers, long from, long length) {
		String range = "bytes=" + from + "-" + (from + length - 1);
		return this.source
			.getObject((get) -> get.bucket(this.object.sourceBucket())
				.key(this.object.sourceKey())
				.versionId(this.object.versionId())
				.ifMatch(headers.etag())
				.range(range), AsyncResponseTransformer.toPublisher())
			.thenApply((response) -> response);
	}

	private static Part part(int number, long length, UploadPartResponse response, SourceBody body) {
		Long crc = body.crc64nvme();
		if (crc == null) {
			throw new IllegalStateException("part " + number + " was accepted before its body was read");
		}
		return new Part(number, length, response.eTag(), crc);
	}

	private CompletableFuture<TransferResult> complete(String uploadId, SourceHeaders headers, List<Part> parts) {
		long crc = 0;
		List<CompletedPart> completed = new ArrayList<>(parts.size());
		for (int i = 0; i < parts.size(); i++) {
			Part part = parts.get(i);
			crc = (i == 0) ? part.crc() : Crc64Nvme.combine(crc, part.crc(), part.length());
			completed.add(CompletedPart.builder()
				.partNumber(part.number())
				.eTag(part.etag())
				.checksumCRC64NVME(Crc64Nvme.toBase64(part.crc()))
				.build());
		}
		String local = Crc64Nvme.toBase64(crc);
		String expected = (headers.crc64nvme() != null) ? headers.crc64nvme() : local;
		return MultipartUploads.complete(this.destination, this.target.bucket(), this.object.destinationKey(),
				parts.stream().map(Part::etag).toList(),
				() -> this.destination.completeMultipartUpload((done) -> done.bucket(this.target.bucket())
					.key(this.object.destinationKey())
					.uploadId(uploadId)
					.multipartUpload((upload) -> upload.parts(completed))
					.checksumType(ChecksumType.FULL_OBJECT)
					.checksumCRC64NVME(expected)),
				local);
	}

	/**
	 * One uploaded part: what CompleteMultipartUpload needs, and its CRC64NVME for the
	 * object's.
	 */
	private record Part(int number, long length, String etag, long crc) {

	}

}
