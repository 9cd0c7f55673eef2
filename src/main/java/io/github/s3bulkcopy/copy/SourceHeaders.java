package io.github.s3bulkcopy.copy;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * What a streamed copy carries over from the source object, read from its GET or HEAD
 * response: content headers and user metadata, the properties {@link Carried} sends
 * (storage class, website redirect location, Object Lock), plus what the copy needs to
 * know (ETag, tag count, stored CRC64NVME).
 *
 * @param length the size in bytes
 * @param etag the source ETag as S3 sent it (quoted), to pin re-reads to the same bytes
 * @param contentType Content-Type
 * @param contentEncoding Content-Encoding
 * @param contentDisposition Content-Disposition
 * @param contentLanguage Content-Language
 * @param cacheControl Cache-Control
 * @param expires Expires
 * @param metadata user metadata ({@code x-amz-meta-*})
 * @param tagCount the number of tags, when the source reported it
 * @param crc64nvme the source's stored full-object CRC64NVME (Base64), when it reported
 * one
 * @param properties the source's storage class, website redirect location, Object Lock
 * and checksum algorithm
 */
record SourceHeaders(long length, @Nullable String etag, @Nullable String contentType, @Nullable String contentEncoding,
		@Nullable String contentDisposition, @Nullable String contentLanguage, @Nullable String cacheControl,
		@Nullable Instant expires, Map<String, String> metadata, @Nullable Integer tagCount, @Nullable String crc64nvme,
		Carried.Source properties) {

	@SuppressWarnings("deprecation")
	static SourceHeaders of(GetObjectResponse get) {
		return new SourceHeaders(get.contentLength(), get.eTag(), get.contentType(), get.contentEncoding(),
				get.contentDisposition(), get.contentLanguage(), get.cacheControl(), get.expires(), get.metadata(),
				get.tagCount(), get.checksumCRC64NVME(), Carried.Source.of(get));
	}

	@SuppressWarnings("deprecation")
	static SourceHeaders of(HeadObjectResponse head) {
		return new SourceHeaders(head.contentLength(), head.eTag(), head.contentType(), head.contentEncoding(),
				head.contentDisposition(), head.contentLanguage(), head.cacheControl(), head.expires(), head.metadata(),
				head.tagCount(), head.checksumCRC64NVME(), Carried.Source.of(head));
	}

	@SuppressWarnings("deprecation")
	void applyTo(PutObjectRequest.Builder put, CopyTarget target) {
		put.contentType(this.contentType)
			.contentEncoding(this.contentEncoding)
			.contentDisposition(this.contentDisposition)
			.contentLanguage(this.contentLanguage)
			.cacheControl(this.cacheControl)
			.expires(this.expires)
			.metadata(this.metadata)
			.acl(target.acl());
		if (target.sseKmsKeyId() != null) {
			put.serverSideEncryption("aws:kms").ssekmsKeyId(target.sseKmsKeyId());
		}
	}

	@SuppressWarnings("deprecation")
	void applyTo(CreateMultipartUploadRequest.Builder create, CopyTarget target) {
		create.contentType(this.contentType)
			.contentEncoding(this.contentEncoding)
			.contentDisposition(this.contentDisposition)
			.contentLanguage(this.contentLanguage)
			.cacheControl(this.cacheControl)
			.expires(this.expires)
			.metadata(this.metadata)
			.acl(target.acl());
		if (target.sseKmsKeyId() != null) {
			create.serverSideEncryption("aws:kms").ssekmsKeyId(target.sseKmsKeyId());
		}
	}

}
