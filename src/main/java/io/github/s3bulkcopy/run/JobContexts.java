package io.github.s3bulkcopy.run;

import java.util.Map;

import io.github.s3bulkcopy.S3BulkCopyApplication;
import io.github.s3bulkcopy.audit.VerifyJobConfiguration;
import io.github.s3bulkcopy.batch.BulkCopyJobConfiguration;
import io.github.s3bulkcopy.batch.ExtrasConfiguration;
import io.github.s3bulkcopy.batch.VerificationConfiguration;
import io.github.s3bulkcopy.clients.S3Configuration;
import io.github.s3bulkcopy.jobfile.JobFile;
import io.github.s3bulkcopy.metrics.MetricsConfiguration;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Spring application a command needs: the job database alone (status), or that
 * plus the beans of one job file (copy, restart, verify). The job file is a bean, so
 * configuration classes take it as a parameter like anything else.
 */
public final class JobContexts {

	private JobContexts() {
	}

	/** A context with the job database only. */
	public static ConfigurableApplicationContext repository(Map<String, Object> properties) {
		return builder(properties).sources(S3BulkCopyApplication.class).run();
	}

	/** A context for running one job. */
	public static ConfigurableApplicationContext forJob(JobFile jobFile, Map<String, Object> properties) {
		return forJob(jobFile, properties, new Class<?>[0]);
	}

	/**
	 * A context for running one job, with more configuration classes (the S3 Batch
	 * Operations jobs add theirs); they may use the copy job's beans, such as its
	 * {@code copyStep}.
	 */
	public static ConfigurableApplicationContext forJob(JobFile jobFile, Map<String, Object> properties,
			Class<?>... more) {
		// Every partition holds a connection for its chunk; leave room for the job
		// repository and the lock.
		Map<String, Object> withPool = new java.util.HashMap<>(properties);
		withPool.putIfAbsent("spring.datasource.hikari.maximum-pool-size", jobFile.spec().copy().partitions() + 6);
		return builder(withPool)
			.sources(S3BulkCopyApplication.class, BulkCopyJobConfiguration.class, S3Configuration.class,
					LaunchConfiguration.class, VerificationConfiguration.class, VerifyJobConfiguration.class,
					MetricsConfiguration.class, ExtrasConfiguration.class)
			.sources(more)
			.initializers((context) -> {
				context.getBeanFactory().registerSingleton("jobFile", jobFile);
				context.getBeanFactory().registerSingleton("jobSpec", jobFile.spec());
			})
			.run();
	}

	private static SpringApplicationBuilder builder(Map<String, Object> properties) {
		return new SpringApplicationBuilder().web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.registerShutdownHook(true)
			.properties(properties);
	}

}
