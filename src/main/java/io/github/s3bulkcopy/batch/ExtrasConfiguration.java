package io.github.s3bulkcopy.batch;

import io.github.s3bulkcopy.audit.ExtraFinder;
import io.github.s3bulkcopy.copy.ExtraDeleter;
import io.github.s3bulkcopy.jobfile.JobSpec;
import io.github.s3bulkcopy.ledger.DestinationExtras;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps that look at the destination the other way round: {@code extras} (destination
 * objects the plan does not name, for verify runs, dry runs and mirrors) and
 * {@code delete-extras} ({@code copy.delete-extraneous}). Wiring only.
 */
@Configuration(proxyBeanMethods = false)
public class ExtrasConfiguration {

	@Bean
	DestinationExtras destinationExtras(JdbcTemplate jdbcTemplate) {
		return new DestinationExtras(jdbcTemplate);
	}

	@Bean
	Step extrasStep(JobSpec spec, JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DestinationExtras destinationExtras, @Qualifier("destinationSyncS3") ObjectProvider<S3Client> destinationS3,
			@Qualifier("manifestS3") ObjectProvider<S3Client> sourceS3) {
		FindExtrasTasklet tasklet = new FindExtrasTasklet(() -> new ExtraFinder(destinationS3.getObject(),
				spec.destination().bucket(), spec.destination().prefix(), spec.source().prefix(), spec.filter(),
				ExtraFinder.headOf(sourceS3.getObject(), spec.source().bucket()), destinationExtras));
		return new StepBuilder("extras", jobRepository).tasklet(tasklet, transactionManager).build();
	}

	@Bean
	Step deleteExtrasStep(JobSpec spec, JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DestinationExtras destinationExtras,
			@Qualifier("destinationSyncS3") ObjectProvider<S3Client> destinationS3) {
		TransactionTemplate ownTransactions = new TransactionTemplate(transactionManager);
		ownTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		Tasklet tasklet = (contribution,
				chunkContext) -> new DeleteExtrasTasklet(destinationExtras,
						new ExtraDeleter(destinationS3.getObject(), spec.destination().bucket()),
						spec.copy().maxDeletes(), ownTransactions)
					.execute(contribution, chunkContext);
		return new StepBuilder("delete-extras", jobRepository).tasklet(tasklet, transactionManager).build();
	}

}
