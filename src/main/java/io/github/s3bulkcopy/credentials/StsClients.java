package io.github.s3bulkcopy.credentials;

import io.github.s3bulkcopy.jobfile.CredentialsSpec;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;

/**
 * STS clients for a side: the region and endpoint its credentials spec names, with the
 * given identity.
 */
public final class StsClients {

	private StsClients() {
	}

	/** The STS region of a side: {@code sts-region}, else the side's own region. */
	public static String region(CredentialsSpec spec, String sideRegion) {
		return (spec.stsRegion() != null) ? spec.stsRegion() : sideRegion;
	}

	/**
	 * A client of the side's STS endpoint acting as {@code credentials}; the caller
	 * closes it.
	 */
	public static StsClient create(CredentialsSpec spec, String sideRegion, AwsCredentialsProvider credentials) {
		StsClientBuilder builder = StsClient.builder()
			.region(Region.of(region(spec, sideRegion)))
			.credentialsProvider(credentials);
		if (spec.stsEndpoint() != null) {
			builder.endpointOverride(spec.stsEndpoint());
		}
		return builder.build();
	}

}
