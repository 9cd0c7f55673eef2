package io.github.s3bulkcopy.run;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mistakes a user makes and faults of the surroundings: one clear message each, the right
 * exit code, no harm done.
 */
class BadInputFunctionalTests implements LocalS3ProxyTest {

	@TempDir
	Path dir;

	private final S3Client s3 = LocalS3ProxyTest.sourceClient();

	private JobFixture fixture;

	@BeforeEach
	void buckets() {
		this.fixture = JobFixture.onS3Proxy(this.dir, "bad");
		S3TestData.put(this.s3, this.fixture.sourceBucket, "a.txt", "a");
	}

	@Test
	void aMissingSourceBucketIsNamedAndExitsTwo() throws IOException {
		JobFixture missing = withBuckets("no-such-source-bucket", this.fixture.destinationBucket);
		Path job = missing.jobFile("missing-source", "", "", "type: listing", "");

		JobFixture.Result result = missing.run("copy", "--job", job.toString());

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err()).contains("source.bucket no-such-source-bucket does not exist");
	}

	@Test
	void aMissingDestinationBucketIsNamedAndExitsTwo() throws IOException {
		JobFixture missing = withBuckets(this.fixture.sourceBucket, "no-such-destination-bucket");
		Path job = missing.jobFile("missing-destination", "", "", "type: listing", "");

		JobFixture.Result result = missing.run("copy", "--job", job.toString());

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err()).contains("destination.bucket no-such-destination-bucket does not exist");
	}

	@Test
	void anEndpointThatRefusesConnectionsIsAResumableFailure() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		JobFixture refused = this.fixture.through(URI.create("http://127.0.0.1:" + closedPort));
		Path job = refused.jobFile("refused", "", "", "type: listing", "copy:\n  max-attempts: 2\n");

		JobFixture.Result result = refused.run("copy", "--job", job.toString());

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
		assertThat(result.err()).contains("cannot reach the source endpoint http://127.0.0.1:" + closedPort);
	}

	@Test
	void aManifestThatIsNotThereExitsTwo() throws IOException {
		Path job = this.fixture.jobFile("no-manifest", "", "", "type: csv\nlocation: " + this.dir.resolve("nope.csv"),
				"");

		JobFixture.Result result = this.fixture.run("copy", "--job", job.toString());

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err()).contains("manifest not found").contains("nope.csv");
	}

	@Test
	void anUnwritableReportLocationFailsResumablyAndTheResumeWritesTheReport() throws IOException {
		Path job = this.fixture.jobFile("no-report", "", "", "type: listing", "");
		Files.createDirectories(this.fixture.reports());
		Files.writeString(this.fixture.reports().resolve("no-report"), "a file where the report folder should be");

		JobFixture.Result failed = this.fixture.run("copy", "--job", job.toString());

		assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(3);
		assertThat(S3TestData.readString(this.s3, this.fixture.destinationBucket, "a.txt")).isEqualTo("a");
		Files.delete(this.fixture.reports().resolve("no-report"));

		JobFixture.Result resumed = this.fixture.run("copy", "--job", job.toString());

		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(resumed.out()).contains("(resumed)").contains("1 copied");
		assertThat(this.fixture.reportRows("no-report", 1)).hasSize(1);
	}

	@Test
	void anUnwritableJobDatabaseIsNamedInOneLine() throws IOException {
		Path job = this.fixture.jobFile("no-database", "", "", "type: listing", "");
		Path notAFolder = Files.writeString(this.dir.resolve("not-a-folder"), "a file");
		System.setProperty("spring.datasource.url", "jdbc:h2:file:" + notAFolder.resolve("db") + ";TRACE_LEVEL_FILE=0");

		JobFixture.Result result = this.fixture.run("copy", "--job", job.toString());

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
		assertThat(result.err()).contains("cannot open the job database jdbc:h2:file:" + notAFolder)
			.contains("spring.datasource.url")
			.doesNotContain("\tat ");
		assertThat(result.err().lines()).hasSize(1);
	}

	private JobFixture withBuckets(String sourceBucket, String destinationBucket) {
		return new JobFixture(this.dir, LocalS3ProxyTest.s3Proxy().endpoint(), LocalS3ProxyTest.SOURCE_ACCOUNT,
				sourceBucket, destinationBucket);
	}

}
