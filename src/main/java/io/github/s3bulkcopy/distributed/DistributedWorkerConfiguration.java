package io.github.s3bulkcopy.distributed;

import java.time.Duration;

import javax.sql.DataSource;

import io.github.s3bulkcopy.copy.MultipartJanitor;
import io.github.s3bulkcopy.jobfile.JobFile;
import jakarta.jms.ConnectionFactory;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A worker of a distributed run ({@code worker --job FILE}): the copy job's beans, of which it runs the partition
 * step, plus a broker connection and the {@link Worker} that serves the job's queue.
 */
@Configuration(proxyBeanMethods = false)
public class DistributedWorkerConfiguration {

	@Bean
	BrokerSettings brokerSettings(Environment environment, DataSource dataSource) {
		DistributedDatabase.requireShared(dataSource);
		return BrokerSettings.from(environment);
	}

	@Bean
	WorkerRegistry workerRegistry(JdbcTemplate jdbcTemplate,
			@Value("${s3bulkcopy.worker.stale-after:30s}") Duration staleAfter) {
		return new WorkerRegistry(jdbcTemplate, staleAfter);
	}

	/** Spring Batch's worker side: loads the requested step execution from the job database and runs the step. */
	@Bean
	StepExecutionRequestHandler stepExecutionRequestHandler(JobRepository jobRepository,
			@Qualifier("copyPartitionStep") Step copyPartitionStep) {
		StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
		handler.setJobRepository(jobRepository);
		handler.setStepLocator((name) -> copyPartitionStep.getName().equals(name) ? copyPartitionStep : null);
		return handler;
	}

	@Bean
	Worker worker(JobFile jobFile, JobRepository jobRepository, WorkerRegistry workerRegistry,
			BrokerSettings brokerSettings, StepExecutionRequestHandler stepExecutionRequestHandler,
			JdbcTemplate jdbcTemplate, @Qualifier("destinationSyncS3") S3Client destination) {
		return new Worker(jobFile, jobRepository, workerRegistry, (ConnectionFactory) brokerSettings.connectionFactory(),
				stepExecutionRequestHandler,
				new PartitionUploadsCleanup(new MultipartJanitor(destination, jobFile.spec().destination().bucket()),
						jdbcTemplate, jobFile.spec().destination().prefix()));
	}

}
