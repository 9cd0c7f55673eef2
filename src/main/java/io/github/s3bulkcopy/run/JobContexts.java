package io.github.s3bulkcopy.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.S3BulkCopyApplication;
import io.github.s3bulkcopy.audit.VerifyJobConfiguration;
import io.github.s3bulkcopy.batch.BulkCopyJobConfiguration;
import io.github.s3bulkcopy.batch.ExtrasConfiguration;
import io.github.s3bulkcopy.batch.VerificationConfiguration;
import io.github.s3bulkcopy.clients.S3Configuration;
import io.github.s3bulkcopy.jobfile.JobFile;
import io.github.s3bulkcopy.metrics.MetricsConfiguration;

import org.springframework.aot.AotDetector;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.aot.AotApplicationContextInitializer;
import org.springframework.context.support.AbstractApplicationContext;

/**
 * Starts the Spring application a command needs: the job database alone (status), or that
 * plus the beans of one job file (copy, restart, verify). The job file is a bean, so
 * configuration classes take it as a parameter like anything else.
 * <p>
 * With {@code spring.aot.enabled} (the launcher sets it), each context is built by the
 * code Spring AOT generated for it when the jar was built
 * ({@code io.github.s3bulkcopy.cli.ContextsAheadOfTime}) instead of parsing the
 * configuration classes and evaluating their conditions at every start.
 */
public final class JobContexts {

	/** The configuration classes of every job's context. */
	public static final List<Class<?>> JOB_SOURCES = List.of(S3BulkCopyApplication.class,
			BulkCopyJobConfiguration.class, S3Configuration.class, LaunchConfiguration.class,
			VerificationConfiguration.class, VerifyJobConfiguration.class, MetricsConfiguration.class,
			ExtrasConfiguration.class);

	private JobContexts() {
	}

	/** A context with the job database only. */
	public static ConfigurableApplicationContext repository(Map<String, Object> properties) {
		return builder(properties, S3BulkCopyApplication.class).sources(S3BulkCopyApplication.class).run();
	}

	/** A context for running one job. */
	public static ConfigurableApplicationContext forJob(JobFile jobFile, Map<String, Object> properties) {
		return forJob(jobFile, properties, new Class<?>[0]);
	}

	/**
	 * A context for running one job, with more configuration classes (the S3 Batch
	 * Operations jobs add theirs); they may use the copy job's beans, such as its
	 * {@code copyStep}. At most one: a context's generated code is named after it (a new
	 * one is added to {@code ContextsAheadOfTime.MORE}, or the launcher's runs cannot
	 * start its context).
	 */
	public static ConfigurableApplicationContext forJob(JobFile jobFile, Map<String, Object> properties,
			Class<?>... more) {
		// Every partition holds a connection for its chunk; leave room for the job
		// repository and the lock.
		Map<String, Object> withPool = new HashMap<>(properties);
		withPool.putIfAbsent("spring.datasource.hikari.maximum-pool-size", jobFile.spec().copy().partitions() + 6);
		return builder(withPool, aheadOfTimeName(more)).sources(JOB_SOURCES.toArray(Class<?>[]::new))
			.sources(more)
			.initializers((context) -> {
				context.getBeanFactory().registerSingleton("jobFile", jobFile);
				context.getBeanFactory().registerSingleton("jobSpec", jobFile.spec());
			})
			.run();
	}

	/**
	 * The class the generated code of a job's context with these more configuration
	 * classes is named after: the one it adds, or the copy job's configuration.
	 */
	public static Class<?> aheadOfTimeName(Class<?>... more) {
		if (more.length > 1) {
			throw new IllegalArgumentException("at most one more configuration class: " + List.of(more));
		}
		return (more.length == 0) ? BulkCopyJobConfiguration.class : more[0];
	}

	/**
	 * The name of the initializer Spring AOT generates for a context named after this.
	 */
	public static String aheadOfTimeInitializer(Class<?> name) {
		return name.getName() + "__ApplicationContextInitializer";
	}

	private static SpringApplicationBuilder builder(Map<String, Object> properties, Class<?> aheadOfTimeName) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder().web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.registerShutdownHook(true)
			.properties(properties)
			.initializers((context) -> context.getBeanFactory()
				.registerSingleton(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME, new DefaultMessagesOnly()));
		if (AotDetector.useGeneratedArtifacts()) {
			// Spring Boot would look for one named after the main class, the same for
			// every context.
			builder.initializers(
					AotApplicationContextInitializer.forInitializerClasses(aheadOfTimeInitializer(aheadOfTimeName)));
		}
		return builder;
	}

}
