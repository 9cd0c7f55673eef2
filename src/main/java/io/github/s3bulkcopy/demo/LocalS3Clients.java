package io.github.s3bulkcopy.demo;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * SDK client builders for a local S3 endpoint: path-style addressing (a loopback address
 * has no bucket subdomains), region us-east-1 and fixed local keys.
 */
final class LocalS3Clients {

	private LocalS3Clients() {
	}

	static S3ClientBuilder syncBuilder(URI endpoint, AwsCredentials credentials) {
		return S3Client.builder()
			.endpointOverride(endpoint)
			.forcePathStyle(true)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(credentials));
	}

	static S3AsyncClientBuilder asyncBuilder(URI endpoint, AwsCredentials credentials) {
		return S3AsyncClient.builder()
			.endpointOverride(endpoint)
			.forcePathStyle(true)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(credentials));
	}

}
