package io.github.s3bulkcopy.copy;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.pacing.Pacing;
import io.github.s3bulkcopy.verify.Checksum;
import io.github.s3bulkcopy.verify.EtagVerifier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.async.ResponsePublisher;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.Tagging;

import org.springframework.util.Assert;

/**
 * Streamed copy: the bytes pass through this process, read with the source's credentials
 * and written with the destination's, for two principals of which neither can both read
 * the source and write the destination.
 * <p>
 * Up to the multipart threshold: one GET whose body is the body of one PUT (two requests,
 * plus GetObjectTagging for tagged objects); the GET's response brings the content
 * headers, metadata, storage class, website redirect location and Object Lock
 * ({@link Carried}), so no HEAD is needed. Above it: a multipart upload whose parts are
 * ranged GETs ({@link StreamedMultipartUpload}). A CRC64NVME of the bytes is computed on
 * the way. When the source has a stored CRC64NVME it is sent as the PUT's checksum
 * header, so the destination checks the bytes end to end against the source's own value.
 * <p>
 * Objects up to {@link #BUFFERED_MAX} bytes are read whole into memory (at most
 * {@code copy.concurrency} of them at once): their CRC64NVME is known before the PUT
 * starts, so it goes in a header too, and the PUT is a plain one with a replayable body.
 * Larger objects are streamed, nothing buffered beyond network buffers, and without a
 * stored source value the SDK computes the CRC64NVME and sends it as a trailer
 * (aws-chunked encoding). For small objects the buffered path costs less CPU per object:
 * no chunked encoding and fewer hand-offs between the two connections. It may go through
 * clients of their own ({@code smallSourceClient}, {@code smallDestinationClient}):
 * nothing is streamed there, so an HTTP client that buffers more per request but costs
 * less per request can carry it.
 */
public class StreamTransfer implements ObjectTransfer {

	/**
	 * The largest object read whole into memory before its PUT; 64 in flight hold at most
	 * 64 MiB.
	 */
	static final long BUFFERED_MAX = 1024 * 1024;

	private final S3AsyncClient sourceClient;

	private final S3AsyncClient destinationClient;

	private final S3AsyncClient smallSourceClient;

	private final S3AsyncClient smallDestinationClient;

	private final CopyTarget target;

	private final long multipartThreshold;

	private final long partSize;

	private final int partsInFlight;

	private final SourceTags tags;

	/**
	 * @param sourceClient reads the source
	 * @param destinationClient writes the destination (a client without multipart
	 * support: parts are made here)
	 * @param target where copies go
	 * @param multipartThreshold objects larger than this many bytes are uploaded in parts
	 * @param partSize the part size (raised for objects that would need more than 10,000
	 * parts)
	 * @param partsInFlight how many parts of one object are copied at once
	 * @param tagCountReported whether the source reports {@code x-amz-tagging-count} (AWS
	 * S3 does)
	 */
	public StreamTransfer(S3AsyncClient sourceClient, S3AsyncClient destinationClient, CopyTarget target,
			long multipartThreshold, long partSize, int partsInFlight, boolean tagCountReported) {
		this(sourceClient, destinationClient, sourceClient, destinationClient, target, multipartThreshold, partSize,
				partsInFlight, tagCountReported);
	}

	/**
	 * @param smallSourceClient reads objects of up to {@link #BUFFERED_MAX} bytes, which
	 * are read whole
	 * @param smallDestinationClient writes those: clients whose HTTP client may buffer
	 * more per request than a stream should (the CRT-based one: faster for small objects,
	 * see {@code HttpEngine})
	 */
	public StreamTransfer(S3AsyncClient sourceClient, S3AsyncClient destinationClient, S3AsyncClient smallSourceClient,
			S3AsyncClient smallDestinationClient, CopyTarget target, long multipartThreshold, long partSize,
			int partsInFlight, boolean tagCountReported) {
		Assert.notNull(sourceClient, "sourceClient is required");
		Assert.notNull(destinationClient, "destinationClient is required");
		Assert.notNull(smallSourceClient, "smallSourceClient is required");
		Assert.notNull(smallDestinationClient, "smallDestinationClient is required");
		Assert.notNull(target, "target is required");
		Assert.isTrue(partSize > 0, "partSize must be positive");
		Assert.isTrue(partsInFlight > 0, "partsInFlight must be positive");
		this.sourceClient = sourceClient;
		this.destinationClient = destinationClient;
		this.smallSourceClient = smallSourceClient;
		this.smallDestinationClient = smallDestinationClient;
		this.target = target;
		this.multipartThreshold = multipartThreshold;
		this.partSize = partSize;
		this.partsInFlight = partsInFlight;
		this.tags = new SourceTags(sourceClient, tagCountReported);
	}

