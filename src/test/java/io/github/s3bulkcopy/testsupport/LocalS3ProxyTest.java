package io.github.s3bulkcopy.testsupport;

import io.github.s3bulkcopy.demo.LocalS3Identity;
import io.github.s3bulkcopy.demo.LocalS3Server;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * For tests against S3Proxy: one server per test JVM on 127.0.0.1 and a free port,
 * started on first use and stopped when the JVM ends, with two accounts that cannot see
 * each other's buckets. Every test makes its own buckets
 * ({@link S3TestData#createBucket(S3Client, String)}), so tests share the server without
 * meeting.
 * <p>
 * A test class implements this interface to say what it needs and to see the account
 * constants; the accessors are static so {@code @BeforeAll} methods can use them too.
 */
public interface LocalS3ProxyTest {

	/** The account objects are copied from. */
	LocalS3Identity SOURCE_ACCOUNT = new LocalS3Identity("source-account", "source-account-secret");

	/** The account objects are copied to. */
	LocalS3Identity DESTINATION_ACCOUNT = new LocalS3Identity("destination-account", "destination-account-secret");

	/** The shared server, started on first call. */
	static LocalS3Server s3Proxy() {
		return SharedS3Proxy.SERVER;
	}

	/** A shared client of the source account; do not close it. */
	static S3Client sourceClient() {
		return SharedS3Proxy.SOURCE_CLIENT;
	}

	/**
	 * A shared async client of the source account, for seeding many objects; do not close
	 * it.
	 */
	static S3AsyncClient sourceAsyncClient() {
		return SharedS3Proxy.SOURCE_ASYNC_CLIENT;
	}

	/** A shared client of the destination account; do not close it. */
	static S3Client destinationClient() {
		return SharedS3Proxy.DESTINATION_CLIENT;
	}

}
