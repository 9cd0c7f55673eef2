package io.github.s3bulkcopy.batchops;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3control.endpoints.S3ControlEndpointParams;
import software.amazon.awssdk.services.s3control.endpoints.S3ControlEndpointProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The small pure pieces: tokens, backoff, status lines, ARNs, the S3 Control endpoint.
 */
class BatchOperationsBasicsTests {

	@Test
	void tokensAreTheSameForTheSameRunAndFitSixtyFourCharacters() {
		assertThat(ClientRequestTokens.of("logs", BatchOperation.COPY, 3)).isEqualTo("s3bc-logs-batch-copy-3");
		assertThat(ClientRequestTokens.of("logs", BatchOperation.REPLICATE, 3)).isEqualTo("s3bc-logs-replicate-3");
		String longName = "a".repeat(89);
		String token = ClientRequestTokens.of(longName, BatchOperation.COPY, 12345);
		assertThat(token).hasSizeLessThanOrEqualTo(64)
			.endsWith("-batch-copy-12345")
			.isEqualTo(ClientRequestTokens.of(longName, BatchOperation.COPY, 12345))
			.isNotEqualTo(ClientRequestTokens.of("a".repeat(88) + "b", BatchOperation.COPY, 12345));
	}

	@Test
	void backoffDoublesWhileNothingChangesAndStartsOverWhenSomethingDoes() {
		PollBackoff backoff = new PollBackoff(Duration.ofSeconds(5), Duration.ofSeconds(60));

		assertThat(List.of(backoff.next(false), backoff.next(false), backoff.next(false), backoff.next(false),
				backoff.next(false), backoff.next(true)))
			.extracting(Duration::toSeconds)
			.containsExactly(10L, 20L, 40L, 60L, 60L, 5L);
	}

	@Test
	void everyStatusHasAClearLine() {
		assertThat(line("Suspended", List.of())).contains("awaiting confirmation")
			.contains("batch-confirm --job jobs/x.yml");
		assertThat(line("Paused", List.of())).contains("paused by someone");
		assertThat(line("Failing", List.of())).contains("waiting for it to stop");
		assertThat(line("Failed", List.of("ManifestNotReadable: no access"))).contains("FAILED: ManifestNotReadable");
		assertThat(line("Cancelled", List.of())).contains("CANCELLED");
		assertThat(line("Active", List.of())).contains("7 of 10 tasks succeeded, 1 failed").contains("1m05s active");
		assertThat(line("Complete", List.of())).contains("done");
	}

	@Test
	void arnsFollowTheRegionsPartition() {
		assertThat(S3Arns.bucket("us-east-1", "b")).isEqualTo("arn:aws:s3:::b");
		assertThat(S3Arns.object("cn-north-1", "b", "k/1")).isEqualTo("arn:aws-cn:s3:::b/k/1");
		assertThat(S3Arns.bucket("us-gov-west-1", "b")).isEqualTo("arn:aws-us-gov:s3:::b");
	}

	@Test
	void aCustomEndpointIsUsedAsItIsWhereAwsPutsTheAccountInFrontOfTheHost() {
		S3ControlEndpointParams createJob = S3ControlEndpointParams.builder()
			.region(Region.EU_WEST_1)
			.accountId("123456789012")
			.requiresAccountId(true)
			.build();

		assertThat(S3ControlEndpointProvider.defaultProvider().resolveEndpoint(createJob).join().url())
			.hasToString("https://123456789012.s3-control.eu-west-1.amazonaws.com");
		assertThat(new CustomS3ControlEndpoint(URI.create("http://127.0.0.1:9000")).resolveEndpoint(createJob)
			.join()
			.url()).hasToString("http://127.0.0.1:9000");
	}

	private static String line(String status, List<String> reasons) {
		return JobStatusLines.of(new JobSnapshot("job-1", status, 10, 7, 1, 65, reasons, null, null, null, null),
				"jobs/x.yml", Duration.ZERO);
	}

}
