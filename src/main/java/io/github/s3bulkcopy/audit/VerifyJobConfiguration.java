package io.github.s3bulkcopy.audit;

import java.util.List;

import io.github.s3bulkcopy.batch.CopyItemWriter;
import io.github.s3bulkcopy.batch.CopyProgress;
import io.github.s3bulkcopy.batch.FailureGuard;
import io.github.s3bulkcopy.batch.LedgerPartitioner;
import io.github.s3bulkcopy.batch.ReportTasklet;
import io.github.s3bulkcopy.batch.WholeKeysReader;
import io.github.s3bulkcopy.copy.ChunkCopier;
import io.github.s3bulkcopy.jobfile.FailureThreshold;
import io.github.s3bulkcopy.jobfile.JobFile;
import io.github.s3bulkcopy.jobfile.JobSpec;
import io.github.s3bulkcopy.ledger.DestinationExtras;
import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.pacing.AdaptiveSlots;
import io.github.s3bulkcopy.run.RunLauncher;
import io.github.s3bulkcopy.verify.FullReadVerifier;
import io.github.s3bulkcopy.verify.Verifier;
import software.amazon.awssdk.services.s3.S3AsyncClient;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The verify job ({@code <name>.verify}): the copy job's {@code plan} step (manifest to
 * ledger, a run's rows of its own) → {@code verify} (the ledger split into partitions
 * like the copy step's, each object checked by the {@link ObjectAuditor} and its outcome
 * written to the ledger per chunk) → {@code extras} (destination objects the plan does
 * not name) → {@code verify-report}. It reuses the copy job's partitioner and
 * pending-rows reader, so it resumes the way a copy does. Wiring only.
 */
@Configuration(proxyBeanMethods = false)
public class VerifyJobConfiguration {

	@Bean
	Job verifyJob(JobSpec spec, JobRepository jobRepository, Step planStep, Step versionsStep, Step verifyStep,
			Step verifyReportStep, Step extrasStep) {
		return new JobBuilder(spec.name() + VerifyLauncher.SUFFIX, jobRepository).start(planStep)
			.next(versionsStep)
			.next(verifyStep)
			.next(extrasStep)
			.next(verifyReportStep)
			.build();
	}

	@Bean
	Step verifyStep(JobSpec spec, JobRepository jobRepository, LedgerPartitioner ledgerPartitioner,
			Step verifyPartitionStep) {
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("verify-");
		executor.setConcurrencyLimit(spec.copy().partitions());
		return new StepBuilder("verify", jobRepository).partitioner("verify-partition", ledgerPartitioner)
			.step(verifyPartitionStep)
			.gridSize(spec.copy().partitions())
			.taskExecutor(executor)
			.build();
	}

	@Bean
	Step verifyPartitionStep(JobSpec spec, JobRepository jobRepository, PlatformTransactionManager transactionManager,
			WholeKeysReader pendingKeys, CopyItemWriter verifyItemWriter) {
		return new StepBuilder("verify-partition", jobRepository)
			.<List<PlannedObject>, List<PlannedObject>>chunk(spec.copy().chunkSize())
			.reader(pendingKeys)
			.writer(verifyItemWriter)
			.transactionManager(transactionManager)
			// As the copy step: every partition runs again on resume, for the objects a
			// resume set pending again.
			.allowStartIfComplete(true)
			.build();
	}

	@Bean
	Step verifyReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			VerifyRunReporter verifyRunReporter) {
		return new StepBuilder("verify-report", jobRepository)
			.tasklet(new ReportTasklet(verifyRunReporter), transactionManager)
			.build();
	}

	/**
	 * The copy step's writer, handed a chunk checker instead of a chunk copier: it
	 * records outcomes the same way.
	 */
	@Bean
	@StepScope
	CopyItemWriter verifyItemWriter(@Qualifier("chunkAuditor") ChunkCopier chunkAuditor, JdbcLedger ledger,
			CopyProgress copyProgress, @Value("#{stepExecutionContext['runId']}") Long runId) {
		// A verify run reports what it finds, however much is missing: no failure
		// threshold stops it.
		return new CopyItemWriter(chunkAuditor, ledger, runId, copyProgress, new FailureGuard(FailureThreshold.NONE));
	}

	@Bean
	// Lazy: built by the first copy, like the asynchronous clients it holds
	// (S3Configuration).
	@Lazy
	ChunkCopier chunkAuditor(ObjectAuditor objectAuditor, AdaptiveSlots adaptiveSlots) {
		return new ChunkCopier(objectAuditor::audit, adaptiveSlots);
	}

	@Bean
	@Lazy
	ObjectAuditor objectAuditor(JobSpec spec, @Qualifier("sourceS3") S3AsyncClient sourceS3,
			@Qualifier("destinationS3") S3AsyncClient destinationS3, Verifier verifier,
			FullReadVerifier fullReadVerifier) {
		return new ObjectAuditor(sourceS3, destinationS3, spec.destination().bucket(), verifier, fullReadVerifier);
	}

	@Bean
	VerifyRunReporter verifyRunReporter(JobFile jobFile, JdbcLedger ledger, DestinationExtras destinationExtras) {
		return new VerifyRunReporter(jobFile, ledger, destinationExtras);
	}

	@Bean
	VerifyLauncher verifyLauncher(RunLauncher runLauncher, @Qualifier("verifyJob") Job verifyJob,
			VerifyRunReporter verifyRunReporter) {
		return new VerifyLauncher(runLauncher, verifyJob, verifyRunReporter);
	}

}
