package io.github.s3bulkcopy.job;

import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.copy.ArchivedSource;
import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.ledger.LedgerCounts;
import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.ledger.StorageClassCount;
import io.github.s3bulkcopy.manifest.ManifestException;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.util.Assert;

/**
 * Plans a job without copying: the plan step alone, in a job of its own ({@code <name>.dry-run}) so it never touches
 * the real runs; its ledger rows are dropped once counted.
 */
public class DryRun {

	/**
	 * What a run would copy.
	 *
	 * @param counts objects and bytes planned
	 * @param first the first objects of the plan
	 * @param byStorageClass the planned objects by the source storage class the manifest stated
	 * @param filteredOut objects each filter of the job file left out, by filter name; empty when none is set
	 */
	public record Plan(LedgerCounts counts, List<PlannedObject> first, List<StorageClassCount> byStorageClass,
			Map<String, Long> filteredOut) {

		/** A plan of a job with no filter. */
		public Plan(LedgerCounts counts, List<PlannedObject> first, List<StorageClassCount> byStorageClass) {
			this(counts, first, byStorageClass, Map.of());
		}

		/** The planned objects the manifest names as archived (Glacier Flexible Retrieval, Deep Archive). */
		public StorageClassCount archived() {
			long objects = 0;
			long bytes = 0;
			for (StorageClassCount count : this.byStorageClass) {
				if (count.storageClass() != null && ArchivedSource.ARCHIVE_CLASSES.contains(count.storageClass())) {
					objects += count.objects();
					bytes += count.bytes();
				}
			}
			return new StorageClassCount(null, objects, bytes);
		}

		/** The planned objects the manifest names as Deep Archive, which has no expedited retrieval. */
		public long deepArchive() {
			return this.byStorageClass.stream()
				.filter((count) -> "DEEP_ARCHIVE".equals(count.storageClass()))
				.mapToLong(StorageClassCount::objects)
				.sum();
		}

	}

	private final JobOperator jobOperator;

	private final Job dryRunJob;

	private final JdbcLedger ledger;

	private final ManifestChoice manifestChoice;

	public DryRun(JobOperator jobOperator, Job dryRunJob, JdbcLedger ledger, ManifestChoice manifestChoice) {
		Assert.notNull(jobOperator, "jobOperator is required");
		Assert.notNull(dryRunJob, "dryRunJob is required");
		Assert.notNull(ledger, "ledger is required");
		this.jobOperator = jobOperator;
		this.dryRunJob = dryRunJob;
		this.manifestChoice = manifestChoice;
		this.ledger = ledger;
	}

	public Plan plan(int firstKeys) throws Exception {
		JobParametersBuilder parameters = new JobParametersBuilder().addLong(RunLauncher.RUN, System.currentTimeMillis());
		String manifest = this.manifestChoice.newest();
		if (manifest != null) {
			parameters.addString(RunLauncher.MANIFEST, manifest, false);
		}
		JobExecution execution = this.jobOperator.start(this.dryRunJob, parameters.toJobParameters());
		long runId = execution.getJobInstance().getInstanceId();
		try {
			if (execution.getStatus() != BatchStatus.COMPLETED) {
				ManifestException bad = RunLauncher.findCause(execution.getAllFailureExceptions(),
						ManifestException.class);
				if (bad != null) {
					throw new InvalidManifestException(bad.getMessage(), bad);
				}
				throw new IllegalStateException("the dry run failed: " + execution.getAllFailureExceptions()
					.stream()
					.map(RunLauncher::describe)
					.findFirst()
					.orElse(execution.getExitStatus().getExitDescription()));
			}
			return new Plan(this.ledger.counts(runId), this.ledger.first(runId, firstKeys),
					this.ledger.storageClassCounts(runId), PlanFilter.countsIn(execution.getExecutionContext()));
		}
		finally {
			this.ledger.deleteRun(runId);
		}
	}

}
