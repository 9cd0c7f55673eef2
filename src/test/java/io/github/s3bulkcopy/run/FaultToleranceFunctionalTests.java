package io.github.s3bulkcopy.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.testsupport.FaultInjectingProxy;
import io.github.s3bulkcopy.testsupport.FaultInjectingProxy.Fault;
import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transient faults between the tool and S3: a run through a proxy that answers SlowDown,
 * InternalError, resets connections and answers slowly for 5% of requests still copies
 * and verifies every object, each once.
 */
class FaultToleranceFunctionalTests implements LocalS3ProxyTest {

	private static final int OBJECTS = 2000;

	@TempDir
	Path dir;

	@Test
	void aRunThroughFivePercentFaultsCopiesAndVerifiesEveryObject() throws Exception {
		S3Client s3 = LocalS3ProxyTest.sourceClient();
		JobFixture onServer = JobFixture.onS3Proxy(this.dir, "faulty");
		S3TestData.putMany(LocalS3ProxyTest.sourceAsyncClient(), onServer.sourceBucket, OBJECTS,
				FaultToleranceFunctionalTests::key, FaultToleranceFunctionalTests::content);
		try (FaultInjectingProxy proxy = new FaultInjectingProxy(LocalS3ProxyTest.s3Proxy().endpoint(), 0.05, 300)) {
			JobFixture fixture = onServer.through(proxy.endpoint());
			Path job = fixture.jobFile("faulty-job", "", "", "type: listing", """
					copy:
					  partitions: 4
					  concurrency: 32
					  chunk-size: 100
					""");

			JobFixture.Result result = fixture.run("copy", "--job", job.toString());

			assertThat(result.exitCode()).as(result.toString()).isZero();
			for (Fault fault : Fault.values()) {
				assertThat(proxy.injected(fault)).as("%s faults injected", fault).isPositive();
			}
			List<Map<String, String>> rows = fixture.reportRows("faulty-job", 1);
			assertThat(rows).hasSize(OBJECTS);
			assertThat(rows).allSatisfy((row) -> {
				assertThat(row.get("Outcome")).isEqualTo("COPIED");
				assertThat(row.get("Verified")).isEqualTo("VERIFIED");
			});
			for (int i = 0; i < OBJECTS; i += 101) {
				assertThat(S3TestData.readBytes(s3, fixture.destinationBucket, key(i))).isEqualTo(content(i));
			}
		}
	}

	/**
	 * A copy the server takes and never answers (held back by the relay far longer than
	 * the run may take): with the idle timeout at 2 s each attempt fails once nothing has
	 * moved for 2 s, and after its attempts the run stops as resumable (an I/O failure is
	 * the run's, not the object's), instead of waiting on it; resumed once the server
	 * answers again, it copies what was left. While it waits, the progress line says that
	 * S3 has not answered, from half the idle timeout on.
	 */
	@Test
	void aCopyTheServerNeverAnswersStopsTheRunAfterTheIdleTimeoutAndAResumeFinishesIt() throws Exception {
		S3Client s3 = LocalS3ProxyTest.sourceClient();
		JobFixture onServer = JobFixture.onS3Proxy(this.dir, "held");
		for (int i = 0; i < 20; i++) {
			S3TestData.put(s3, onServer.sourceBucket, key(i), content(i));
		}
		S3TestData.put(s3, onServer.sourceBucket, "held/never-answered.txt", content(99));
		System.setProperty("s3bulkcopy.idle-timeout", "2s");
		try (FaultInjectingProxy proxy = new FaultInjectingProxy(LocalS3ProxyTest.s3Proxy().endpoint(), 0, 0)) {
			proxy.delay("PUT /" + onServer.destinationBucket + "/held/", 90_000);
			JobFixture fixture = onServer.through(proxy.endpoint());
			Path job = fixture.jobFile("held-job", "", "", "type: listing", """
					copy:
					  max-attempts: 2
					""");
			long start = System.nanoTime();

			JobFixture.Result stopped = fixture.run("copy", "--job", job.toString(), "--progress-interval", "1");

			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(3);
			assertThat(stopped.out()).contains("held/never-answered.txt").contains("throughput minimum");
			assertThat(stopped.err()).containsPattern("no answer from S3 for 0:00:0[1-9], 1 request waiting");
			assertThat(took).as("well before the relay would answer").isLessThan(Duration.ofSeconds(60));
			assertThat(proxy.delayed()).as("both attempts reached the relay").isGreaterThanOrEqualTo(2);
			assertThat(s3.listObjectsV2((list) -> list.bucket(fixture.destinationBucket).prefix("held/")).contents())
				.isEmpty();

			proxy.delay("PUT /" + fixture.destinationBucket + "/held/", 0);
			JobFixture.Result resumed = fixture.run("copy", "--job", job.toString());

			assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
			assertThat(resumed.out()).contains("(resumed)").contains("21 planned, 21 copied");
			assertThat(S3TestData.readBytes(s3, fixture.destinationBucket, "held/never-answered.txt"))
				.isEqualTo(content(99));
		}
		finally {
			System.clearProperty("s3bulkcopy.idle-timeout");
		}
	}

	private static String key(int i) {
		return String.format("flaky/%05d.txt", i);
	}

	private static byte[] content(int i) {
		return ("object " + i).getBytes(StandardCharsets.UTF_8);
	}

}
