package io.github.s3bulkcopy.distributed;

import java.nio.file.Path;

import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** What a distributed command refuses before any partition moves. */
class DistributedSetupFunctionalTests implements LocalS3ProxyTest {

	@TempDir
	Path dir;

	@Test
	void distributedModeRefusesTheEmbeddedH2Database() throws Exception {
		JobFixture fixture = JobFixture.onS3Proxy(this.dir, "h2");
		Path job = fixture.jobFile("h2-job", "", "", "type: listing", "");

		JobFixture.Result manager = fixture.run("copy", "--job", job.toString(), "--distributed");
		JobFixture.Result worker = fixture.run("worker", "--job", job.toString());

		assertThat(manager.exitCode()).as(manager.toString()).isEqualTo(2);
		assertThat(manager.err()).contains("distributed mode needs the job database in PostgreSQL").contains("H2");
		assertThat(worker.exitCode()).as(worker.toString()).isEqualTo(2);
		assertThat(worker.err()).contains("distributed mode needs the job database in PostgreSQL");
	}

	@Test
	void brokerOptionsGoWithDistributedOnly() throws Exception {
		JobFixture fixture = JobFixture.onS3Proxy(this.dir, "opt");
		Path job = fixture.jobFile("opt-job", "", "", "type: listing", "");

		JobFixture.Result result = fixture.run("copy", "--job", job.toString(), "--workers", "2");

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err()).contains("--broker, --broker-bind and --workers go with --distributed only");
	}

}
