package io.github.s3bulkcopy.metrics;

import java.lang.ref.Reference;

import io.github.s3bulkcopy.batch.CopyProgress;
import io.github.s3bulkcopy.batch.CopyProgressAccess;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CopyMetricsTests {

	@Test
	void publishesObjectsBytesFailuresRetriesAndRequestsInFlight() {
		CopyProgress progress = new CopyProgress();
		RetryCounter retries = new RetryCounter();
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		RequestCounter requests = new RequestCounter();
		// Held to the end: a gauge keeps only a weak reference to what it reads, and a GC
		// between binding and reading (as in a test JVM shared with others) made it NaN.
		S3RequestMetrics metrics = new S3RequestMetrics(retries, requests);
		new CopyMetrics(progress, metrics).bindTo(registry);

		CopyProgressAccess.record(progress, 1, 10, 100, 3);
		retries.record("SlowDown");
		retries.record("SlowDown");
		requests.record("source", "GetObject", false);
		requests.record("source", "GetObject", true);
		requests.record("destination", "PutObject", false);

		assertThat(registry.get("s3bulkcopy.objects").tag("outcome", "copied").functionCounter().count()).isEqualTo(7);
		assertThat(registry.get("s3bulkcopy.objects").tag("outcome", "failed").functionCounter().count()).isEqualTo(3);
		assertThat(registry.get("s3bulkcopy.objects").tag("outcome", "skipped").functionCounter().count()).isZero();
		assertThat(registry.get("s3bulkcopy.bytes.copied").functionCounter().count()).isEqualTo(700);
		assertThat(registry.get("s3bulkcopy.failures").tag("error.code", "AccessDenied").counter().count())
			.isEqualTo(3);
		assertThat(registry.get("s3bulkcopy.retries").tag("error.code", "SlowDown").counter().count()).isEqualTo(2);
		assertThat(registry.get("s3bulkcopy.requests.in-flight").gauge().value()).isZero();
		assertThat(
				registry.get("s3bulkcopy.requests").tags("side", "source", "operation", "GetObject").counter().count())
			.isEqualTo(2);
		assertThat(registry.get("s3bulkcopy.requests")
			.tags("side", "destination", "operation", "PutObject")
			.counter()
			.count()).isEqualTo(1);
		Reference.reachabilityFence(metrics);
	}

}
