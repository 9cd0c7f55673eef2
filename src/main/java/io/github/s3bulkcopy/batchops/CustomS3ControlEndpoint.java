package io.github.s3bulkcopy.batchops;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.services.s3control.endpoints.S3ControlEndpointParams;
import software.amazon.awssdk.services.s3control.endpoints.S3ControlEndpointProvider;

import org.springframework.util.Assert;

/**
 * S3 Control at a configured endpoint ({@code batch-operations.endpoint}), used exactly
 * as given. The SDK's own endpoint rules put the account id in front of every host, a
 * custom one too ({@code 123456789012.127.0.0.1}), which no local or S3-compatible
 * endpoint answers to; the account still travels in the {@code x-amz-account-id} header.
 * Signing is the client's as always: SigV4 for service {@code s3} in the client's region.
 */
final class CustomS3ControlEndpoint implements S3ControlEndpointProvider {

	private final Endpoint endpoint;

	CustomS3ControlEndpoint(URI endpoint) {
		Assert.notNull(endpoint, "endpoint is required");
		this.endpoint = Endpoint.builder().url(endpoint).build();
	}

	@Override
	public CompletableFuture<Endpoint> resolveEndpoint(S3ControlEndpointParams params) {
		return CompletableFuture.completedFuture(this.endpoint);
	}

}
