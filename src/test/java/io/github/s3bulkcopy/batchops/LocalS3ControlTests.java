package io.github.s3bulkcopy.batchops;

import io.github.s3bulkcopy.demo.LocalS3Identity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.model.S3ControlException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The local S3 Control refuses what AWS would: a request whose SigV4 signature is not the
 * identity's, or not for the region it expects, gets 403 SignatureDoesNotMatch; the SDK's
 * client, signing right, reaches the operation.
 */
class LocalS3ControlTests {

	private static final LocalS3Identity IDENTITY = new LocalS3Identity("control-key", "control-secret");

	private S3Client unused;

	private LocalS3Control control;

	@BeforeEach
	void start() throws Exception {
		// Only jobs that complete touch S3; none does here.
		this.unused = S3Client.builder()
			.region(Region.US_EAST_1)
			.credentialsProvider(AnonymousCredentialsProvider.create())
			.build();
		this.control = new LocalS3Control(this.unused, IDENTITY, "us-east-1");
	}

	@AfterEach
	void stop() {
		this.control.close();
		this.unused.close();
	}

	@Test
	void aRequestSignedByTheIdentityForTheRegionReachesTheOperation() {
		S3ControlException answer = describeUnknownJob(IDENTITY.secretAccessKey(), Region.US_EAST_1);

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.awsErrorDetails().errorCode()).isEqualTo("JobStatusException");
		LocalS3Control.Request request = this.control.requests().get(0);
		assertThat(request.path()).isEqualTo("/v20180820/jobs/no-such-job");
		assertThat(request.headers()).containsEntry("x-amz-account-id", "123456789012")
			.containsEntry("host", this.control.endpoint().getAuthority());
	}

	@Test
	void aWrongSecretOrRegionIsRefusedAsS3Would() {
		S3ControlException wrongSecret = describeUnknownJob("not-the-secret", Region.US_EAST_1);
		S3ControlException wrongRegion = describeUnknownJob(IDENTITY.secretAccessKey(), Region.EU_WEST_1);

		assertThat(wrongSecret.statusCode()).isEqualTo(403);
		assertThat(wrongSecret.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
		assertThat(wrongSecret.awsErrorDetails().errorMessage()).contains("does not match");
		assertThat(wrongRegion.statusCode()).isEqualTo(403);
		assertThat(wrongRegion.awsErrorDetails().errorMessage()).contains("in eu-west-1");
	}

	private S3ControlException describeUnknownJob(String secret, Region region) {
		try (S3ControlClient client = S3ControlClient.builder()
			.region(region)
			.credentialsProvider(
					StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY.accessKeyId(), secret)))
			.endpointProvider(new CustomS3ControlEndpoint(this.control.endpoint()))
			.build()) {
			return catchThrowableOfType(S3ControlException.class,
					() -> client.describeJob((describe) -> describe.accountId("123456789012").jobId("no-such-job")));
		}
	}

}
