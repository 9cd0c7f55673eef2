package io.github.s3bulkcopy.demo;

import java.util.Arrays;
import java.util.List;

import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

import static io.github.s3bulkcopy.testsupport.LocalS3ProxyTest.sourceClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What S3Proxy 4.1.0 (transient store) does where S3 servers differ;
 * {@code docs/testing.md} summarises it. If an upgrade changes one of these, the tests
 * that lean on it need a look.
 */
class S3ProxyBehaviourIntegrationTests implements LocalS3ProxyTest {

	private final S3Client s3 = sourceClient();

	@Test
	void versioningKeepsEveryVersion() {
		String bucket = S3TestData.createBucket(this.s3, "versioning");
		this.s3.putBucketVersioning((request) -> request.bucket(bucket)
			.versioningConfiguration((configuration) -> configuration.status(BucketVersioningStatus.ENABLED)));

		String first = S3TestData.put(this.s3, bucket, "k", "one").versionId();
		String second = S3TestData.put(this.s3, bucket, "k", "two").versionId();

		assertThat(first).isNotBlank().isNotEqualTo(second);
		assertThat(this.s3.listObjectVersions((request) -> request.bucket(bucket)).versions())
			.extracting(ObjectVersion::versionId, ObjectVersion::isLatest)
			.containsExactlyInAnyOrder(tuple(first, false), tuple(second, true));
		assertThat(
				this.s3.getObjectAsBytes((request) -> request.bucket(bucket).key("k").versionId(first)).asUtf8String())
			.isEqualTo("one");
	}

	@Test
	void multipartCopyOfASinglePartObjectGetsAnEtagOfPartEtags() {
		// given a single-part object of 6 MiB
		String bucket = S3TestData.createBucket(this.s3, "multipart-copy");
		byte[] content = S3TestData.randomBytes(6 << 20);
		String singlePartEtag = S3TestData.unquoted(S3TestData.put(this.s3, bucket, "source", content).eTag());

		// when it is copied in two parts with UploadPartCopy
		String uploadId = this.s3.createMultipartUpload((request) -> request.bucket(bucket).key("copy")).uploadId();
		String first = copyPart(bucket, uploadId, 1, "bytes=0-5242879");
		String second = copyPart(bucket, uploadId, 2, "bytes=5242880-" + (content.length - 1));
		String copyEtag = this.s3.completeMultipartUpload((request) -> request.bucket(bucket)
			.key("copy")
			.uploadId(uploadId)
			.multipartUpload((upload) -> upload.parts(CompletedPart.builder().partNumber(1).eTag(first).build(),
					CompletedPart.builder().partNumber(2).eTag(second).build())))
			.eTag();

		// then the bytes are equal and the ETags are not
		assertThat(S3TestData.readBytes(this.s3, bucket, "copy")).isEqualTo(content);
		assertThat(singlePartEtag).isEqualTo(S3TestData.md5Hex(content));
		assertThat(S3TestData.unquoted(copyEtag)).isNotEqualTo(singlePartEtag)
			.isEqualTo(S3TestData.multipartEtag(List.of(Arrays.copyOfRange(content, 0, 5 << 20),
					Arrays.copyOfRange(content, 5 << 20, content.length))));
	}

	@Test
	void checksumSentAsHeaderIsCheckedStoredAndReturned() {
		String bucket = S3TestData.createBucket(this.s3, "checksum-header");
		byte[] content = S3TestData.randomBytes(1000);
		String crc = S3TestData.crc64nvme(content);

		// a checksum value on the request makes the SDK send it as the
		// x-amz-checksum-crc64nvme header
		this.s3.putObject((request) -> request.bucket(bucket).key("k").checksumCRC64NVME(crc),
				RequestBody.fromBytes(content));

		HeadObjectResponse head = this.s3
			.headObject((request) -> request.bucket(bucket).key("k").checksumMode(ChecksumMode.ENABLED));
		assertThat(head.checksumCRC64NVME()).isEqualTo(crc);
		assertThat(head.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
		assertThatExceptionOfType(S3Exception.class).isThrownBy(() -> this.s3.putObject(
				(request) -> request.bucket(bucket).key("bad").checksumCRC64NVME(S3TestData.crc64nvme(new byte[1])),
				RequestBody.fromBytes(content)))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(400));
	}

	@Test
	void checksumTheSdkSendsAsTrailerIsNotStored() {
		String bucket = S3TestData.createBucket(this.s3, "checksum-trailer");

		// with only an algorithm named, the SDK computes the checksum while streaming and
		// sends it as a trailer
		this.s3.putObject((request) -> request.bucket(bucket).key("k").checksumAlgorithm(ChecksumAlgorithm.CRC64_NVME),
				RequestBody.fromBytes(S3TestData.randomBytes(1000)));

		HeadObjectResponse head = this.s3
			.headObject((request) -> request.bucket(bucket).key("k").checksumMode(ChecksumMode.ENABLED));
		assertThat(head.checksumCRC64NVME()).isNull();
		assertThat(head.checksumCRC32()).isNull();
	}

	@Test
	void copyObjectKeepsTheSourceChecksumAndIgnoresTheRequestedAlgorithm() {
		String bucket = S3TestData.createBucket(this.s3, "copy-checksum");
		byte[] content = S3TestData.randomBytes(1000);
		String crc = S3TestData.crc64nvme(content);
		this.s3.putObject((request) -> request.bucket(bucket).key("k").checksumCRC64NVME(crc),
				RequestBody.fromBytes(content));

		this.s3.copyObject((request) -> request.sourceBucket(bucket)
			.sourceKey("k")
			.destinationBucket(bucket)
			.destinationKey("copy")
			.checksumAlgorithm(ChecksumAlgorithm.SHA256));

		HeadObjectResponse copy = this.s3
			.headObject((request) -> request.bucket(bucket).key("copy").checksumMode(ChecksumMode.ENABLED));
		assertThat(copy.checksumCRC64NVME()).isEqualTo(crc);
		assertThat(copy.checksumSHA256()).isNull();
	}

	@Test
	void objectTaggingIsNotImplemented() {
		String bucket = S3TestData.createBucket(this.s3, "tagging");
		S3TestData.put(this.s3, bucket, "k", "content");

		assertThatExceptionOfType(S3Exception.class)
			.isThrownBy(() -> this.s3.putObjectTagging((request) -> request.bucket(bucket)
				.key("k")
				.tagging((tagging) -> tagging.tagSet(Tag.builder().key("team").value("data").build()))))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(501));
	}

	private String copyPart(String bucket, String uploadId, int partNumber, String range) {
		return this.s3
			.uploadPartCopy((request) -> request.sourceBucket(bucket)
				.sourceKey("source")
				.destinationBucket(bucket)
				.destinationKey("copy")
				.uploadId(uploadId)
				.partNumber(partNumber)
				.copySourceRange(range))
			.copyPartResult()
			.eTag();
	}

}
