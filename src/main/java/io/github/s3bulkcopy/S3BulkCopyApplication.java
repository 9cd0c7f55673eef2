package io.github.s3bulkcopy;

import io.github.s3bulkcopy.run.RepositoryConfiguration;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.PersistenceExceptionTranslationAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.jta.autoconfigure.JtaAutoConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The Spring Boot application: the job database, Spring Batch's job repository and the
 * process's settings ({@link ProcessSettings}). The beans of a particular job are added
 * by {@link io.github.s3bulkcopy.run.JobContexts} when a command names a job file;
 * {@link io.github.s3bulkcopy.cli.Main} is the entry point.
 * <p>
 * Left out are the auto-configurations whose beans no command uses, each of which would
 * be built, or would inspect every other bean, at every start: proxies for
 * {@code @Transactional} and aspects (no bean has either: the job repository and the
 * ledger run their transactions themselves), a second Bean Validation factory (job files
 * are validated before the context starts), task executors and schedulers (the steps make
 * their own), Hikari's metrics, {@code JdbcClient}, JTA, SSL bundles and the
 * application's availability state.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = { AopAutoConfiguration.class, ApplicationAvailabilityAutoConfiguration.class,
		DataSourcePoolMetricsAutoConfiguration.class, JdbcClientAutoConfiguration.class, JtaAutoConfiguration.class,
		PersistenceExceptionTranslationAutoConfiguration.class, SslAutoConfiguration.class,
		TaskExecutionAutoConfiguration.class, TaskSchedulingAutoConfiguration.class, TransactionAutoConfiguration.class,
		ValidationAutoConfiguration.class })
@Import(RepositoryConfiguration.class)
@EnableConfigurationProperties(ProcessSettings.class)
public class S3BulkCopyApplication {

}
