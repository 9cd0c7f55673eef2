package io.github.s3bulkcopy.copy;

import java.util.concurrent.CompletableFuture;

import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.verify.Checksum;
import io.github.s3bulkcopy.verify.EtagVerifier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResult;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

import org.springframework.util.Assert;

/**
 * Server-side copy: CopyObject up to the multipart threshold, the SDK's multipart copy (UploadPartCopy) above it. The
 * bytes never pass through this process; one set of credentials must read the source and write the destination.
 * Every copy asks S3 to compute a CRC64NVME of the copy's bytes, which the verification compares with the source's.
 */
public class ServerSideTransfer implements ObjectTransfer {

	private final S3AsyncClient client;

	private final S3AsyncClient multipartClient;

	private final CopyTarget target;

	private final long multipartThreshold;

	/**
	 * @param client the destination's client for single-request copies
	 * @param multipartClient a client built with {@code multipartEnabled(true)} and the job's threshold and part size
	 * @param target where copies go
	 * @param multipartThreshold objects larger than this many bytes are copied in parts
	 */
	public ServerSideTransfer(S3AsyncClient client, S3AsyncClient multipartClient, CopyTarget target,
			long multipartThreshold) {
		Assert.notNull(client, "client is required");
		Assert.notNull(multipartClient, "multipartClient is required");
		Assert.notNull(target, "target is required");
		this.client = client;
		this.multipartClient = multipartClient;
		this.target = target;
		this.multipartThreshold = multipartThreshold;
	}

	@Override
	public CompletableFuture<TransferResult> transfer(PlannedObject object, SourceFacts source) {
		boolean multipart = source.size() > this.multipartThreshold;
		S3AsyncClient copier = multipart ? this.multipartClient : this.client;
		return copier.copyObject(request(object, source, multipart))
			.thenApply((response) -> new TransferResult(
					(response.copyObjectResult() != null) ? EtagVerifier.unquote(response.copyObjectResult().eTag())
							: null,
					(response.serverSideEncryption() != null) ? response.serverSideEncryptionAsString() : null,
					multipart, response.versionId(), null, computedChecksum(response.copyObjectResult())));
	}

	/**
	 * The CRC64NVME the copy response reports, which S3 computed because this copy asked for it. A value of another
	 * algorithm is the source's, carried over by a server that ignored the request (S3Mock, on CopyObject): it was
	 * never computed for the copy and proves nothing about it.
	 */
	private static @Nullable Checksum computedChecksum(@Nullable CopyObjectResult result) {
		Checksum checksum = Checksum.fromCopyResult(result);
		return (checksum != null && Checksum.CRC64NVME.equals(checksum.algorithm())) ? checksum : null;
	}

	private CopyObjectRequest request(PlannedObject object, SourceFacts source, boolean multipart) {
		CopyObjectRequest.Builder request = CopyObjectRequest.builder()
			.sourceBucket(object.sourceBucket())
			.sourceKey(object.sourceKey())
			.sourceVersionId(object.versionId())
			.destinationBucket(this.target.bucket())
			.destinationKey(object.destinationKey())
			.storageClass(this.target.storageClass())
			.acl(this.target.acl())
			// S3 computes it over the copy's bytes (a full-object value, also for multipart copies); S3-compatible
			// servers may ignore the request, and then the copy response carries no CRC64NVME.
			.checksumAlgorithm(ChecksumAlgorithm.CRC64_NVME);
		String etag = (object.etag() != null) ? object.etag() : source.etag();
		if (object.versionId() == null && etag != null) {
			// Copy exactly the object the manifest listed (or the HEAD saw): if it changed since, S3 answers 412
			// instead of copying bytes the manifest and the source's checksum (so the verification) know nothing of.
			request.copySourceIfMatch(EtagVerifier.quote(etag));
		}
		if (this.target.sseKmsKeyId() != null) {
			request.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(this.target.sseKmsKeyId());
		}
		HeadObjectResponse head = source.head();
		if (multipart && head != null) {
			// CreateMultipartUpload has no metadata directive: carry the source's headers over explicitly.
			request.metadataDirective(MetadataDirective.REPLACE)
				.metadata(head.metadata())
				.contentType(head.contentType())
				.contentEncoding(head.contentEncoding())
				.contentDisposition(head.contentDisposition())
				.contentLanguage(head.contentLanguage())
				.cacheControl(head.cacheControl())
				.expires(head.expires());
		}
		else {
			request.metadataDirective(MetadataDirective.COPY);
		}
		return request.build();
	}

}
