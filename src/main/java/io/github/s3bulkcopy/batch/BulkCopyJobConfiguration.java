package io.github.s3bulkcopy.batch;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.github.s3bulkcopy.copy.ChunkCopier;
import io.github.s3bulkcopy.copy.ObjectCopier;
import io.github.s3bulkcopy.jobfile.CopyVersions;
import io.github.s3bulkcopy.jobfile.JobSpec;
import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.ledger.KeyMapping;
import io.github.s3bulkcopy.ledger.PendingRows;
import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.ledger.ProofCarrier;
import io.github.s3bulkcopy.ledger.VersionSequencer;
import io.github.s3bulkcopy.manifest.ManifestEntry;
import io.github.s3bulkcopy.manifest.ManifestReader;
import io.github.s3bulkcopy.manifest.SourceVersions;
import io.github.s3bulkcopy.plan.PlanReaders;
import io.github.s3bulkcopy.plan.PlanStep;
import io.github.s3bulkcopy.plan.VersionsTasklet;
import io.github.s3bulkcopy.run.RunLauncher;
import io.github.s3bulkcopy.run.RunReporter;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.PartitionStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The copy job: {@code plan} (manifest to ledger) → {@code copy} (the ledger split into
 * partitions, each copied in chunks) → {@code report}. Wiring only; the work is in the
 * beans it builds.
 */
@Configuration(proxyBeanMethods = false)
public class BulkCopyJobConfiguration {

	public static final String DRY_RUN_SUFFIX = ".dry-run";

	/**
	 * The bean that sends the copy step's partitions to remote workers, when a
	 * distributed command adds it.
	 */
	public static final String REMOTE_PARTITION_HANDLER = "remoteCopyPartitionHandler";

	/**
	 * A listener of the copy step a distributed command adds (it watches the workers
	 * while the step runs).
	 */
	public static final String REMOTE_PARTITION_LISTENER = "remoteCopyPartitionListener";

	@Bean
	CopyProgress copyProgress() {
		return new CopyProgress();
	}

	@Bean
	FailureGuard failureGuard(JobSpec spec) {
		return new FailureGuard(spec.copy().maxFailures());
	}

	@Bean
	Job copyJob(JobSpec spec, JobRepository jobRepository, Step planStep, Step versionsStep, Step copyStep,
			Step reportStep, Step extrasStep, Step deleteExtrasStep) {
		if (spec.copy().deleteExtraneous()) {
			// A mirror: once everything is copied, the destination objects the plan does
			// not name are deleted.
			return new JobBuilder(spec.name(), jobRepository).start(planStep)
				.next(versionsStep)
				.next(copyStep)
				.next(extrasStep)
				.next(deleteExtrasStep)
				.next(reportStep)
				.build();
		}
		return new JobBuilder(spec.name(), jobRepository).start(planStep)
			.next(versionsStep)
			.next(copyStep)
			.next(reportStep)
			.build();
	}

	@Bean
	Job dryRunJob(JobSpec spec, JobRepository jobRepository, Step planStep, Step versionsStep, Step extrasStep) {
		if (spec.copy().deleteExtraneous()) {
			// What a mirror would delete: the destination's listing against this plan.
			return new JobBuilder(spec.name() + DRY_RUN_SUFFIX, jobRepository).start(planStep)
				.next(versionsStep)
				.next(extrasStep)
				.build();
		}
		return new JobBuilder(spec.name() + DRY_RUN_SUFFIX, jobRepository).start(planStep).next(versionsStep).build();
	}

	/**
	 * Orders every version of each key, or refuses a manifest naming a key twice
	 * ({@link VersionsTasklet}).
	 */
	@Bean
	Step versionsStep(JobSpec spec, JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcTemplate jdbcTemplate, @Qualifier("manifestS3") ObjectProvider<S3Client> manifestS3) {
		// The sequencer commits as it goes, apart from the step's own transaction, so a
		// killed run resumes it.
		TransactionTemplate ownTransactions = new TransactionTemplate(transactionManager);
		ownTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		VersionsTasklet tasklet = new VersionsTasklet(spec, new VersionSequencer(jdbcTemplate, ownTransactions),
				() -> new SourceVersions(manifestS3.getObject()), jobRepository,
				new ProofCarrier(jdbcTemplate, ownTransactions));
		return new StepBuilder("versions", jobRepository).tasklet(tasklet, transactionManager).build();
	}

	@Bean
	Step planStep(JobSpec spec, JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcLedger ledger, ItemStreamReader<ManifestEntry> manifestReader) {
		return PlanStep.build(spec, jobRepository, transactionManager, ledger, manifestReader,
				new KeyMapping(spec.source().prefix(), spec.destination().prefix()));
	}

	/**
	 * The run's manifest: the {@code manifest} job parameter, which the launcher sets to
	 * the manifest this run reads (the newest inventory report when the job names an
	 * inventory folder), or the job file's own location.
	 */
	// No destroy method (Spring infers close()): the step opens and closes its reader
	// itself, and a stop asked for in this process ends the step's scope while the step
	// still reads (SimpleJobOperator.stop releases the running step's context), which
	// would close the reader under it and fail the run instead of stopping it.
	@Bean(destroyMethod = "")
	@StepScope
	ManifestReader manifestReader(JobSpec spec, ObjectProvider<S3Client> manifestS3,
			@Value("#{jobParameters['" + RunLauncher.MANIFEST + "']}") @Nullable String manifest) {
		return PlanReaders.reader(spec, (manifest != null) ? manifest : spec.manifest().location(),
				manifestS3::getObject);
	}

