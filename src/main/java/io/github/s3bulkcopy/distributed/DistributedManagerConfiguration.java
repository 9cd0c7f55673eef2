package io.github.s3bulkcopy.distributed;

import java.time.Duration;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.github.s3bulkcopy.ProcessSettings;
import io.github.s3bulkcopy.batch.BulkCopyJobConfiguration;
import io.github.s3bulkcopy.batch.CopyProgress;
import io.github.s3bulkcopy.jobfile.FailureThreshold;
import io.github.s3bulkcopy.jobfile.JobSpec;
import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.run.RunStopper;
import jakarta.jms.ConnectionFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.connection.SingleConnectionFactory;
import org.springframework.jms.core.JmsTemplate;

/**
 * The manager of a distributed run ({@code copy --distributed}): the copy step's
 * partitions go as requests to the job's queue through Spring Batch's
 * {@link MessageChannelPartitionHandler}, which then polls the job repository until every
 * partition has ended; a {@link PartitionWatchdog} watches the workers meanwhile. The
 * broker is embedded here unless {@code s3bulkcopy.broker.url} names one. Everything else
 * (plan, report, lock, resume) is the copy job's.
 */
@Configuration(proxyBeanMethods = false)
public class DistributedManagerConfiguration {

	/** The worker step's name, which the requests carry. */
	static final String WORKER_STEP = "copy-partition";

	@Bean
	BrokerSettings brokerSettings(Environment environment, DataSource dataSource) {
		DistributedDatabase.requireShared(dataSource);
		return BrokerSettings.from(environment);
	}

	/** The broker inside the manager, when no existing one is named. */
	@Bean(destroyMethod = "close")
	EmbeddedBroker embeddedBroker(BrokerSettings brokerSettings) throws Exception {
		return brokerSettings.embedded() ? EmbeddedBroker.start(brokerSettings.bind()) : EmbeddedBroker.none();
	}

	@Bean
	JmsTemplate requestTemplate(BrokerSettings brokerSettings, EmbeddedBroker embeddedBroker) {
		SingleConnectionFactory connections = new SingleConnectionFactory(
				(ConnectionFactory) brokerSettings.connectionFactory());
		connections.setReconnectOnException(true);
		return new JmsTemplate(connections);
	}

	@Bean
	WorkerRegistry workerRegistry(JdbcTemplate jdbcTemplate, ProcessSettings settings) {
		return new WorkerRegistry(jdbcTemplate, settings.worker().staleAfter());
	}

	@Bean(BulkCopyJobConfiguration.REMOTE_PARTITION_HANDLER)
	MessageChannelPartitionHandler remoteCopyPartitionHandler(JobSpec spec, JobRepository jobRepository,
			JmsTemplate requestTemplate, ProcessSettings settings) {
		Duration pollInterval = settings.distributed().pollInterval();
		DirectChannel requests = new DirectChannel();
		Consumer<StepExecutionRequest> send = sender(requestTemplate, spec.name());
		requests.subscribe((message) -> send.accept((StepExecutionRequest) message.getPayload()));
		MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
		handler.setStepName(WORKER_STEP);
		handler.setGridSize(spec.copy().partitions());
		handler.setJobRepository(jobRepository);
		handler.setPollInterval(pollInterval.toMillis());
		handler.setMessagingOperations(new MessagingTemplate(requests));
		try {
			handler.afterPropertiesSet();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return handler;
	}

	@Bean(BulkCopyJobConfiguration.REMOTE_PARTITION_LISTENER)
	PartitionWatchdog remoteCopyPartitionListener(JobSpec spec, JobRepository jobRepository,
			WorkerRegistry workerRegistry, JmsTemplate requestTemplate, JdbcLedger ledger, RunStopper runStopper,
			ProcessSettings settings, CopyProgress copyProgress) {
		Duration period = settings.distributed().watchdogPeriod();
		FailureThreshold threshold = spec.copy().maxFailures();
		return new PartitionWatchdog(jobRepository, workerRegistry, sender(requestTemplate, spec.name()), WORKER_STEP,
				period)
			.withProgress(new PartitionProgress(copyProgress), settings.distributed().pollInterval())
			.withFailureCheck(new PartitionWatchdog.FailureCheck() {

				@Override
				public @Nullable String exceeded(JobExecution execution, long written) {
					// This execution's failures: a resume set the earlier ones back to
					// pending.
					long failed = ledger.counts(execution.getJobInstance().getInstanceId()).failed();
					return threshold.exceeded(written, failed)
							? failed + " of " + written + " objects failed, " + threshold : null;
				}

				@Override
				public void stop(JobExecution execution) {
					runStopper.stop(spec.name());
				}

			});
	}

	private static Consumer<StepExecutionRequest> sender(JmsTemplate template, String jobName) {
		String queue = PartitionRequests.queue(jobName);
		return (request) -> template.send(queue,
				(session) -> session.createTextMessage(PartitionRequests.format(request)));
	}

}
