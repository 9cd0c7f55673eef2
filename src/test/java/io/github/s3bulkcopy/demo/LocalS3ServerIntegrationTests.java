package io.github.s3bulkcopy.demo;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import io.github.s3bulkcopy.testsupport.Sockets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import static io.github.s3bulkcopy.testsupport.LocalS3ProxyTest.destinationClient;
import static io.github.s3bulkcopy.testsupport.LocalS3ProxyTest.s3Proxy;
import static io.github.s3bulkcopy.testsupport.LocalS3ProxyTest.sourceClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

/** {@link LocalS3Server} against the shared S3Proxy of {@link LocalS3ProxyTest}. */
class LocalS3ServerIntegrationTests implements LocalS3ProxyTest {

	@Test
	void startsOnLoopbackAndAnswersHttp() throws Exception {
		assertThat(s3Proxy().endpoint().getHost()).isEqualTo("127.0.0.1");
		assertThat(s3Proxy().endpoint().getPort()).isPositive();
		assertThat(s3Proxy().identities()).containsExactly(SOURCE_ACCOUNT, DESTINATION_ACCOUNT);
		// an unsigned request is refused, which shows both that it answers and that it
		// checks signatures
		assertThat(Sockets.anonymousGetStatus(s3Proxy().endpoint())).isEqualTo(403);
	}

	@Test
	void listensOnLoopbackOnly() {
		Optional<InetAddress> otherAddress = Sockets.nonLoopbackAddress();
		assumeThat(otherAddress).as("a network address other than loopback").isPresent();
		assertThat(Sockets.accepts(InetAddress.getLoopbackAddress(), s3Proxy().endpoint().getPort())).isTrue();
		assertThat(Sockets.accepts(otherAddress.get(), s3Proxy().endpoint().getPort())).isFalse();
	}

	@Test
	void putThenGetReturnsTheSameBytes() {
		// given
		String bucket = S3TestData.createBucket(sourceClient(), "round-trip");
		byte[] content = S3TestData.randomBytes(100_000);

		// when
		String etag = S3TestData.put(sourceClient(), bucket, "dir/some key+plus é.bin", content).eTag();

		// then
		assertThat(S3TestData.readBytes(sourceClient(), bucket, "dir/some key+plus é.bin")).isEqualTo(content);
		assertThat(S3TestData.unquoted(etag)).isEqualTo(S3TestData.md5Hex(content));
	}

	@Test
	void asyncClientWorksToo() {
		String bucket = S3TestData.createBucket(sourceClient(), "async");
		try (S3AsyncClient s3 = s3Proxy().asyncClient(SOURCE_ACCOUNT)) {
			s3.putObject((request) -> request.bucket(bucket).key("k"), AsyncRequestBody.fromString("hello")).join();
			byte[] read = s3.getObject((request) -> request.bucket(bucket).key("k"), AsyncResponseTransformer.toBytes())
				.join()
				.asByteArray();
			assertThat(read).asString().isEqualTo("hello");
		}
	}

