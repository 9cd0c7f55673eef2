package io.github.s3bulkcopy.run;

import javax.sql.DataSource;

import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.ledger.JobDatabase;

import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every command that touches the job database needs, with or without a job file.
 * Wiring only.
 */
@Configuration(proxyBeanMethods = false)
public class RepositoryConfiguration {

	@Bean(initMethod = "initialize")
	JobDatabase jobDatabase(DataSource dataSource) {
		return new JobDatabase(dataSource);
	}

	@Bean
	JdbcLedger ledger(JdbcTemplate jdbcTemplate, JobDatabase jobDatabase) {
		return new JdbcLedger(jdbcTemplate);
	}

	@Bean
	RunStopper runStopper(JobOperator jobOperator, JobRepository jobRepository) {
		return new RunStopper(jobOperator, jobRepository);
	}

	@Bean
	RunCatalog runCatalog(JobRepository jobRepository, JdbcLedger ledger, JdbcTemplate jdbcTemplate,
			JobDatabase jobDatabase) {
		return new RunCatalog(jobRepository, ledger, jdbcTemplate);
	}

}
