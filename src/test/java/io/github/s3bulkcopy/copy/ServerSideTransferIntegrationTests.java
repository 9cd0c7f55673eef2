package io.github.s3bulkcopy.copy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.verify.EtagVerifier;
import io.github.s3bulkcopy.testsupport.FaultInjectingProxy;
import io.github.s3bulkcopy.testsupport.LocalS3MockTest;
import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link ServerSideTransfer} on its own: multipart copies
 * ({@link ServerSideMultipartCopy}) against S3Mock (checksums, headers) and S3Proxy (a
 * source that changes during the copy).
 */
class ServerSideTransferIntegrationTests implements LocalS3MockTest, LocalS3ProxyTest {

	private static final long MIB = 1024 * 1024;

	@Test
	void aLargeObjectIsCopiedInPartsAFewAtATimeWithItsHeadersTagsAndAComputedChecksum() {
		S3Client s3 = LocalS3MockTest.s3MockClient();
		String source = S3TestData.createBucket(s3, "copy-src");
		String destination = S3TestData.createBucket(s3, "copy-dst");
		byte[] content = S3TestData.randomBytes((int) (26 * MIB) + 3);
		s3.putObject((put) -> put.bucket(source)
			.key("large.bin")
			.contentType("video/mp4")
			.cacheControl("max-age=60")
			.metadata(Map.of("origin", "camera-7"))
			.tagging("project=apollo&stage=raw")
			.checksumAlgorithm(ChecksumAlgorithm.CRC64_NVME), RequestBody.fromBytes(content));
		HeadObjectResponse head = s3
			.headObject((h) -> h.bucket(source).key("large.bin").checksumMode(ChecksumMode.ENABLED));
		PartsInFlight parts = new PartsInFlight();
		try (S3AsyncClient async = mockAsyncClient(parts)) {
			ServerSideTransfer transfer = new ServerSideTransfer(async, new CopyTarget(destination, null, null, null),
					5 * MIB, 5 * MIB, 2, 64, false, false);

			TransferResult result = transfer.transfer(planned(source, "large.bin"), SourceFacts.fromHead(head)).join();

			assertThat(result.multipart()).isTrue();
			assertThat(result.etag()).endsWith("-6");
			assertThat(result.crc64nvme()).isNull();
			assertThat(result.destinationChecksum().value()).isEqualTo(S3TestData.crc64nvme(content));
		}
		assertThat(parts.started.get()).isEqualTo(6);
		assertThat(parts.most.get()).isBetween(1, 2);
		assertThat(S3TestData.readBytes(s3, destination, "large.bin")).isEqualTo(content);
		HeadObjectResponse copy = s3
			.headObject((h) -> h.bucket(destination).key("large.bin").checksumMode(ChecksumMode.ENABLED));
		assertThat(copy.contentType()).isEqualTo("video/mp4");
		assertThat(copy.cacheControl()).isEqualTo("max-age=60");
		assertThat(copy.metadata()).containsEntry("origin", "camera-7");
		assertThat(copy.checksumCRC64NVME()).isEqualTo(S3TestData.crc64nvme(content));
		assertThat(s3.getObjectTagging((tagging) -> tagging.bucket(destination).key("large.bin")).tagSet())
			.extracting(Tag::key, Tag::value)
			.containsExactlyInAnyOrder(tuple("project", "apollo"), tuple("stage", "raw"));
	}

	/**
	 * A CopyObject sends no metadata or tagging directive (COPY is S3's default for
	 * both): the copy must still carry the source's metadata, content headers and tags
	 * exactly.
	 */
	@Test
	void aSmallObjectIsCopiedWithExactlyItsMetadataContentHeadersAndTagsOnS3Mock() {
		S3Client s3 = LocalS3MockTest.s3MockClient();
		try (S3AsyncClient async = LocalS3MockTest.s3Mock().asyncClientBuilder().build()) {
			copiesMetadataContentHeadersAndTagsExactly(s3, async, true);
		}
	}

	/** S3Proxy keeps no tags (it answers 501 to a PUT with tags). */
	@Test
	void aSmallObjectIsCopiedWithExactlyItsMetadataAndContentHeadersOnS3Proxy() {
		S3Client s3 = LocalS3ProxyTest.sourceClient();
		try (S3AsyncClient async = LocalS3ProxyTest.s3Proxy().asyncClient(SOURCE_ACCOUNT)) {
			copiesMetadataContentHeadersAndTagsExactly(s3, async, false);
		}
	}

