package io.github.s3bulkcopy.distributed;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.s3bulkcopy.ledger.JobDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The manager's watchdog: it sends again the request of a running partition whose owner
 * is gone, once per stale time, and leaves alone partitions whose owner is alive, that
 * nobody owns yet, or that have ended.
 */
class PartitionWatchdogTests {

	@Test
	void sendsAgainOnlyTheRequestOfARunningPartitionWhoseOwnerIsGone() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:watchdog;DB_CLOSE_DELAY=-1", "sa",
				"");
		new JobDatabase(dataSource).initialize();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		WorkerRegistry registry = new WorkerRegistry(jdbc, Duration.ofSeconds(30));
		registry.register("1@alive-host", "job");
		registry.register("2@gone-host", "job");
		jdbc.update("UPDATE BULK_WORKER SET HEARTBEAT = ? WHERE WORKER_ID = ?",
				Timestamp.from(Instant.now().minusSeconds(60)), "2@gone-host");
		JobExecution execution = new JobExecution(7L, new JobInstance(1L, "job"), new JobParameters());
		StepExecution alive = partition(execution, 11, BatchStatus.STARTED);
		StepExecution gone = partition(execution, 12, BatchStatus.STARTED);
		StepExecution unclaimed = partition(execution, 13, BatchStatus.STARTING);
		StepExecution ended = partition(execution, 14, BatchStatus.COMPLETED);
		registry.claim(alive.getId(), "1@alive-host");
		registry.claim(gone.getId(), "2@gone-host");
		registry.claim(ended.getId(), "2@gone-host");
		JobRepository repository = mock(JobRepository.class);
		given(repository.getJobExecution(7L)).willReturn(execution);
		List<StepExecutionRequest> sent = new ArrayList<>();
		PartitionWatchdog watchdog = new PartitionWatchdog(repository, registry, sent::add, "copy-partition",
				Duration.ofSeconds(5));

		watchdog.check(7L);
		watchdog.check(7L);

		assertThat(sent).singleElement().satisfies((request) -> {
			assertThat(request.getStepName()).isEqualTo("copy-partition");
			assertThat(request.getStepExecutionId()).isEqualTo(gone.getId());
		});
		assertThat(unclaimed.getStatus()).isEqualTo(BatchStatus.STARTING);
	}

	@Test
	void stopsTheRunOnceWhenTheWorkersFailuresTogetherCrossTheThreshold() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:watchdog-failures;DB_CLOSE_DELAY=-1", "sa", "");
		new JobDatabase(dataSource).initialize();
		WorkerRegistry registry = new WorkerRegistry(new JdbcTemplate(dataSource), Duration.ofSeconds(30));
		JobExecution execution = new JobExecution(8L, new JobInstance(2L, "job"), new JobParameters());
		partition(execution, 21, BatchStatus.STARTED).setWriteCount(60);
		partition(execution, 22, BatchStatus.STARTED).setWriteCount(50);
		StepExecution manager = new StepExecution(20L, "copy", execution);
		manager.setWriteCount(1000);
		execution.addStepExecution(manager);
		JobRepository repository = mock(JobRepository.class);
		given(repository.getJobExecution(8L)).willReturn(execution);
		List<Long> seen = new ArrayList<>();
		List<JobExecution> stopped = new ArrayList<>();
		PartitionWatchdog watchdog = new PartitionWatchdog(repository, registry, (request) -> {
		}, "copy-partition", Duration.ofSeconds(5)).withFailureCheck(new PartitionWatchdog.FailureCheck() {

			@Override
			public String exceeded(JobExecution job, long written) {
				seen.add(written);
				return (written >= 100) ? "too many" : null;
			}

			@Override
			public void stop(JobExecution job) {
				stopped.add(job);
			}

		});

		watchdog.check(8L);
		watchdog.check(8L);

		assertThat(seen).as("the partitions' items, not the manager step's").containsExactly(110L);
		assertThat(stopped).containsExactly(execution);
	}

	private static StepExecution partition(JobExecution execution, long id, BatchStatus status) {
		StepExecution partition = new StepExecution(id, "copy-partition:partition" + id, execution);
		partition.setStatus(status);
		execution.addStepExecution(partition);
		return partition;
	}

}
