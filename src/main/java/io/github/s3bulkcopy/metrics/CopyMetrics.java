package io.github.s3bulkcopy.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.util.Assert;

/**
 * Publishes the copy to Micrometer:
 * <ul>
 * <li>{@code s3bulkcopy.objects} (counter, tag {@code outcome}: copied, skipped, failed,
 * skipped-invalid-key, archived, restore-pending)</li>
 * <li>{@code s3bulkcopy.bytes.copied} (counter, bytes)</li>
 * <li>{@code s3bulkcopy.failures} (counter, tag {@code error.code}: the S3 error code of
 * each failed object)</li>
 * <li>{@code s3bulkcopy.retries} (counter, tag {@code error.code}: the error of each
 * retried attempt)</li>
 * <li>{@code s3bulkcopy.requests.in-flight} (gauge: S3 API calls under way)</li>
 * <li>{@code s3bulkcopy.requests} (counter, tags {@code side} and {@code operation}:
 * every attempt of an S3 request, retries included)</li>
 * </ul>
 * Counts are of this process, from its start. Spring Batch adds its own job and step
 * meters.
 */
public class CopyMetrics implements MeterBinder {

	private final CopyCounts copy;

	private final S3RequestMetrics requests;

	public CopyMetrics(CopyCounts copy, S3RequestMetrics requests) {
		Assert.notNull(copy, "copy is required");
		Assert.notNull(requests, "requests is required");
		this.copy = copy;
		this.requests = requests;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		objects(registry, "copied", CopyCounts::copied);
		objects(registry, "skipped", CopyCounts::skipped);
		objects(registry, "failed", CopyCounts::failed);
		objects(registry, "skipped-invalid-key", CopyCounts::skippedInvalidKey);
		objects(registry, "archived", CopyCounts::archived);
		objects(registry, "restore-pending", CopyCounts::restorePending);
		FunctionCounter.builder("s3bulkcopy.bytes.copied", this.copy, CopyCounts::bytesCopied)
			.baseUnit("bytes")
			.description("Bytes of the objects copied")
			.register(registry);
		Gauge.builder("s3bulkcopy.requests.in-flight", this.requests, S3RequestMetrics::inFlight)
			.description("S3 API calls under way")
			.register(registry);
		this.copy.onFailure((code) -> registry.counter("s3bulkcopy.failures", "error.code", code).increment());
		this.requests.retries()
			.onRetry((code) -> registry.counter("s3bulkcopy.retries", "error.code", code).increment());
		// Looked up once per side and operation, not per request: the registry's lookup
		// builds the meter's id (tags sorted) at every call.
		Map<String, Map<String, Counter>> requestCounters = new ConcurrentHashMap<>();
		this.requests.requests()
			.onRequest(
					(side, operation, retry) -> requestCounters.computeIfAbsent(side, (s) -> new ConcurrentHashMap<>())
						.computeIfAbsent(operation,
								(o) -> registry.counter("s3bulkcopy.requests", "side", side, "operation", operation))
						.increment());
	}

	private void objects(MeterRegistry registry, String outcome,
			java.util.function.ToDoubleFunction<CopyCounts> count) {
		FunctionCounter.builder("s3bulkcopy.objects", this.copy, count)
			.tag("outcome", outcome)
			.description("Objects dealt with by the copy step")
			.register(registry);
	}

}
