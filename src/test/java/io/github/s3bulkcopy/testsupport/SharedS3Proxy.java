package io.github.s3bulkcopy.testsupport;

import io.github.s3bulkcopy.demo.LocalS3Server;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Holds the server behind {@link LocalS3ProxyTest}. The JVM initialises this class, and
 * so starts the server, on first use and exactly once; the server's own shutdown hook
 * stops it.
 */
final class SharedS3Proxy {

	// Its transient store keeps every object of every test of the JVM in its heap: the
	// whole suite's objects (the multi-MiB ones of the multipart and cost tests among
	// them) filled 512 MiB, and the server died mid-suite.
	static final LocalS3Server SERVER = LocalS3Server.builder()
		.maxHeap("2g")
		.identity(LocalS3ProxyTest.SOURCE_ACCOUNT)
		.identity(LocalS3ProxyTest.DESTINATION_ACCOUNT)
		.start();

	static final S3Client SOURCE_CLIENT = SERVER.client(LocalS3ProxyTest.SOURCE_ACCOUNT);

	static final S3Client DESTINATION_CLIENT = SERVER.client(LocalS3ProxyTest.DESTINATION_ACCOUNT);

	static final S3AsyncClient SOURCE_ASYNC_CLIENT = SERVER.asyncClient(LocalS3ProxyTest.SOURCE_ACCOUNT);

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			SOURCE_ASYNC_CLIENT.close();
			SOURCE_CLIENT.close();
			DESTINATION_CLIENT.close();
		}, "shared-s3proxy-clients-shutdown"));
	}

	private SharedS3Proxy() {
	}

}
