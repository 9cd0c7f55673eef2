package io.github.s3bulkcopy.credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.s3bulkcopy.clients.S3ClientFactory;
import io.github.s3bulkcopy.jobfile.JobSpec;
import io.github.s3bulkcopy.jobfile.loading.JobFileLoader;
import io.github.s3bulkcopy.testsupport.CrossAccountTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One provider per credentials spec, assuming its role once for all the clients that
 * share it.
 */
class CredentialsProvidersIntegrationTests implements CrossAccountTest {

	@TempDir
	Path dir;

	@AfterEach
	void clear() {
		System.clearProperty("aws.accessKeyId");
		System.clearProperty("aws.secretAccessKey");
	}

	@Test
	void sidesWithTheSameRoleShareOneProviderAndOneAssumeRole() throws IOException {
		System.setProperty("aws.accessKeyId", RUNNER.accessKeyId());
		System.setProperty("aws.secretAccessKey", RUNNER.secretAccessKey());
		String role = CrossAccountTest.destinationRole(null, Duration.ofHours(1));
		String other = CrossAccountTest.sourceRole(null, Duration.ofHours(1));
		JobSpec same = job(role, role);
		JobSpec different = job(other, role);

		try (S3ClientFactory factory = new S3ClientFactory()) {
			AwsCredentialsProvider source = factory.credentials(same.source());
			AwsCredentialsProvider destination = factory.credentials(same.destination());
			AwsCredentials credentials = source.resolveCredentials();
			destination.resolveCredentials();

			assertThat(source).isSameAs(destination);
			assertThat(factory.credentials(different.source())).isNotSameAs(source);
			assertThat(credentials).isInstanceOf(AwsSessionCredentials.class);
			assertThat(credentials.accessKeyId()).isEqualTo(DESTINATION_ROLE_KEYS.accessKeyId());
			assertThat(CrossAccountTest.sts().assumed(role)).isEqualTo(1);
			// Nothing secret in what a provider says of itself (it may end up in a log
			// line).
			assertThat(source.toString()).doesNotContain(DESTINATION_ROLE_KEYS.secretAccessKey());
		}
	}

	private JobSpec job(String sourceRole, String destinationRole) throws IOException {
		String yaml = """
				name: providers
				source:
				  bucket: a
				  credentials:
				    role-arn: %s
				    sts-endpoint: %s
				destination:
				  bucket: b
				  credentials:
				    role-arn: %s
				    sts-endpoint: %s
				manifest:
				  type: listing
				""".formatted(sourceRole, CrossAccountTest.sts().endpoint(), destinationRole,
				CrossAccountTest.sts().endpoint());
		return new JobFileLoader()
			.load(Files.writeString(this.dir.resolve("providers.yml"), yaml, StandardCharsets.UTF_8))
			.spec();
	}

}