	@Override
	public CompletableFuture<TransferResult> transfer(PlannedObject object, SourceFacts source) {
		if (source.size() > this.multipartThreshold) {
			return new StreamedMultipartUpload(this.sourceClient, this.destinationClient, this.target, this.tags,
					this.partSize, this.partsInFlight, object, source)
				.run();
		}
		GetObjectRequest get = GetObjectRequest.builder()
			.bucket(object.sourceBucket())
			.key(object.sourceKey())
			.versionId(object.versionId())
			// Copy exactly what the manifest listed (or the HEAD saw): a changed source
			// answers 412, as with CopyObject; this also keeps a buffered object at the
			// size it was listed with.
			.ifMatch((object.versionId() == null) ? EtagVerifier.quote(source.etag()) : null)
			.checksumMode(ChecksumMode.ENABLED)
			.overrideConfiguration(Pacing.bytes(source.size()))
			.build();
		if (source.size() <= BUFFERED_MAX && (object.versionId() != null || source.etag() != null)) {
			return this.smallSourceClient.getObject(get, AsyncResponseTransformer.toBytes())
				.thenCompose((bytes) -> putBuffered(object, source, bytes));
		}
		return this.sourceClient.getObject(get, AsyncResponseTransformer.toPublisher())
			.thenCompose((response) -> put(object, source, response));
	}

	/** What the PUT sends of the source's own properties, read from its GET. */
	private Carried carried(SourceFacts source, SourceHeaders headers) {
		return Carried.of(this.target, source.features(), headers.properties(), Instant.now());
	}

	private CompletableFuture<TransferResult> putBuffered(PlannedObject object, SourceFacts source,
			ResponseBytes<GetObjectResponse> get) {
		SourceHeaders headers = SourceHeaders.of(get.response());
		byte[] content = get.asByteArrayUnsafe();
		Crc64Nvme crc = new Crc64Nvme();
		crc.update(ByteBuffer.wrap(content));
		String computed = Crc64Nvme.toBase64(crc.value());
		Carried carried = carried(source, headers);
		return putObject(this.smallDestinationClient, object, headers, AsyncRequestBody.fromBytesUnsafe(content),
				computed, carried)
			.thenApply((response) -> result(response, computed, carried));
	}

	private CompletableFuture<TransferResult> put(PlannedObject object, SourceFacts source,
			ResponsePublisher<GetObjectResponse> get) {
		SourceHeaders headers = SourceHeaders.of(get.response());
		Carried carried = carried(source, headers);
		SourceBody body = new SourceBody(headers.length(), get, () -> reread(object, headers),
				Checksum.fromGet(get.response()));
		CompletableFuture<TransferResult> result = putObject(this.destinationClient, object, headers, body, null,
				carried)
			.thenApply((response) -> {
				Long crc = body.crc64nvme();
				return result(response, (crc != null) ? Crc64Nvme.toBase64(crc) : null, carried);
			});
		return result.whenComplete((done, error) -> body.release());
	}

	/**
	 * The PUT of one object, with the source's tags; {@code computed} as for
	 * {@link #request}.
	 */
	private CompletableFuture<PutObjectResponse> putObject(S3AsyncClient destination, PlannedObject object,
			SourceHeaders headers, AsyncRequestBody body, @Nullable String computed, Carried carried) {
		return this.tags.of(object, headers.tagCount())
			.thenCompose(
					(tagging) -> destination.putObject(request(object, headers, tagging, computed, carried), body));
	}

	/**
	 * @param computed the CRC64NVME computed here over the whole body before the PUT, or
	 * null when the body is streamed
	 */
	private PutObjectRequest request(PlannedObject object, SourceHeaders headers, @Nullable Tagging tagging,
			@Nullable String computed, Carried carried) {
		PutObjectRequest.Builder put = PutObjectRequest.builder()
			.bucket(this.target.bucket())
			.key(object.destinationKey())
			.contentLength(headers.length());
		headers.applyTo(put, this.target);
		carried.applyTo(put);
		if (tagging != null) {
			put.tagging(tagging);
		}
		if (headers.crc64nvme() != null) {
			// CRC64NVME is always a full-object checksum: the destination verifies the
			// bytes against the source's.
			put.checksumCRC64NVME(headers.crc64nvme());
		}
		else if (computed != null) {
			put.checksumCRC64NVME(computed);
		}
		else {
			put.checksumAlgorithm(ChecksumAlgorithm.CRC64_NVME);
		}
		return put.build();
	}

	private CompletableFuture<SdkPublisher<ByteBuffer>> reread(PlannedObject object, SourceHeaders headers) {
		return this.sourceClient
			.getObject((get) -> get.bucket(object.sourceBucket())
				.key(object.sourceKey())
				.versionId(object.versionId())
				.ifMatch(headers.etag())
				.overrideConfiguration(Pacing.bytes(headers.length())), AsyncResponseTransformer.toPublisher())
			.thenApply((response) -> response);
	}

	private static TransferResult result(PutObjectResponse response, @Nullable String crc64nvme, Carried carried) {
		return new TransferResult(EtagVerifier.unquote(response.eTag()),
				(response.serverSideEncryption() != null) ? response.serverSideEncryptionAsString() : null, false,
				response.versionId(), crc64nvme, Crc64Nvme.reported(response.checksumCRC64NVME()),
				carried.notCarried());
	}

}
