package io.github.s3bulkcopy.distributed;

import java.util.Map;

import io.github.s3bulkcopy.run.JobContexts;
import io.github.s3bulkcopy.testsupport.LocalPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What keeps a stale worker from committing over the worker that took its partition over,
 * on the job database of a distributed run (PostgreSQL): every update of a step execution
 * is made under its version, and starting a partition again raises that version.
 */
class PartitionFenceIntegrationTests {

	@Test
	void aWorkerHoldingAnOlderVersionOfAPartitionCannotUpdateItAfterAnotherStartedItAgain() {
		LocalPostgres.Database database = LocalPostgres.database();
		System.setProperty("spring.datasource.url", database.url());
		System.setProperty("spring.datasource.username", LocalPostgres.Database.USER);
		System.setProperty("spring.datasource.password", "");
		try (ConfigurableApplicationContext context = JobContexts.repository(Map.of())) {
			JobRepository repository = context.getBean(JobRepository.class);
			JobParameters parameters = new JobParametersBuilder().addLong("run", 1L).toJobParameters();
			JobInstance instance = repository.createJobInstance("fence-job", parameters);
			JobExecution execution = repository.createJobExecution(instance, parameters, new ExecutionContext());
			StepExecution created = repository.createStepExecution("copy-partition:partition0", execution);
			long id = created.getId();
			// the first worker starts the partition
			StepExecution stale = repository.getStepExecution(id);
			stale.setStatus(BatchStatus.STARTED);
			repository.update(stale);

			// it is cut off; another worker takes the partition over and starts it again,
			// as AbstractStep does
			StepExecution taker = repository.getStepExecution(id);
			taker.setStatus(BatchStatus.STARTED);
			repository.update(taker);
			taker.setWriteCount(20);
			repository.update(taker);

			// the stale worker's next chunk commit
			stale.setWriteCount(40);
			assertThatExceptionOfType(OptimisticLockingFailureException.class)
				.isThrownBy(() -> repository.update(stale));
			assertThat(new JdbcTemplate(database.dataSource()).queryForObject(
					"SELECT WRITE_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_EXECUTION_ID = ?", Long.class, id))
				.isEqualTo(20);
		}
		finally {
			System.clearProperty("spring.datasource.url");
			System.clearProperty("spring.datasource.username");
			System.clearProperty("spring.datasource.password");
		}
	}

}
