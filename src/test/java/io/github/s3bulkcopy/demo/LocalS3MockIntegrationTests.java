package io.github.s3bulkcopy.demo;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.github.s3bulkcopy.testsupport.LocalS3MockTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import io.github.s3bulkcopy.testsupport.Sockets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.ObjectPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

import static io.github.s3bulkcopy.testsupport.LocalS3MockTest.s3Mock;
import static io.github.s3bulkcopy.testsupport.LocalS3MockTest.s3MockClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * {@link LocalS3Mock} and the S3Mock 5.2.0 behaviour the tests rely on
 * ({@code docs/testing.md}).
 */
class LocalS3MockIntegrationTests implements LocalS3MockTest {

	private final S3Client s3 = s3MockClient();

	@Test
	void startsOnLoopbackAndAnswersHttp() throws Exception {
		assertThat(s3Mock().endpoint().getHost()).isEqualTo("127.0.0.1");
		assertThat(Sockets.anonymousGetStatus(s3Mock().endpoint())).isEqualTo(200);
	}

	@Test
	void itsEndpointListensOnLoopbackOnly() {
		Optional<InetAddress> otherAddress = Sockets.nonLoopbackAddress();
		assumeThat(otherAddress).as("a network address other than loopback").isPresent();
		assertThat(Sockets.accepts(otherAddress.get(), s3Mock().endpoint().getPort())).isFalse();
	}

	@Test
	void storesTheCrc64NvmeChecksumSentWithPutObject() {
		// given
		String bucket = S3TestData.createBucket(this.s3, "crc64nvme");
		byte[] content = S3TestData.randomBytes(100_000);

		// when the SDK computes the checksum (aws-crt) and sends it as a trailer
		this.s3.putObject((request) -> request.bucket(bucket).key("k").checksumAlgorithm(ChecksumAlgorithm.CRC64_NVME),
				RequestBody.fromBytes(content));

		// then
		HeadObjectResponse head = this.s3
			.headObject((request) -> request.bucket(bucket).key("k").checksumMode(ChecksumMode.ENABLED));
		assertThat(head.checksumCRC64NVME()).isEqualTo(S3TestData.crc64nvme(content));
		assertThat(S3TestData.unquoted(head.eTag())).isEqualTo(S3TestData.md5Hex(content));
	}

	@Test
	void copyObjectKeepsTheSourceChecksumAndIgnoresTheRequestedAlgorithm() {
		String bucket = S3TestData.createBucket(this.s3, "copy-checksum");
		byte[] content = S3TestData.randomBytes(1000);
		this.s3.putObject((request) -> request.bucket(bucket).key("k").checksumAlgorithm(ChecksumAlgorithm.CRC64_NVME),
				RequestBody.fromBytes(content));

		this.s3.copyObject((request) -> request.sourceBucket(bucket)
			.sourceKey("k")
			.destinationBucket(bucket)
			.destinationKey("copy")
			.checksumAlgorithm(ChecksumAlgorithm.SHA256));

		HeadObjectResponse copy = this.s3
			.headObject((request) -> request.bucket(bucket).key("copy").checksumMode(ChecksumMode.ENABLED));
		assertThat(copy.checksumCRC64NVME()).isEqualTo(S3TestData.crc64nvme(content));
		assertThat(copy.checksumSHA256()).isNull();
	}

	@Test
	void multipartUploadGetsAFullObjectCrc64NvmeAndKeepsThePartChecksums() {
		// given
		String bucket = S3TestData.createBucket(this.s3, "multipart-checksum");
		byte[] content = S3TestData.randomBytes((5 << 20) + 1000);
		List<byte[]> parts = List.of(Arrays.copyOfRange(content, 0, 5 << 20),
				Arrays.copyOfRange(content, 5 << 20, content.length));

		// when
		String uploadId = this.s3
			.createMultipartUpload(
					(request) -> request.bucket(bucket).key("big").checksumAlgorithm(ChecksumAlgorithm.CRC64_NVME))
			.uploadId();
		CompletedPart[] completed = new CompletedPart[parts.size()];
		for (int i = 0; i < parts.size(); i++) {
			int partNumber = i + 1;
			UploadPartResponse part = this.s3.uploadPart((request) -> request.bucket(bucket)
				.key("big")
				.uploadId(uploadId)
				.partNumber(partNumber)
				.checksumAlgorithm(ChecksumAlgorithm.CRC64_NVME), RequestBody.fromBytes(parts.get(i)));
			completed[i] = CompletedPart.builder()
				.partNumber(partNumber)
				.eTag(part.eTag())
				.checksumCRC64NVME(part.checksumCRC64NVME())
				.build();
		}
		CompleteMultipartUploadResponse done = this.s3.completeMultipartUpload((request) -> request.bucket(bucket)
			.key("big")
			.uploadId(uploadId)
			.multipartUpload((upload) -> upload.parts(completed)));

		// then: the object's CRC64NVME is that of all its bytes, and each part keeps its
		// own
		assertThat(done.checksumCRC64NVME()).isEqualTo(S3TestData.crc64nvme(content));
		assertThat(done.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
		assertThat(S3TestData.unquoted(done.eTag())).isEqualTo(S3TestData.multipartEtag(parts));
		GetObjectAttributesResponse attributes = this.s3.getObjectAttributes((request) -> request.bucket(bucket)
			.key("big")
			.objectAttributes(ObjectAttributes.CHECKSUM, ObjectAttributes.OBJECT_PARTS));
		assertThat(attributes.objectParts().parts()).extracting(ObjectPart::checksumCRC64NVME)
			.containsExactly(S3TestData.crc64nvme(parts.get(0)), S3TestData.crc64nvme(parts.get(1)));
	}

}
