package io.github.s3bulkcopy.copy;

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.verify.EtagVerifier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import org.springframework.util.DigestUtils;

/**
 * What a streamed multipart upload ({@link StreamedMultipartUpload}) and a server-side
 * multipart copy ({@link ServerSideMultipartCopy}) share: the source's HEAD, the part
 * size within S3's 10,000 parts, the abort after a failure, and the result of a completed
 * upload.
 */
public final class MultipartUploads {

	private static final Logger logger = LoggerFactory.getLogger(MultipartUploads.class);

	static final int MAX_PARTS = 10_000;

	private static final long MIB = 1024 * 1024;

	private MultipartUploads() {
	}

	/**
	 * The source's HEAD: the one the copier made for this large object, or one made here,
	 * pinned to the ETag the manifest listed.
	 */
	static CompletableFuture<HeadObjectResponse> sourceHead(S3AsyncClient client, PlannedObject object,
			SourceFacts facts) {
		if (facts.head() != null) {
			return CompletableFuture.completedFuture(facts.head());
		}
		return client.headObject((head) -> head.bucket(object.sourceBucket())
			.key(object.sourceKey())
			.versionId(object.versionId())
			.ifMatch(EtagVerifier.quote(object.etag()))
			.checksumMode(ChecksumMode.ENABLED));
	}

	/**
	 * The job's part size, or for an object that would need more than {@value #MAX_PARTS}
	 * parts of it, the smallest whole number of MiB that fits the object in
	 * {@value #MAX_PARTS} parts.
	 */
	public static long partSize(long objectSize, long configured) {
		long needed = (objectSize + MAX_PARTS - 1) / MAX_PARTS;
		return Math.max(configured, ((needed + MIB - 1) / MIB) * MIB);
	}

	/**
	 * The upload's work, and if it fails, the upload aborted once the work has settled,
	 * so no incomplete upload is left to cost storage; the work's failure is what the
	 * result fails with either way.
	 * @param what how the warning names the upload when the abort fails too ("multipart
	 * copy", ...)
	 */
	static CompletableFuture<TransferResult> abortOnFailure(CompletableFuture<TransferResult> work,
			S3AsyncClient client, String bucket, String key, String uploadId, String what) {
		return work
			.handle((result, error) -> (error == null) ? CompletableFuture.completedFuture(result)
					: abort(client, bucket, key, uploadId, error, what))
			.thenCompose((future) -> future);
	}

	private static CompletableFuture<TransferResult> abort(S3AsyncClient client, String bucket, String key,
			String uploadId, Throwable error, String what) {
		return client.abortMultipartUpload((abort) -> abort.bucket(bucket).key(key).uploadId(uploadId))
			.handle((aborted, abortError) -> {
				if (abortError != null) {
					logger.warn("Could not abort the {} of {} after a failure; it is left incomplete until aborted or "
							+ "expired by a lifecycle rule: {}", what, key, S3Failure.of(abortError).message());
				}
				throw rethrown(error);
			});
	}

	/** The failure a stage of a future throws on: as it is, or wrapped if checked. */
	private static RuntimeException rethrown(Throwable error) {
		return (error instanceof RuntimeException runtime) ? runtime : new CompletionException(error);
	}

	/**
	 * Completes an upload. A Complete answered NoSuchUpload can be the SDK's retry of one
	 * the store did complete but whose answer was lost (a dropped connection, or a store
	 * that sends nothing while it completes, cut off by the idle timeout): S3 answers
	 * such a retry NoSuchUpload. The object at the key is then this upload's if its ETag
	 * is the one S3 derives from these parts' ETags, and is taken as completed; otherwise
	 * the Complete fails as answered.
	 * @param partEtags the ETags of the parts in order, as the part requests answered
	 * @param localCrc the CRC64NVME computed here over the bytes uploaded, or null when
	 * they did not pass through
	 */
	static CompletableFuture<TransferResult> complete(S3AsyncClient client, String bucket, String key,
			List<String> partEtags, Supplier<CompletableFuture<CompleteMultipartUploadResponse>> complete,
			@Nullable String localCrc) {
		return complete.get()
			.handle((response, error) -> (error == null)
					? CompletableFuture.completedFuture(completed(response, localCrc))
					: completedBefore(client, bucket, key, partEtags, error, localCrc))
			.thenCompose((result) -> result);
	}

	private static CompletableFuture<TransferResult> completedBefore(S3AsyncClient client, String bucket, String key,
			List<String> partEtags, Throwable error, @Nullable String localCrc) {
		String expected = "NoSuchUpload".equals(S3Failure.of(error).errorCode()) ? multipartEtag(partEtags) : null;
		if (expected == null) {
			return CompletableFuture.failedFuture(error);
		}
		return client.headObject((head) -> head.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED))
			.handle((head, headError) -> {
				if (headError != null || !expected.equals(EtagVerifier.unquote(head.eTag()))) {
					throw rethrown(error);
				}
				logger.info("The Complete of the upload of {} was answered NoSuchUpload: the object there has this "
						+ "upload's ETag {}, so an earlier attempt completed it", key, expected);
				return new TransferResult(expected,
						(head.serverSideEncryption() != null) ? head.serverSideEncryptionAsString() : null, true,
						head.versionId(), localCrc, Crc64Nvme.reported(head.checksumCRC64NVME()));
			});
	}

	/**
	 * The ETag S3 gives an object completed from parts with these ETags: the MD5 of their
	 * MD5s, a dash and their count; null when a part's ETag is no MD5 (under SSE-KMS, for
	 * one), as then it cannot be known.
	 */
	static @Nullable String multipartEtag(List<String> partEtags) {
		byte[] md5s = new byte[16 * partEtags.size()];
		for (int i = 0; i < partEtags.size(); i++) {
			String part = EtagVerifier.unquote(partEtags.get(i));
			if (!EtagVerifier.isMd5(part)) {
				return null;
			}
			System.arraycopy(HexFormat.of().parseHex(part), 0, md5s, 16 * i, 16);
		}
		return DigestUtils.md5DigestAsHex(md5s) + "-" + partEtags.size();
	}

	/**
	 * @param localCrc the CRC64NVME computed here over the bytes uploaded, or null when
	 * they did not pass through
	 */
	private static TransferResult completed(CompleteMultipartUploadResponse response, @Nullable String localCrc) {
		return new TransferResult(EtagVerifier.unquote(response.eTag()),
				(response.serverSideEncryption() != null) ? response.serverSideEncryptionAsString() : null, true,
				response.versionId(), localCrc, Crc64Nvme.reported(response.checksumCRC64NVME()));
	}

}
