package io.github.s3bulkcopy.testsupport;

import io.github.s3bulkcopy.demo.LocalS3Identity;
import io.github.s3bulkcopy.demo.LocalS3Mock;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * For tests against S3Mock, which keeps additional checksums the way S3 does: one server
 * per test JVM on 127.0.0.1, started only when a test first asks for it (it takes about 5
 * seconds) and stopped when the JVM ends. S3Mock has no accounts and checks no
 * signatures.
 */
public interface LocalS3MockTest {

	/**
	 * The identity a job against S3Mock runs as: any will do, since S3Mock checks no
	 * signatures, but the default credential chain needs one.
	 */
	LocalS3Identity IDENTITY = new LocalS3Identity("s3mock", "s3mock");

	/** The shared S3Mock, started on first call. */
	static LocalS3Mock s3Mock() {
		return SharedS3Mock.SERVER;
	}

	/** A shared client of the shared S3Mock; do not close it. */
	static S3Client s3MockClient() {
		return SharedS3Mock.CLIENT;
	}

}
