package io.github.s3bulkcopy.run;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LedgerTotals;
import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How runs end and resume: the failure threshold, a retry of failed objects, an empty
 * manifest.
 */
class RunLifecycleFunctionalTests implements LocalS3ProxyTest {

	@TempDir
	Path dir;

	private JobFixture fixture;

	private final S3Client s3 = LocalS3ProxyTest.sourceClient();

	@BeforeEach
	void buckets() {
		this.fixture = JobFixture.onS3Proxy(this.dir, "life");
	}

	@Test
	void aRunFailingWholesaleStopsResumablyAndRestartRetriesTheFailedObjects() throws IOException {
		StringBuilder csv = new StringBuilder();
		for (int i = 0; i < 40; i++) {
			if (i < 10) {
				S3TestData.put(this.s3, this.fixture.sourceBucket, key(i), "object " + i);
			}
			csv.append(this.fixture.sourceBucket)
				.append(',')
				.append(URLEncoder.encode(key(i), StandardCharsets.UTF_8))
				.append('\n');
		}
		Path manifest = Files.writeString(this.dir.resolve("m.csv"), csv.toString());
		Path job = this.fixture.jobFile("wholesale", "", "", "type: csv\nlocation: " + manifest.toAbsolutePath(),
				"copy:\n  chunk-size: 5\n  partitions: 1\n  max-failures: 8\n");

		JobFixture.Result failed = this.fixture.run("copy", "--job", job.toString());

		assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(3);
		assertThat(failed.out() + failed.err()).contains("copy.max-failures").contains("most common error: NoSuchKey");
		assertThat(LedgerTotals.assertKeptForEveryRun(this.fixture.databaseUrl()).get(0).failed()).isPositive();
		for (int i = 10; i < 40; i++) {
			S3TestData.put(this.s3, this.fixture.sourceBucket, key(i), "object " + i);
		}

		JobFixture.Result resumed = this.fixture.run("restart", "--job", job.toString());

		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(resumed.out()).contains("Run 1 of job wholesale (resumed)")
			.contains("40 copied")
			.contains("0 failed")
			.contains("concurrency:  auto");
		assertThat(LedgerTotals.assertKeptForEveryRun(this.fixture.databaseUrl()).get(0).copied()).isEqualTo(40);
		List<Map<String, String>> rows = this.fixture.reportRows("wholesale", 1);
		assertThat(rows).hasSize(40).allSatisfy((row) -> assertThat(row.get("Outcome")).isEqualTo("COPIED"));
		assertThat(S3TestData.readString(this.s3, this.fixture.destinationBucket, key(39))).isEqualTo("object 39");
	}

	@Test
	void anEmptyManifestCompletesWithAnEmptyReport() throws IOException {
		Path manifest = Files.writeString(this.dir.resolve("empty.csv"), "");
		Path job = this.fixture.jobFile("empty", "", "", "type: csv\nlocation: " + manifest.toAbsolutePath(), "");

		JobFixture.Result result = this.fixture.run("copy", "--job", job.toString());

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).contains("0 planned");
		assertThat(this.fixture.report("empty", 1)).hasSize(1);
	}

	@Test
	void stopWithNoRunningRunSaysSoAndExitsOne() throws IOException {
		Path job = this.fixture.jobFile("idle", "", "", "type: listing", "");

		JobFixture.Result result = this.fixture.run("stop", "--job", job.toString());

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).contains("No run of job idle is running");
	}

	private static String key(int i) {
		return String.format("w/%03d", i);
	}

}
