package io.github.s3bulkcopy.testsupport;

import io.github.s3bulkcopy.demo.LocalS3Server;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Holds the servers behind {@link CrossAccountTest}, started once per JVM on first use.
 */
final class SharedCrossAccount {

	static final LocalS3Server SERVER = LocalS3Server.builder()
		.identity(CrossAccountTest.SOURCE_ROLE_KEYS)
		.identity(CrossAccountTest.DESTINATION_ROLE_KEYS)
		.ignoreUnknownHeaders()
		.start();

	static final LocalSts STS = LocalSts.start();

	static final S3Client SOURCE = SERVER.client(CrossAccountTest.SOURCE_ROLE_KEYS);

	static final S3Client DESTINATION = SERVER.client(CrossAccountTest.DESTINATION_ROLE_KEYS);

	static {
		STS.user(CrossAccountTest.RUNNER.accessKeyId(), CrossAccountTest.RUNNER_ARN);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			SOURCE.close();
			DESTINATION.close();
			STS.close();
		}, "shared-cross-account-shutdown"));
	}

	private SharedCrossAccount() {
	}

}
