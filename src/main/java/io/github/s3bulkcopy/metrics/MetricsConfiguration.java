package io.github.s3bulkcopy.metrics;

import io.github.s3bulkcopy.batch.CopyProgress;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The copy's meters (see {@link CopyMetrics}), exported the usual Spring Boot way: with
 * Spring Boot's Micrometer metrics module ({@code spring-boot-micrometer-metrics}) and a
 * registry such as {@code micrometer-registry-otlp} on the class path, Boot builds the
 * registry from {@code management.*} properties and binds every {@link MeterBinder} bean
 * to it. Without that module there is no registry, and nothing binds them: a meter that
 * nobody reads would still cost each S3 request a counter's update. Wiring only.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

	/**
	 * Present when Spring Boot's Micrometer metrics module is, which then provides the
	 * registry.
	 */
	public static final String BOOT_METRICS = "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration";

	@Bean
	RetryCounter retryCounter() {
		return new RetryCounter();
	}

	@Bean
	RequestCounter requestCounter() {
		return new RequestCounter();
	}

	@Bean
	S3RequestMetrics s3RequestMetrics(RetryCounter retryCounter, RequestCounter requestCounter) {
		return new S3RequestMetrics(retryCounter, requestCounter);
	}

	@Bean
	CopyMetrics copyMetrics(CopyProgress copyProgress, S3RequestMetrics s3RequestMetrics) {
		return new CopyMetrics(copyProgress, s3RequestMetrics);
	}

}