	@Test
	void anAccountCannotSeeOrReadAnotherAccountsBucket() {
		// given
		String bucket = S3TestData.createBucket(sourceClient(), "private");
		S3TestData.put(sourceClient(), bucket, "secret.txt", "source only");

		// then: to the other account the bucket does not exist, rather than being
		// forbidden
		assertThat(destinationClient().listBuckets().buckets()).noneMatch((b) -> b.name().equals(bucket));
		assertThatExceptionOfType(NoSuchBucketException.class)
			.isThrownBy(() -> destinationClient().getObject((request) -> request.bucket(bucket).key("secret.txt")))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(404));
		assertThatExceptionOfType(NoSuchBucketException.class)
			.isThrownBy(() -> destinationClient().listObjectsV2((request) -> request.bucket(bucket)));
		assertThatExceptionOfType(NoSuchBucketException.class)
			.isThrownBy(() -> destinationClient().headBucket((request) -> request.bucket(bucket)));
	}

	@Test
	void eachAccountHasItsOwnBucketNames() {
		// unlike AWS, where bucket names are global: the other account may create a
		// bucket of the same name
		String bucket = S3TestData.createBucket(sourceClient(), "same-name");
		S3TestData.put(sourceClient(), bucket, "k", "source");

		destinationClient().createBucket((request) -> request.bucket(bucket));
		S3TestData.put(destinationClient(), bucket, "k", "destination");

		assertThat(S3TestData.readString(sourceClient(), bucket, "k")).isEqualTo("source");
		assertThat(S3TestData.readString(destinationClient(), bucket, "k")).isEqualTo("destination");
	}

	@Test
	void copyObjectCannotReachAnotherAccountsBucket() {
		// a cross-account copy has to read from one account and write to the other
		String sourceBucket = S3TestData.createBucket(sourceClient(), "cross-source");
		S3TestData.put(sourceClient(), sourceBucket, "k", "content");
		String destinationBucket = S3TestData.createBucket(destinationClient(), "cross-destination");

		assertThatExceptionOfType(NoSuchBucketException.class)
			.isThrownBy(() -> destinationClient().copyObject((request) -> request.sourceBucket(sourceBucket)
				.sourceKey("k")
				.destinationBucket(destinationBucket)
				.destinationKey("k")));
	}

	@Test
	void aWrongSecretIsRejected() {
		try (S3Client impostor = s3Proxy()
			.client(new LocalS3Identity(SOURCE_ACCOUNT.accessKeyId(), "not-the-secret"))) {
			assertThatExceptionOfType(S3Exception.class).isThrownBy(impostor::listBuckets).satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(403);
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
			});
		}
	}

	@Test
	void anUnknownAccessKeyIsRejected() {
		try (S3Client stranger = s3Proxy().client(new LocalS3Identity("stranger", "stranger-secret"))) {
			assertThatExceptionOfType(S3Exception.class).isThrownBy(stranger::listBuckets).satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(403);
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("InvalidAccessKeyId");
			});
		}
	}

	@Test
	void copyObjectWithinAnAccountCopiesBytesAndKeepsTheEtag() {
		// given
		String from = S3TestData.createBucket(sourceClient(), "copy-from");
		String to = S3TestData.createBucket(sourceClient(), "copy-to");
		byte[] content = S3TestData.randomBytes(10_000);
		String sourceEtag = S3TestData.put(sourceClient(), from, "k", content).eTag();

		// when
		CopyObjectResponse copy = sourceClient().copyObject(
				(request) -> request.sourceBucket(from).sourceKey("k").destinationBucket(to).destinationKey("copied"));

		// then
		assertThat(S3TestData.readBytes(sourceClient(), to, "copied")).isEqualTo(content);
		assertThat(copy.copyObjectResult().eTag()).isEqualTo(sourceEtag);
	}

	@Test
	void multipartUploadJoinsThePartsWithAnEtagOfPartEtags() {
		// given
		String bucket = S3TestData.createBucket(sourceClient(), "multipart");
		byte[] content = S3TestData.randomBytes((5 << 20) + 1000);
		List<byte[]> parts = List.of(Arrays.copyOfRange(content, 0, 5 << 20),
				Arrays.copyOfRange(content, 5 << 20, content.length));

		// when
		String uploadId = sourceClient().createMultipartUpload((request) -> request.bucket(bucket).key("big"))
			.uploadId();
		List<CompletedPart> completed = new ArrayList<>();
		for (int i = 0; i < parts.size(); i++) {
			int partNumber = i + 1;
			String etag = sourceClient()
				.uploadPart((request) -> request.bucket(bucket).key("big").uploadId(uploadId).partNumber(partNumber),
						RequestBody.fromBytes(parts.get(i)))
				.eTag();
			completed.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
		}
		CompleteMultipartUploadResponse done = sourceClient()
			.completeMultipartUpload((request) -> request.bucket(bucket)
				.key("big")
				.uploadId(uploadId)
				.multipartUpload((upload) -> upload.parts(completed)));

		// then
		assertThat(S3TestData.readBytes(sourceClient(), bucket, "big")).isEqualTo(content);
		assertThat(S3TestData.unquoted(done.eTag())).isEqualTo(S3TestData.multipartEtag(parts));
	}

}
