package io.github.s3bulkcopy.testsupport;

import io.github.s3bulkcopy.demo.LocalS3Mock;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Holds the server behind {@link LocalS3MockTest}, started when the JVM first initialises
 * this class; the server's own shutdown hook stops it.
 */
final class SharedS3Mock {

	static final LocalS3Mock SERVER = LocalS3Mock.start();

	static final S3Client CLIENT = SERVER.client();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(CLIENT::close, "shared-s3mock-client-shutdown"));
	}

	private SharedS3Mock() {
	}

}
