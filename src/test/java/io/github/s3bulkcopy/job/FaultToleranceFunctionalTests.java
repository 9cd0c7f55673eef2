package io.github.s3bulkcopy.job;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.testsupport.FaultInjectingProxy;
import io.github.s3bulkcopy.testsupport.FaultInjectingProxy.Fault;
import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transient faults between the tool and S3: a run through a proxy that answers SlowDown, InternalError, resets
 * connections and answers slowly for 5% of requests still copies and verifies every object, each once.
 */
class FaultToleranceFunctionalTests implements LocalS3ProxyTest {

	private static final int OBJECTS = 2000;

	@TempDir
	Path dir;

	@Test
	void aRunThroughFivePercentFaultsCopiesAndVerifiesEveryObject() throws Exception {
		S3Client s3 = LocalS3ProxyTest.sourceClient();
		String source = S3TestData.createBucket(s3, "faulty-src");
		String destination = S3TestData.createBucket(s3, "faulty-dst");
		S3TestData.putMany(LocalS3ProxyTest.sourceAsyncClient(), source, OBJECTS, FaultToleranceFunctionalTests::key,
				FaultToleranceFunctionalTests::content);
		try (FaultInjectingProxy proxy = new FaultInjectingProxy(LocalS3ProxyTest.s3Proxy().endpoint(), 0.05, 300)) {
			JobFixture fixture = new JobFixture(this.dir, proxy.endpoint(),
					LocalS3ProxyTest.SOURCE_ACCOUNT, source, destination);
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
				assertThat(S3TestData.readBytes(s3, destination, key(i))).isEqualTo(content(i));
			}
		}
	}

	private static String key(int i) {
		return String.format("flaky/%05d.txt", i);
	}

	private static byte[] content(int i) {
		return ("object " + i).getBytes(StandardCharsets.UTF_8);
	}

}
