package io.github.s3bulkcopy.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.jobfile.JobFile;
import io.github.s3bulkcopy.jobfile.loading.JobFileLoader;
import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run whose plan finds nothing to copy (a scheduled incremental run with nothing new)
 * builds none of the copy's asynchronous clients and their CRT-based HTTP clients: they
 * are the costliest beans of a job's context, and only a copy uses them. The next run
 * that has something to copy builds them and copies.
 */
class NothingToCopyFunctionalTests implements LocalS3ProxyTest {

	private static final List<String> COPY_CLIENTS = List.of("sourceS3", "destinationS3", "sourceHttpClient",
			"s3HttpClient");

	@TempDir
	Path dir;

	@Test
	void aRunWithNothingToCopyBuildsNoCopyClientsAndOneWithSomethingDoes() throws Exception {
		JobFixture fixture = JobFixture.onS3Proxy(this.dir, "nothing");
		JobFile jobFile = new JobFileLoader().load(fixture.jobFile("nothing", "", "", "type: listing", ""));
		try (ConfigurableApplicationContext context = JobContexts.forJob(jobFile, Map.of())) {
			RunLauncher launcher = context.getBean(RunLauncher.class);

			RunResult empty = launcher.copy(false);

			assertThat(empty.status()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(empty.counts().copied()).isZero();
			assertThat(COPY_CLIENTS).as("clients built by a run with nothing to copy")
				.noneMatch(context.getBeanFactory()::containsSingleton);

			LocalS3ProxyTest.sourceClient()
				.putObject((put) -> put.bucket(fixture.sourceBucket).key("new.txt"),
						RequestBody.fromString("new", StandardCharsets.UTF_8));
			RunResult withOne = launcher.copy(false);

			assertThat(withOne.status()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(withOne.counts().copied()).isEqualTo(1);
			assertThat(COPY_CLIENTS).allMatch(context.getBeanFactory()::containsSingleton);
		}
	}

}
