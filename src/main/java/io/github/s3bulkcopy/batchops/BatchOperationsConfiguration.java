package io.github.s3bulkcopy.batchops;

import java.util.Map;

import io.github.s3bulkcopy.ProcessSettings;
import io.github.s3bulkcopy.clients.S3ClientFactory;
import io.github.s3bulkcopy.jobfile.JobFile;
import io.github.s3bulkcopy.jobfile.JobSpec;
import io.github.s3bulkcopy.ledger.BatchLedger;
import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.ledger.KeyMapping;
import io.github.s3bulkcopy.plan.PlanReaders;
import io.github.s3bulkcopy.plan.PlanStep;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The Batch Operations jobs of a job file, beside its copy job (whose {@code copyStep}
 * batch-copy reuses for the objects above the Batch Operations limit). Wiring only.
 * <ul>
 * <li>{@code <name>.batch-copy}: plan → split → submit → wait → fold → (Complete: copy) →
 * report</li>
 * <li>{@code <name>.replicate}: submit → wait → fold → report</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class BatchOperationsConfiguration {

	private static final String COPY = "COPY";

	@Bean
	BatchProgress batchProgress() {
		return new BatchProgress();
	}

	@Bean(destroyMethod = "close")
	BatchOperationsClients batchOperationsClients(S3ClientFactory s3ClientFactory, JobSpec spec) {
		return new BatchOperationsClients(s3ClientFactory, spec);
	}

	@Bean
	BatchJobControl batchJobControl(BatchOperationsClients clients, JobSpec spec, JobRepository jobRepository) {
		return new BatchJobControl(clients, spec, jobRepository);
	}

	@Bean
	BatchLedger batchLedger(JdbcTemplate jdbcTemplate) {
		return new BatchLedger(jdbcTemplate);
	}

	@Bean
	BatchRunReporter batchRunReporter(JobFile jobFile, JdbcLedger ledger) {
		return new BatchRunReporter(jobFile, ledger);
	}

	@Bean
	Job batchCopyJob(JobSpec spec, JobRepository jobRepository, Step batchPlanStep, Step batchSplitStep,
			Step batchSubmitStep, Step batchWaitStep, Step batchFoldStep, Step copyStep, Step batchReportStep) {
		JobExecutionDecider completed = (job, step) -> {
			String status = BatchJobState.status(job);
			boolean copy = job.getExecutionContext().containsKey(BatchJobState.NO_AWS_JOB)
					|| "complete".equalsIgnoreCase(status);
			return new FlowExecutionStatus(copy ? COPY : "REPORT");
		};
		return new JobBuilder(BatchOperation.COPY.jobName(spec.name()), jobRepository).start(batchPlanStep)
			.next(batchSplitStep)
			.next(batchSubmitStep)
			.next(batchWaitStep)
			.next(batchFoldStep)
			.next(completed)
			.on(COPY)
			.to(copyStep)
			.next(batchReportStep)
			.from(completed)
			.on("*")
			.to(batchReportStep)
			.end()
			.build();
	}

	@Bean
	Job replicateJob(JobSpec spec, JobRepository jobRepository, Step batchSubmitStep, Step batchWaitStep,
			Step batchFoldStep, Step batchReportStep) {
		return new JobBuilder(BatchOperation.REPLICATE.jobName(spec.name()), jobRepository).start(batchSubmitStep)
			.next(batchWaitStep)
			.next(batchFoldStep)
			.next(batchReportStep)
			.build();
	}

	/**
	 * The plan of batch-copy: as the copy job's, except that destination keys keep the
	 * whole source key, since Batch Operations puts TargetKeyPrefix in front of the whole
	 * key; objects this tool copies land alike.
	 */
	@Bean
	Step batchPlanStep(JobSpec spec, JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcLedger ledger, ObjectProvider<S3Client> manifestS3) {
		return PlanStep.build(spec, jobRepository, transactionManager, ledger,
				PlanReaders.reader(spec, spec.manifest().location(), manifestS3::getObject),
				new KeyMapping("", spec.destination().prefix()));
	}

	@Bean
	Step batchSplitStep(JobSpec spec, JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcLedger ledger, BatchLedger batchLedger, @Qualifier("sourceS3") S3AsyncClient sourceS3,
			BatchOperationsClients clients, BatchProgress progress) {
		return new StepBuilder("split", jobRepository)
			.tasklet(new SplitTasklet(spec, batchLedger, ledger, sourceS3, clients, progress), transactionManager)
			.build();
	}

	@Bean
	Step batchSubmitStep(JobSpec spec, JobRepository jobRepository, PlatformTransactionManager transactionManager,
			BatchOperationsClients clients, BatchProgress progress) {
		return new StepBuilder("submit", jobRepository)
			.tasklet(new SubmitTasklet(spec, clients, progress), transactionManager)
			.build();
	}

	@Bean
	Step batchWaitStep(JobFile jobFile, JobRepository jobRepository, PlatformTransactionManager transactionManager,
			BatchJobControl control, BatchProgress progress, ProcessSettings settings) {
		WaitTasklet tasklet = new WaitTasklet(control, jobFile, progress, settings.batchOperations().pollInterval(),
				settings.batchOperations().maxPollInterval());
		return new StepBuilder("wait", jobRepository).tasklet(tasklet, transactionManager).listener(tasklet).build();
	}

	@Bean
	Step batchFoldStep(JobSpec spec, JobRepository jobRepository, PlatformTransactionManager transactionManager,
			BatchOperationsClients clients, JdbcLedger ledger, BatchLedger batchLedger, BatchProgress progress) {
		FoldTasklet tasklet = new FoldTasklet(spec, clients, ledger, batchLedger, progress);
		return new StepBuilder("fold", jobRepository).tasklet(tasklet, transactionManager).listener(tasklet).build();
	}

	@Bean
	Step batchReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			BatchRunReporter reporter) {
		return new StepBuilder("report", jobRepository).tasklet((contribution, chunk) -> {
			reporter.write(chunk.getStepContext().getStepExecution().getJobExecution());
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	@Bean
	BatchRunLauncher batchRunLauncher(JobOperator jobOperator, JobRepository jobRepository,
			@Qualifier("batchCopyJob") Job batchCopyJob, @Qualifier("replicateJob") Job replicateJob, JdbcLedger ledger,
			JdbcTemplate jdbcTemplate, JobFile jobFile, BatchRunReporter reporter, ProcessSettings settings) {
		return new BatchRunLauncher(jobOperator, jobRepository,
				Map.of(BatchOperation.COPY, batchCopyJob, BatchOperation.REPLICATE, replicateJob), ledger, jdbcTemplate,
				jobFile, reporter, settings.lock().staleAfter());
	}

}
