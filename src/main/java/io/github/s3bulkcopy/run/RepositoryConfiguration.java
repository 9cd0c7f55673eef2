package io.github.s3bulkcopy.run;

import javax.sql.DataSource;

import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.ledger.OpeningDataSource;

import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every command that touches the job database needs, with or without a job file.
 * Wiring only.
 */
@Configuration(proxyBeanMethods = false)
public class RepositoryConfiguration {

	/**
	 * Every bean gets the data source as {@link OpeningDataSource}: the job database
	 * opens while they are made, and their first connection waits for its tables.
	 */
	@Bean
	static BeanPostProcessor jobDatabaseOpening() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof DataSource dataSource && !(bean instanceof OpeningDataSource))
						? OpeningDataSource.open(dataSource) : bean;
			}

		};
	}

	@Bean
	JdbcLedger ledger(JdbcTemplate jdbcTemplate) {
		return new JdbcLedger(jdbcTemplate);
	}

	@Bean
	RunStopper runStopper(JobOperator jobOperator, JobRepository jobRepository) {
		return new RunStopper(jobOperator, jobRepository);
	}

	@Bean
	RunCatalog runCatalog(JobRepository jobRepository, JdbcLedger ledger, JdbcTemplate jdbcTemplate) {
		return new RunCatalog(jobRepository, ledger, jdbcTemplate);
	}

}