	/**
	 * The copy step: its partitions run in threads of this process, or, in a distributed
	 * run, on the workers the {@code remoteCopyPartitionHandler} sends them to (the
	 * distributed package adds it, and a listener that watches the workers, only for a
	 * distributed command).
	 */
	@Bean
	Step copyStep(JobSpec spec, JobRepository jobRepository, LedgerPartitioner ledgerPartitioner,
			Step copyPartitionStep,
			@Qualifier(REMOTE_PARTITION_HANDLER) ObjectProvider<PartitionHandler> remotePartitionHandler,
			@Qualifier(REMOTE_PARTITION_LISTENER) ObjectProvider<StepExecutionListener> remotePartitionListener) {
		PartitionHandler remote = remotePartitionHandler.getIfAvailable();
		if (remote != null) {
			PartitionStepBuilder builder = new StepBuilder("copy", jobRepository)
				.partitioner("copy-partition", ledgerPartitioner)
				.step(copyPartitionStep)
				.partitionHandler(remote);
			remotePartitionListener.ifAvailable(builder::listener);
			return builder.build();
		}
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("copy-");
		executor.setConcurrencyLimit(spec.copy().partitions());
		return new StepBuilder("copy", jobRepository).partitioner("copy-partition", ledgerPartitioner)
			.step(copyPartitionStep)
			.gridSize(spec.copy().partitions())
			.taskExecutor(executor)
			.build();
	}

	@Bean
	Step reportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RunReporter runReporter) {
		return new StepBuilder("report", jobRepository).tasklet(new ReportTasklet(runReporter), transactionManager)
			.build();
	}

	@Bean
	@JobScope
	LedgerPartitioner ledgerPartitioner(JdbcLedger ledger, JobSpec spec,
			@Value("#{jobExecution.jobInstance.instanceId}") Long runId) {
		return new LedgerPartitioner(ledger, runId, spec.copy().versions() == CopyVersions.ALL);
	}

	@Bean
	Step copyPartitionStep(JobSpec spec, JobRepository jobRepository, PlatformTransactionManager transactionManager,
			WholeKeysReader pendingKeys, CopyItemWriter copyItemWriter) {
		return new StepBuilder("copy-partition", jobRepository)
			.<List<PlannedObject>, List<PlannedObject>>chunk(spec.copy().chunkSize())
			.reader(pendingKeys)
			.writer(copyItemWriter)
			.transactionManager(transactionManager)
			// Every partition runs again on resume: it reads only pending objects, so a
			// finished one costs a query, and failed objects reset to pending on resume
			// get their retry wherever they are.
			.allowStartIfComplete(true)
			.build();
	}

	/**
	 * The pending objects of one partition a key at a time (its versions together), in
	 * plan order; objects already done are never read again. The rows' reader is made
	 * here, not as a step-scoped bean of its own: each bean of the step's scope is a
	 * proxy that calls through reflection, and its read() runs once per row.
	 */
	@Bean
	@StepScope
	WholeKeysReader pendingKeys(DataSource dataSource, JobSpec spec,
			@Value("#{stepExecutionContext['runId']}") Long runId,
			@Value("#{stepExecutionContext['minSeq']}") Long minSeq,
			@Value("#{stepExecutionContext['maxSeq']}") Long maxSeq) throws Exception {
		return new WholeKeysReader(PendingRows.reader(dataSource, runId, minSeq, maxSeq, spec.copy().chunkSize()));
	}

	@Bean
	@StepScope
	CopyItemWriter copyItemWriter(JobSpec spec, ChunkCopier chunkCopier, ObjectCopier objectCopier, JdbcLedger ledger,
			CopyProgress copyProgress, ObjectProvider<VersionJournal> versionJournal, FailureGuard failureGuard,
			@Value("#{stepExecutionContext['runId']}") Long runId,
			@Value("#{jobParameters['" + RunLauncher.SKIP_EXISTING + "']}") @Nullable String skipExisting,
			@Value("#{jobParameters['" + RunLauncher.RUN + "']}") @Nullable Long run) {
		// The run fixed whether it skips existing objects when it started (RunLauncher);
		// runs started before it did
		// so follow the job file.
		ChunkCopier copier = (skipExisting != null)
				? chunkCopier.doing(objectCopier.withSkipExisting(Boolean.parseBoolean(skipExisting))::copy)
				: chunkCopier;
		// Every copy makes a destination version when every version is copied: a resume
		// must not make one twice.
		return new CopyItemWriter(copier, ledger, runId, copyProgress, failureGuard,
				(spec.copy().versions() == CopyVersions.ALL) ? versionJournal.getObject() : null,
				(run != null) ? run : runId);
	}

	@Bean
	// Lazy: built by the first copy, like the asynchronous clients it holds
	// (S3Configuration).
	@Lazy
	VersionJournal versionJournal(JobSpec spec, JdbcLedger ledger, PlatformTransactionManager transactionManager,
			@Qualifier("destinationS3") S3AsyncClient destinationS3, ObjectCopier objectCopier) {
		TransactionTemplate ownTransactions = new TransactionTemplate(transactionManager);
		ownTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return new VersionJournal(ledger, ownTransactions, destinationS3, spec.destination().bucket(), objectCopier);
	}

}