	private static void copiesMetadataContentHeadersAndTagsExactly(S3Client s3, S3AsyncClient async, boolean tagged) {
		String source = S3TestData.createBucket(s3, "copy-src");
		String destination = S3TestData.createBucket(s3, "copy-dst");
		byte[] content = S3TestData.randomBytes(4096);
		Map<String, String> metadata = Map.of("origin", "camera-7", "batch", "42");
		s3.putObject((put) -> put.bucket(source)
			.key("small.json")
			.contentType("application/json")
			.cacheControl("max-age=60")
			.contentDisposition("attachment; filename=small.json")
			.contentLanguage("de")
			.metadata(metadata)
			.tagging(tagged ? "project=apollo&stage=raw" : null), RequestBody.fromBytes(content));
		HeadObjectResponse head = s3.headObject((h) -> h.bucket(source).key("small.json"));
		ServerSideTransfer transfer = new ServerSideTransfer(async, new CopyTarget(destination, null, null, null),
				5 * MIB, 5 * MIB, 2, 64, false, false);

		TransferResult result = transfer.transfer(planned(source, "small.json"), SourceFacts.fromHead(head)).join();

		assertThat(result.multipart()).isFalse();
		assertThat(S3TestData.readBytes(s3, destination, "small.json")).isEqualTo(content);
		HeadObjectResponse copy = s3.headObject((h) -> h.bucket(destination).key("small.json"));
		assertThat(copy.metadata()).isEqualTo(metadata);
		assertThat(copy.contentType()).isEqualTo("application/json");
		assertThat(copy.cacheControl()).isEqualTo("max-age=60");
		assertThat(copy.contentDisposition()).isEqualTo("attachment; filename=small.json");
		assertThat(copy.contentLanguage()).isEqualTo("de");
		if (tagged) {
			assertThat(s3.getObjectTagging((tagging) -> tagging.bucket(destination).key("small.json")).tagSet())
				.extracting(Tag::key, Tag::value)
				.containsExactlyInAnyOrder(tuple("project", "apollo"), tuple("stage", "raw"));
		}
	}

	@Test
	void aSourceThatChangedFailsThePartsAndAbortsTheUpload() {
		S3Client s3 = LocalS3ProxyTest.sourceClient();
		String source = S3TestData.createBucket(s3, "copy-src");
		String destination = S3TestData.createBucket(s3, "copy-dst");
		S3TestData.put(s3, source, "large.bin", S3TestData.randomBytes((int) (11 * MIB)));
		HeadObjectResponse head = s3.headObject((h) -> h.bucket(source).key("large.bin"));
		// The object changes between the HEAD and the copy: every part is pinned to the
		// old ETag.
		S3TestData.put(s3, source, "large.bin", S3TestData.randomBytes((int) (11 * MIB)));
		try (S3AsyncClient async = LocalS3ProxyTest.s3Proxy().asyncClient(SOURCE_ACCOUNT)) {
			ServerSideTransfer transfer = new ServerSideTransfer(async, new CopyTarget(destination, null, null, null),
					5 * MIB, 5 * MIB, 2, 64, false, false);

			assertThatExceptionOfType(CompletionException.class)
				.isThrownBy(() -> transfer.transfer(planned(source, "large.bin"), SourceFacts.fromHead(head)).join())
				.satisfies((ex) -> assertThat(S3Failure.of(ex).errorCode()).isEqualTo("PreconditionFailed"));
		}
		assertThat(s3.listMultipartUploads((list) -> list.bucket(destination)).uploads()).isEmpty();
		assertThat(s3.listObjectsV2((list) -> list.bucket(destination)).contents()).isEmpty();
	}

