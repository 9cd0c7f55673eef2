package io.github.s3bulkcopy.job;

import java.time.Duration;

import io.github.s3bulkcopy.jobfile.JobFile;
import io.github.s3bulkcopy.ledger.JdbcLedger;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Starting, resuming and reporting runs of the job file's job. Wiring only. */
@Configuration(proxyBeanMethods = false)
class LaunchConfiguration {

	@Bean
	RunReporter runReporter(JobFile jobFile, JdbcLedger ledger) {
		return new LedgerRunReporter(jobFile, ledger);
	}

	@Bean
	RunLauncher runLauncher(JobOperator jobOperator, JobRepository jobRepository, @Qualifier("copyJob") Job copyJob,
			JdbcLedger ledger, JdbcTemplate jdbcTemplate, JobFile jobFile, RunReporter runReporter,
			@Value("${s3bulkcopy.lock.stale-after:30s}") Duration lockStaleAfter) {
		return new RunLauncher(jobOperator, jobRepository, copyJob, ledger, jdbcTemplate, jobFile, runReporter,
				lockStaleAfter);
	}

	@Bean
	DryRun dryRun(JobOperator jobOperator, @Qualifier("dryRunJob") Job dryRunJob, JdbcLedger ledger) {
		return new DryRun(jobOperator, dryRunJob, ledger);
	}

}
