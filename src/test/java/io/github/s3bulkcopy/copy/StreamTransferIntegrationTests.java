package io.github.s3bulkcopy.copy;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletionException;

import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.verify.EtagVerifier;
import io.github.s3bulkcopy.testsupport.FaultInjectingProxy;
import io.github.s3bulkcopy.testsupport.LocalS3MockTest;
import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link StreamTransfer} on its own, against S3Mock (tags, checksums) and S3Proxy (two
 * accounts, failures).
 */
class StreamTransferIntegrationTests implements LocalS3MockTest, LocalS3ProxyTest {

	private static final long MIB = 1024 * 1024;

	@Test
	void tagsHeadersAndTheChecksumTravelWithASinglePutAndAMultipartUpload() {
		S3Client s3 = LocalS3MockTest.s3MockClient();
		String source = S3TestData.createBucket(s3, "stream-src");
		String destination = S3TestData.createBucket(s3, "stream-dst");
		byte[] small = S3TestData.randomBytes(40_000);
		byte[] large = S3TestData.randomBytes((int) (12 * MIB) + 3);
		for (Map.Entry<String, byte[]> object : Map.of("small.bin", small, "large.bin", large).entrySet()) {
			s3.putObject((put) -> put.bucket(source)
				.key(object.getKey())
				.contentType("image/png")
				.metadata(Map.of("origin", "camera-7"))
				.tagging("project=apollo&stage=raw"), RequestBody.fromBytes(object.getValue()));
		}
		try (S3AsyncClient async = LocalS3MockTest.s3Mock().asyncClient()) {
			StreamTransfer transfer = new StreamTransfer(async, async, new CopyTarget(destination, null, null, null),
					5 * MIB, 5 * MIB, 2, false);

			TransferResult single = transfer
				.transfer(planned(source, "small.bin", null), new SourceFacts(small.length, null, null, null))
				.join();
			HeadObjectResponse largeHead = s3.headObject((head) -> head.bucket(source).key("large.bin"));
			TransferResult multipart = transfer
				.transfer(planned(source, "large.bin", null), SourceFacts.fromHead(largeHead))
				.join();

			assertThat(single.multipart()).isFalse();
			assertThat(single.crc64nvme()).isEqualTo(S3TestData.crc64nvme(small));
			assertThat(single.destinationChecksum().value()).isEqualTo(S3TestData.crc64nvme(small));
			assertThat(single.etag()).isEqualTo(S3TestData.md5Hex(small));
			assertThat(multipart.multipart()).isTrue();
			assertThat(multipart.crc64nvme()).isEqualTo(S3TestData.crc64nvme(large));
			assertThat(multipart.destinationChecksum().value()).isEqualTo(S3TestData.crc64nvme(large));
		}
		for (Map.Entry<String, byte[]> object : Map.of("small.bin", small, "large.bin", large).entrySet()) {
			String key = object.getKey();
			assertThat(S3TestData.readBytes(s3, destination, key)).isEqualTo(object.getValue());
			HeadObjectResponse head = s3
				.headObject((h) -> h.bucket(destination).key(key).checksumMode(ChecksumMode.ENABLED));
			assertThat(head.contentType()).as(key).isEqualTo("image/png");
			assertThat(head.metadata()).as(key).containsEntry("origin", "camera-7");
			assertThat(head.checksumCRC64NVME()).as(key).isEqualTo(S3TestData.crc64nvme(object.getValue()));
			assertThat(s3.getObjectTagging((tagging) -> tagging.bucket(destination).key(key)).tagSet()).as(key)
				.extracting(Tag::key, Tag::value)
				.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("project", "apollo"),
						org.assertj.core.groups.Tuple.tuple("stage", "raw"));
		}
	}

	@Test
	void aSourceThatChangedFailsThePartsAndAbortsTheUpload() {
		S3Client sourceAccount = LocalS3ProxyTest.sourceClient();
		S3Client destinationAccount = LocalS3ProxyTest.destinationClient();
		String source = S3TestData.createBucket(sourceAccount, "stream-src");
		String destination = S3TestData.createBucket(destinationAccount, "stream-dst");
		byte[] large = S3TestData.randomBytes((int) (11 * MIB));
		S3TestData.put(sourceAccount, source, "large.bin", large);
		HeadObjectResponse head = sourceAccount.headObject((h) -> h.bucket(source).key("large.bin"));
		// The object changes between the HEAD and the copy: every ranged GET is pinned to
		// the old ETag.
		S3TestData.put(sourceAccount, source, "large.bin", S3TestData.randomBytes((int) (11 * MIB)));
		try (S3AsyncClient sourceAsync = LocalS3ProxyTest.s3Proxy().asyncClient(SOURCE_ACCOUNT);
				S3AsyncClient destinationAsync = LocalS3ProxyTest.s3Proxy().asyncClient(DESTINATION_ACCOUNT)) {
			StreamTransfer transfer = new StreamTransfer(sourceAsync, destinationAsync,
					new CopyTarget(destination, null, null, null), 5 * MIB, 5 * MIB, 2, false);

			assertThatExceptionOfType(CompletionException.class)
				.isThrownBy(
						() -> transfer.transfer(planned(source, "large.bin", null), SourceFacts.fromHead(head)).join())
				.satisfies((ex) -> assertThat(S3Failure.of(ex).errorCode()).isEqualTo("PreconditionFailed"));
		}
		assertThat(destinationAccount.listMultipartUploads((list) -> list.bucket(destination)).uploads()).isEmpty();
		assertThat(destinationAccount.listObjectsV2((list) -> list.bucket(destination)).contents()).isEmpty();
	}

	@Test
	void aSmallObjectIsReadWholeAndPutWithTheChecksumComputedHereInAHeader() {
		S3Client s3 = LocalS3MockTest.s3MockClient();
		String source = S3TestData.createBucket(s3, "stream-src");
		String destination = S3TestData.createBucket(s3, "stream-dst");
		byte[] content = S3TestData.randomBytes((int) StreamTransfer.BUFFERED_MAX);
		String etag = S3TestData.unquoted(s3.putObject((put) -> put.bucket(source)
			.key("small.bin")
			.contentType("text/csv")
			.metadata(Map.of("origin", "camera-7"))
			.tagging("project=apollo")
			.checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(content)).eTag());
		try (S3AsyncClient async = LocalS3MockTest.s3Mock().asyncClient()) {
			StreamTransfer transfer = new StreamTransfer(async, async, new CopyTarget(destination, null, null, null),
					5 * MIB, 5 * MIB, 2, false);

			TransferResult result = transfer
				.transfer(planned(source, "small.bin", etag), new SourceFacts(content.length, etag, null, null))
				.join();

			assertThat(result.crc64nvme()).isEqualTo(S3TestData.crc64nvme(content));
			// S3Mock stores a checksum sent as a header and answers with it: the one
			// computed here
			assertThat(result.destinationChecksum().value()).isEqualTo(S3TestData.crc64nvme(content));
			assertThat(result.etag()).isEqualTo(S3TestData.md5Hex(content));
		}
		assertThat(S3TestData.readBytes(s3, destination, "small.bin")).isEqualTo(content);
		HeadObjectResponse head = s3
			.headObject((h) -> h.bucket(destination).key("small.bin").checksumMode(ChecksumMode.ENABLED));
		assertThat(head.contentType()).isEqualTo("text/csv");
		assertThat(head.metadata()).containsEntry("origin", "camera-7");
		assertThat(head.checksumCRC64NVME()).isEqualTo(S3TestData.crc64nvme(content));
		assertThat(s3.getObjectTagging((tagging) -> tagging.bucket(destination).key("small.bin")).tagSet())
			.extracting(Tag::key, Tag::value)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("project", "apollo"));
	}

	@Test
	void aSinglePutOfAChangedSourceFailsAsPreconditionFailed() {
		S3Client sourceAccount = LocalS3ProxyTest.sourceClient();
		String source = S3TestData.createBucket(sourceAccount, "stream-src");
		String destination = S3TestData.createBucket(LocalS3ProxyTest.destinationClient(), "stream-dst");
		S3TestData.put(sourceAccount, source, "a.txt", "new content");
		try (S3AsyncClient sourceAsync = LocalS3ProxyTest.s3Proxy().asyncClient(SOURCE_ACCOUNT);
				S3AsyncClient destinationAsync = LocalS3ProxyTest.s3Proxy().asyncClient(DESTINATION_ACCOUNT)) {
			StreamTransfer transfer = new StreamTransfer(sourceAsync, destinationAsync,
					new CopyTarget(destination, null, null, null), 5 * MIB, 5 * MIB, 2, false);

			assertThatExceptionOfType(CompletionException.class)
				.isThrownBy(
						() -> transfer
							.transfer(planned(source, "a.txt", "0123456789abcdef0123456789abcdef"),
									new SourceFacts(11, "0123456789abcdef0123456789abcdef", null, null))
							.join())
				.satisfies((ex) -> assertThat(S3Failure.of(ex).errorCode()).isEqualTo("PreconditionFailed"));
		}
	}

	@Test
	void aCompleteWhoseAnswerWasLostAfterTheServerCompletedTheUploadCountsAsCompleted() throws IOException {
		S3Client sourceAccount = LocalS3ProxyTest.sourceClient();
		S3Client destinationAccount = LocalS3ProxyTest.destinationClient();
		String source = S3TestData.createBucket(sourceAccount, "stream-src");
		String destination = S3TestData.createBucket(destinationAccount, "stream-dst");
		byte[] large = S3TestData.randomBytes((int) (11 * MIB) + 5);
		S3TestData.put(sourceAccount, source, "large.bin", large);
		HeadObjectResponse head = sourceAccount.headObject((h) -> h.bucket(source).key("large.bin"));
		try (FaultInjectingProxy proxy = new FaultInjectingProxy(LocalS3ProxyTest.s3Proxy().endpoint(), 0, 0);
				S3AsyncClient sourceAsync = LocalS3ProxyTest.s3Proxy().asyncClient(SOURCE_ACCOUNT);
				S3AsyncClient destinationAsync = LocalS3ProxyTest.s3Proxy()
					.asyncClientBuilder(DESTINATION_ACCOUNT)
					.endpointOverride(proxy.endpoint())
					.build()) {
			// S3Proxy completes the upload, its answer is lost, and the SDK's retry is
			// answered NoSuchUpload, as S3 answers it.
			proxy.loseAnswerOnce(FaultInjectingProxy::isCompleteMultipartUpload, "NoSuchUpload");
			StreamTransfer transfer = new StreamTransfer(sourceAsync, destinationAsync,
					new CopyTarget(destination, null, null, null), 5 * MIB, 5 * MIB, 2, false);

			TransferResult result = transfer.transfer(planned(source, "large.bin", null), SourceFacts.fromHead(head))
				.join();

			assertThat(proxy.answersLost()).isOne();
			assertThat(result.multipart()).isTrue();
			assertThat(result.crc64nvme()).isEqualTo(S3TestData.crc64nvme(large));
			HeadObjectResponse copied = destinationAccount.headObject((h) -> h.bucket(destination).key("large.bin"));
			assertThat(result.etag()).isEqualTo(EtagVerifier.unquote(copied.eTag())).endsWith("-3");
		}
		assertThat(S3TestData.readBytes(destinationAccount, destination, "large.bin")).isEqualTo(large);
		assertThat(destinationAccount.listMultipartUploads((list) -> list.bucket(destination)).uploads()).isEmpty();
	}

	private static PlannedObject planned(String bucket, String key, String etag) {
		return new PlannedObject(1, bucket, key, null, null, etag, null, null, null, key);
	}

}