	@Test
	void aCompleteWhoseAnswerWasLostAfterTheServerCompletedTheUploadCountsAsCompleted() throws IOException {
		S3Client s3 = LocalS3ProxyTest.sourceClient();
		String source = S3TestData.createBucket(s3, "copy-src");
		String destination = S3TestData.createBucket(s3, "copy-dst");
		byte[] content = S3TestData.randomBytes((int) (11 * MIB));
		S3TestData.put(s3, source, "large.bin", content);
		HeadObjectResponse head = s3.headObject((h) -> h.bucket(source).key("large.bin"));
		try (FaultInjectingProxy proxy = new FaultInjectingProxy(LocalS3ProxyTest.s3Proxy().endpoint(), 0, 0);
				S3AsyncClient async = LocalS3ProxyTest.s3Proxy()
					.asyncClientBuilder(SOURCE_ACCOUNT)
					.endpointOverride(proxy.endpoint())
					.build()) {
			// S3Proxy completes the upload, its answer is lost, and the SDK's retry is
			// answered NoSuchUpload, as S3 answers it.
			proxy.loseAnswerOnce(FaultInjectingProxy::isCompleteMultipartUpload, "NoSuchUpload");
			ServerSideTransfer transfer = new ServerSideTransfer(async, new CopyTarget(destination, null, null, null),
					5 * MIB, 5 * MIB, 2, 64, false, false);

			TransferResult result = transfer.transfer(planned(source, "large.bin"), SourceFacts.fromHead(head)).join();

			assertThat(proxy.answersLost()).isOne();
			assertThat(result.multipart()).isTrue();
			HeadObjectResponse copied = s3.headObject((h) -> h.bucket(destination).key("large.bin"));
			assertThat(result.etag()).isEqualTo(EtagVerifier.unquote(copied.eTag())).endsWith("-3");
		}
		assertThat(S3TestData.readBytes(s3, destination, "large.bin")).isEqualTo(content);
		assertThat(s3.listMultipartUploads((list) -> list.bucket(destination)).uploads()).isEmpty();
	}

	@Test
	void aCompleteAnsweredNoSuchUploadWithoutThisUploadsObjectAtTheKeyFails() throws IOException {
		S3Client s3 = LocalS3ProxyTest.sourceClient();
		String source = S3TestData.createBucket(s3, "copy-src");
		String destination = S3TestData.createBucket(s3, "copy-dst");
		S3TestData.put(s3, source, "large.bin", S3TestData.randomBytes((int) (11 * MIB)));
		HeadObjectResponse head = s3.headObject((h) -> h.bucket(source).key("large.bin"));
		// Another object at the key, and a Complete the server never sees.
		S3TestData.put(s3, destination, "large.bin", "someone else's");
		try (FaultInjectingProxy proxy = new FaultInjectingProxy(LocalS3ProxyTest.s3Proxy().endpoint(), 0, 0);
				S3AsyncClient async = LocalS3ProxyTest.s3Proxy()
					.asyncClientBuilder(SOURCE_ACCOUNT)
					.endpointOverride(proxy.endpoint())
					.build()) {
			proxy.answer("?uploadId=", (headers) -> true, 404, "NoSuchUpload");
			ServerSideTransfer transfer = new ServerSideTransfer(async, new CopyTarget(destination, null, null, null),
					5 * MIB, 5 * MIB, 2, 64, false, false);

			assertThatExceptionOfType(CompletionException.class)
				.isThrownBy(() -> transfer.transfer(planned(source, "large.bin"), SourceFacts.fromHead(head)).join())
				.satisfies((ex) -> assertThat(S3Failure.of(ex).errorCode()).isEqualTo("NoSuchUpload"));
		}
		assertThat(S3TestData.readBytes(s3, destination, "large.bin"))
			.isEqualTo("someone else's".getBytes(StandardCharsets.UTF_8));
	}

	private static PlannedObject planned(String bucket, String key) {
		return new PlannedObject(1, bucket, key, null, null, null, null, null, null, key);
	}

	private static S3AsyncClient mockAsyncClient(ExecutionInterceptor interceptor) {
		return LocalS3MockTest.s3Mock()
			.asyncClientBuilder()
			.overrideConfiguration((config) -> config.addExecutionInterceptor(interceptor))
			.build();
	}

	/** Counts UploadPartCopy requests, and the most in flight at once. */
	private static final class PartsInFlight implements ExecutionInterceptor {

		final AtomicInteger started = new AtomicInteger();

		final AtomicInteger most = new AtomicInteger();

		private final AtomicInteger now = new AtomicInteger();

		@Override
		public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
			if (context.request() instanceof UploadPartCopyRequest) {
				this.started.incrementAndGet();
				this.most.accumulateAndGet(this.now.incrementAndGet(), Math::max);
			}
		}

		@Override
		public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
			if (context.request() instanceof UploadPartCopyRequest) {
				this.now.decrementAndGet();
			}
		}

		@Override
		public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
			if (context.request() instanceof UploadPartCopyRequest) {
				this.now.decrementAndGet();
			}
		}

	}

}
