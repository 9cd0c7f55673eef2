package io.github.s3bulkcopy.distributed;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.github.s3bulkcopy.ProcessSettings;
import io.github.s3bulkcopy.batch.CopyProgress;
import io.github.s3bulkcopy.copy.MultipartJanitor;
import io.github.s3bulkcopy.jobfile.JobFile;
import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.metrics.RequestCounter;
import io.github.s3bulkcopy.metrics.RetryCounter;
import io.github.s3bulkcopy.run.LedgerRunReporter;
import jakarta.jms.ConnectionFactory;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.item.ChunkOrientedStep;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A worker of a distributed run ({@code worker --job FILE}): the copy job's beans, of
 * which it runs the partition step, plus a broker connection and the {@link Worker} that
 * serves the job's queue.
 */
@Configuration(proxyBeanMethods = false)
public class DistributedWorkerConfiguration {

	@Bean
	BrokerSettings brokerSettings(Environment environment, DataSource dataSource) {
		DistributedDatabase.requireShared(dataSource);
		return BrokerSettings.from(environment);
	}

	@Bean
	WorkerRegistry workerRegistry(JdbcTemplate jdbcTemplate, ProcessSettings settings) {
		return new WorkerRegistry(jdbcTemplate, settings.worker().staleAfter());
	}

	/**
	 * Spring Batch's worker side: loads the requested step execution from the job
	 * database and runs the step.
	 */
	@Bean
	StepExecutionRequestHandler stepExecutionRequestHandler(JobRepository jobRepository,
			@Qualifier("copyPartitionStep") Step copyPartitionStep, PartitionRelease partitionRelease) {
		if (!(copyPartitionStep instanceof ChunkOrientedStep<?, ?> chunked)) {
			throw new IllegalStateException("a worker hands partitions back at chunk boundaries: the copy step must be "
					+ "a ChunkOrientedStep, not " + copyPartitionStep.getClass().getName());
		}
		chunked.setInterruptionPolicy(partitionRelease);
		StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
		handler.setJobRepository(jobRepository);
		handler.setStepLocator((name) -> copyPartitionStep.getName().equals(name) ? copyPartitionStep : null);
		return handler;
	}

	@Bean
	PartitionRelease partitionRelease() {
		return new PartitionRelease();
	}

	@Bean
	Worker worker(PartitionRelease partitionRelease, JobFile jobFile, JobRepository jobRepository,
			WorkerRegistry workerRegistry, BrokerSettings brokerSettings,
			StepExecutionRequestHandler stepExecutionRequestHandler, JdbcTemplate jdbcTemplate,
			@Qualifier("destinationSyncS3") S3Client destination, RetryCounter retryCounter,
			RequestCounter requestCounter, CopyProgress copyProgress) {
		// Each chunk's counts go with the partition's commit, for the manager's progress
		// line and meters.
		copyProgress.onChunk(PartitionProgress::addToCurrentPartition);
		String self = WorkerRegistry.thisProcess();
		AtomicLong sequence = new AtomicLong();
		// What this worker's S3 clients counted, added to the partition's context under
		// keys of its own, which the manager's report sums with its own counts.
		Consumer<StepExecution> counters = (partition) -> {
			String suffix = "worker." + partition.getId() + "." + self + "." + sequence.incrementAndGet();
			Map<String, Long> retries = retryCounter.drain();
			RequestCounter.Drained requests = requestCounter.drain();
			ExecutionContext context = partition.getExecutionContext();
			putIfAny(context, LedgerRunReporter.RETRIES_KEY + suffix, retries);
			putIfAny(context, LedgerRunReporter.REQUESTS_KEY + suffix, requests.attempts());
			putIfAny(context, LedgerRunReporter.REQUEST_RETRIES_KEY + suffix, requests.retries());
			jobRepository.updateExecutionContext(partition);
		};
		return new Worker(jobFile, jobRepository, workerRegistry,
				(ConnectionFactory) brokerSettings.connectionFactory(), stepExecutionRequestHandler,
				new PartitionUploadsCleanup(new MultipartJanitor(destination, jobFile.spec().destination().bucket()),
						new JdbcLedger(jdbcTemplate), jobFile.spec().destination().prefix(), counters),
				partitionRelease);
	}

	private static void putIfAny(ExecutionContext context, String key, Map<String, Long> counts) {
		if (!counts.isEmpty()) {
			context.put(key, new HashMap<>(counts));
		}
	}

}
