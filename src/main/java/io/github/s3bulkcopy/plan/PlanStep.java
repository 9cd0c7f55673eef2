package io.github.s3bulkcopy.plan;

import io.github.s3bulkcopy.jobfile.CopyVersions;
import io.github.s3bulkcopy.jobfile.JobSpec;
import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.ledger.KeyMapping;
import io.github.s3bulkcopy.manifest.ManifestEntry;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code plan} step of every job that copies (copy, its dry run, verify, batch-copy):
 * the manifest's entries, filtered ({@link PlanFilter}), numbered into the ledger
 * ({@link LedgerPlanWriter}) a chunk at a time. The jobs differ only in the reader
 * ({@link PlanReaders}) and in how destination keys are made.
 */
public final class PlanStep {

	/**
	 * Manifest entries per chunk: one transaction, and one position of the reader to
	 * restart from.
	 */
	static final int CHUNK = 1000;

	private PlanStep() {
	}

	/**
	 * @param keys how a source key becomes its destination key
	 */
	public static Step build(JobSpec spec, JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcLedger ledger, ItemStreamReader<ManifestEntry> reader, KeyMapping keys) {
		// All versions: the versions step renumbers the plan, each key's oldest first.
		LedgerPlanWriter writer = new LedgerPlanWriter(ledger, keys, spec.copy().versions() == CopyVersions.ALL);
		PlanFilter filter = new PlanFilter(spec.copy().versions(), spec.filter(), spec.source().prefix());
		return new StepBuilder("plan", jobRepository).<ManifestEntry, ManifestEntry>chunk(CHUNK)
			.reader(new TargetOnOpen<>(reader))
			.processor(filter)
			.writer(writer)
			.stream(writer)
			.stream(filter)
			.listener(writer)
			.listener(filter)
			.transactionManager(transactionManager)
			.build();
	}

	/**
	 * Whether the run's plan step noted, in the job's context, that its rows in plan
	 * order are already in the report's order (by key, then version): the report can then
	 * read them without sorting ({@code JdbcLedger.streamByKey(runId, true)}).
	 */
	public static boolean inKeyOrder(ExecutionContext jobContext) {
		return LedgerPlanWriter.inKeyOrder(jobContext);
	}

}
