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

	private S3Client s3;

	private String source;

	private String destination;

	@BeforeEach
	void buckets() {
		this.s3 = LocalS3ProxyTest.sourceClient();
		this.source = S3TestData.createBucket(this.s3, "bad-src");
		this.destination = S3TestData.createBucket(this.s3, "bad-dst");
		S3TestData.put(this.s3, this.source, "a.txt", "a");
	}

	@Test
	void aMissingSourceBucketIsNamedAndExitsTwo() throws IOException {
		JobFixture fixture = fixture("no-such-source-bucket", this.destination);
		Path job = fixture.jobFile("missing-source", "", "", "type: listing", "");

		JobFixture.Result result = fixture.run("copy", "--job", job.toString());

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err()).contains("source.bucket no-such-source-bucket does not exist");
	}

	@Test
	void aMissingDestinationBucketIsNamedAndExitsTwo() throws IOException {
		JobFixture fixture = fixture(this.source, "no-such-destination-bucket");
		Path job = fixture.jobFile("missing-destination", "", "", "type: listing", "");

		JobFixture.Result result = fixture.run("copy", "--job", job.toString());

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err()).contains("destination.bucket no-such-destination-bucket does not exist");
	}

	@Test
	void anEndpointThatRefusesConnectionsIsAResumableFailure() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		JobFixture fixture = new JobFixture(this.dir, URI.create("http://127.0.0.1:" + closedPort),
				LocalS3ProxyTest.SOURCE_ACCOUNT, this.source, this.destination);
		Path job = fixture.jobFile("refused", "", "", "type: listing", "copy:\n  max-attempts: 2\n");

		JobFixture.Result result = fixture.run("copy", "--job", job.toString());

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
		assertThat(result.err()).contains("cannot reach the source endpoint http://127.0.0.1:" + closedPort);
	}

	@Test
	void aManifestThatIsNotThereExitsTwo() throws IOException {
		JobFixture fixture = fixture(this.source, this.destination);
		Path job = fixture.jobFile("no-manifest", "", "", "type: csv\nlocation: " + this.dir.resolve("nope.csv"), "");

		JobFixture.Result result = fixture.run("copy", "--job", job.toString());

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err()).contains("manifest not found").contains("nope.csv");
	}

	@Test
	void anUnwritableReportLocationFailsResumablyAndTheResumeWritesTheReport() throws IOException {
		JobFixture fixture = fixture(this.source, this.destination);
		Path job = fixture.jobFile("no-report", "", "", "type: listing", "");
		Files.createDirectories(fixture.reports());
		Files.writeString(fixture.reports().resolve("no-report"), "a file where the report folder should be");

		JobFixture.Result failed = fixture.run("copy", "--job", job.toString());

		assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(3);
		assertThat(S3TestData.readString(this.s3, this.destination, "a.txt")).isEqualTo("a");
		Files.delete(fixture.reports().resolve("no-report"));

		JobFixture.Result resumed = fixture.run("copy", "--job", job.toString());

		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(resumed.out()).contains("(resumed)").contains("1 copied");
		assertThat(fixture.reportRows("no-report", 1)).hasSize(1);
	}

	@Test
	void anUnwritableJobDatabaseIsNamedInOneLine() throws IOException {
		JobFixture fixture = fixture(this.source, this.destination);
		Path job = fixture.jobFile("no-database", "", "", "type: listing", "");
		Path notAFolder = Files.writeString(this.dir.resolve("not-a-folder"), "a file");
		System.setProperty("spring.datasource.url", "jdbc:h2:file:" + notAFolder.resolve("db") + ";TRACE_LEVEL_FILE=0");

		JobFixture.Result result = fixture.run("copy", "--job", job.toString());

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
		assertThat(result.err()).contains("cannot open the job database jdbc:h2:file:" + notAFolder)
			.contains("spring.datasource.url")
			.doesNotContain("\tat ");
		assertThat(result.err().lines()).hasSize(1);
	}

	private JobFixture fixture(String sourceBucket, String destinationBucket) {
		return new JobFixture(this.dir, LocalS3ProxyTest.s3Proxy().endpoint(), LocalS3ProxyTest.SOURCE_ACCOUNT,
				sourceBucket, destinationBucket);
	}

}
