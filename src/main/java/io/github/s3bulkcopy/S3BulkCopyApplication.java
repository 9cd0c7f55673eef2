package io.github.s3bulkcopy;

import io.github.s3bulkcopy.metrics.MetricsConfiguration;
import io.github.s3bulkcopy.run.RepositoryConfiguration;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration;
import org.springframework.boot.batch.autoconfigure.BatchJobLauncherAutoConfiguration;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.PersistenceExceptionTranslationAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
import org.springframework.boot.transaction.jta.autoconfigure.JtaAutoConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The Spring Boot application: the job database, Spring Batch's job repository and the
 * process's settings ({@link ProcessSettings}). The beans of a particular job are added
 * by {@link io.github.s3bulkcopy.run.JobContexts} when a command names a job file;
 * {@link io.github.s3bulkcopy.cli.Main} is the entry point.
 */
@SpringBootConfiguration
@Import({ S3BulkCopyApplication.NamedAutoConfigurations.class, S3BulkCopyApplication.FoundAutoConfigurations.class,
		RepositoryConfiguration.class })
@EnableConfigurationProperties(ProcessSettings.class)
public class S3BulkCopyApplication {

	/**
	 * The auto-configurations the commands use, named rather than found on the class
	 * path: the data source and its transaction manager, {@code JdbcTemplate}, Spring
	 * Batch's JDBC job repository and the context's own basics. Finding them reads and
	 * evaluates at every start each auto-configuration the jars list, JMX, JNDI and XA
	 * data sources, health and observation among them, which no command uses.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass(MetricsConfiguration.BOOT_METRICS)
	@AutoConfigurationPackage
	@ImportAutoConfiguration({ ConfigurationPropertiesAutoConfiguration.class, LifecycleAutoConfiguration.class,
			PropertyPlaceholderAutoConfiguration.class, DataSourceAutoConfiguration.class,
			DataSourceInitializationAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
			TransactionManagerCustomizationAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
			BatchAutoConfiguration.class, BatchJdbcAutoConfiguration.class, BatchJobLauncherAutoConfiguration.class })
	static class NamedAutoConfigurations {

	}

	/**
	 * With Spring Boot's Micrometer metrics module added to the build
	 * (docs/operations.md, "Metrics"), the auto-configurations found on the class path,
	 * so that the module's own build the registry. Left out are those whose beans no
	 * command uses, each of which would be built, or would inspect every other bean, at
	 * every start: proxies for {@code @Transactional} and aspects (no bean has either:
	 * the job repository and the ledger run their transactions themselves), a second Bean
	 * Validation factory (job files are validated before the context starts), task
	 * executors and schedulers (the steps make their own), Hikari's metrics,
	 * {@code JdbcClient}, JTA, SSL bundles and the application's availability state.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = MetricsConfiguration.BOOT_METRICS)
	@EnableAutoConfiguration(exclude = { AopAutoConfiguration.class, ApplicationAvailabilityAutoConfiguration.class,
			DataSourcePoolMetricsAutoConfiguration.class, JdbcClientAutoConfiguration.class, JtaAutoConfiguration.class,
			PersistenceExceptionTranslationAutoConfiguration.class, SslAutoConfiguration.class,
			TaskExecutionAutoConfiguration.class, TaskSchedulingAutoConfiguration.class,
			TransactionAutoConfiguration.class, ValidationAutoConfiguration.class })
	static class FoundAutoConfigurations {

	}

}
