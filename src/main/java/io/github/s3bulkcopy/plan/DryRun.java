package io.github.s3bulkcopy.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.s3bulkcopy.batch.FindExtrasTasklet;
import io.github.s3bulkcopy.copy.ArchivedSource;
import io.github.s3bulkcopy.jobfile.JobSpec;
import io.github.s3bulkcopy.ledger.DestinationExtras;
import io.github.s3bulkcopy.ledger.ExtraObject;
import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.ledger.LedgerCounts;
import io.github.s3bulkcopy.ledger.LedgerRow;
import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.ledger.StorageClassCount;
import io.github.s3bulkcopy.manifest.ManifestException;
import io.github.s3bulkcopy.metrics.RequestCounter;
import io.github.s3bulkcopy.run.RunLauncher;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.util.Assert;

/**
 * Plans a job without copying: the plan step alone, in a job of its own
 * ({@code <name>.dry-run}) so it never touches the real runs; its ledger rows are dropped
 * once counted. With a price table, it also estimates what the run will cost
 * ({@link CostEstimate}): the requests its plan step made are measured as it makes them
 * (a run's plan step makes the same ones), the copy's requests and bytes are added up
 * from the planned rows.
 */
public class DryRun {

	/**
	 * What a run would copy.
	 *
	 * @param counts objects and bytes planned
	 * @param first the first objects of the plan
	 * @param byStorageClass the planned objects by the source storage class the manifest
	 * stated
	 * @param filteredOut objects each filter of the job file left out, by filter name;
	 * empty when none is set
	 * @param cost what the run will cost, when asked for
	 * @param deletions what a mirror ({@code copy.delete-extraneous}) would delete; null
	 * for other jobs
	 */
	public record Plan(LedgerCounts counts, List<PlannedObject> first, List<StorageClassCount> byStorageClass,
			Map<String, Long> filteredOut, @Nullable CostEstimate cost, @Nullable Deletions deletions) {

		/** A plan of a job that deletes nothing. */
		public Plan(LedgerCounts counts, List<PlannedObject> first, List<StorageClassCount> byStorageClass,
				Map<String, Long> filteredOut, @Nullable CostEstimate cost) {
			this(counts, first, byStorageClass, filteredOut, cost, null);
		}

		/** A plan of a job with no filter, and no estimate asked for. */
		public Plan(LedgerCounts counts, List<PlannedObject> first, List<StorageClassCount> byStorageClass) {
			this(counts, first, byStorageClass, Map.of(), null);
		}

		/**
		 * A plan with no object in an archive class, no filter, and no estimate asked
		 * for.
		 */
		public Plan(LedgerCounts counts, List<PlannedObject> first) {
			this(counts, first, List.of(), Map.of(), null);
		}

		/**
		 * The planned objects the manifest names as archived (Glacier Flexible Retrieval,
		 * Deep Archive).
		 */
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

		/**
		 * The planned objects the manifest names as Deep Archive, which has no expedited
		 * retrieval.
		 */
		public long deepArchive() {
			return this.byStorageClass.stream()
				.filter((count) -> "DEEP_ARCHIVE".equals(count.storageClass()))
				.mapToLong(StorageClassCount::objects)
				.sum();
		}

	}

	/**
	 * What a mirror would delete: the destination objects under the destination prefix
	 * that no object of the plan maps to, as the destination lists them now.
	 *
	 * @param count how many
	 * @param first the first of them in listing order
	 * @param maxDeletes {@code copy.max-deletes}: with more than this, the run deletes
	 * none
	 * @param leftOutByFilters destination objects outside the plan that the job's filters
	 * leave out (not deleted)
	 */
	public record Deletions(long count, List<ExtraObject> first, long maxDeletes, long leftOutByFilters) {

		/**
		 * Whether the run would refuse to delete, there being more than
		 * {@code copy.max-deletes}.
		 */
		public boolean refused() {
			return this.count > this.maxDeletes;
		}

	}

	/**
	 * What to estimate the cost with.
	 *
	 * @param prices the price table
	 * @param hostRegion the AWS region this tool runs in, or null when it runs outside
	 * AWS
	 */
	public record CostOptions(PriceTable prices, @Nullable String hostRegion) {
	}

	private final JobOperator jobOperator;

	private final Job dryRunJob;

	private final JdbcLedger ledger;

	private final ManifestChoice manifestChoice;

	private final @Nullable JobSpec spec;

	private final @Nullable RequestCounter requests;

	private final @Nullable DestinationExtras extras;

	public DryRun(JobOperator jobOperator, Job dryRunJob, JdbcLedger ledger, ManifestChoice manifestChoice) {
		this(jobOperator, dryRunJob, ledger, manifestChoice, null, null);
	}

	/**
	 * @param spec the job, for the cost estimate
	 * @param requests this process's request counts, to measure the plan step's requests
	 */
	public DryRun(JobOperator jobOperator, Job dryRunJob, JdbcLedger ledger, ManifestChoice manifestChoice,
			@Nullable JobSpec spec, @Nullable RequestCounter requests) {
		this(jobOperator, dryRunJob, ledger, manifestChoice, spec, requests, null);
	}

	private DryRun(JobOperator jobOperator, Job dryRunJob, JdbcLedger ledger, ManifestChoice manifestChoice,
			@Nullable JobSpec spec, @Nullable RequestCounter requests, @Nullable DestinationExtras extras) {
		this.extras = extras;
		this.spec = spec;
		this.requests = requests;
		Assert.notNull(jobOperator, "jobOperator is required");
		Assert.notNull(dryRunJob, "dryRunJob is required");
		Assert.notNull(ledger, "ledger is required");
		this.jobOperator = jobOperator;
		this.dryRunJob = dryRunJob;
		this.manifestChoice = manifestChoice;
		this.ledger = ledger;
	}

	/**
	 * The same dry run, which with {@code copy.delete-extraneous} also says what the run
	 * would delete (its job then lists the destination after planning).
	 */
	public DryRun withExtras(DestinationExtras extras) {
		return new DryRun(this.jobOperator, this.dryRunJob, this.ledger, this.manifestChoice, this.spec, this.requests,
				extras);
	}

	public Plan plan(int firstKeys) throws Exception {
		return plan(firstKeys, null);
	}

	/** Plans, and with {@code cost} estimates what the run will cost. */
	public Plan plan(int firstKeys, @Nullable CostOptions cost) throws Exception {
		Assert.isTrue(cost == null || (this.spec != null && this.requests != null),
				"a cost estimate needs the job and the request counts");
		if (this.requests != null) {
			this.requests.drain();
		}
		JobParametersBuilder parameters = new JobParametersBuilder().addLong(RunLauncher.RUN,
				System.currentTimeMillis());
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
			Deletions deletions = null;
			if (this.extras != null && this.spec != null && this.spec.copy().deleteExtraneous()) {
				deletions = new Deletions(this.extras.counts(runId).total(), this.extras.first(runId, firstKeys),
						this.spec.copy().maxDeletes(),
						FindExtrasTasklet.leftOutByFilters(execution.getExecutionContext()));
			}
			// The totals the plan step kept, not a count of the rows; with an estimate,
			// one pass over the rows serves it and the storage classes.
			StorageClassCount.Tally byStorageClass = new StorageClassCount.Tally();
			CostEstimate estimate = (cost != null) ? estimate(runId, cost, deletions, byStorageClass) : null;
			return new Plan(this.ledger.totals(runId), this.ledger.first(runId, firstKeys),
					(estimate != null) ? byStorageClass.counts() : this.ledger.storageClassCounts(runId),
					PlanFilter.countsIn(execution.getExecutionContext()), estimate, deletions);
		}
		finally {
			this.ledger.deleteRun(runId);
			if (this.extras != null) {
				this.extras.clear(runId);
			}
		}
	}

	private CostEstimate estimate(long runId, CostOptions cost, @Nullable Deletions deletions,
			StorageClassCount.Tally byStorageClass) {
		Map<String, Long> byOperation = new HashMap<>();
		this.requests.drain()
			.attempts()
			.forEach((key, count) -> byOperation.merge(key.substring(key.indexOf('/') + 1), count, Long::sum));
		CostEstimate.Estimator estimator = new CostEstimate.Estimator(this.spec, cost.hostRegion());
		estimator.planStep(byOperation);
		estimator.perRun();
		// A sum over the rows: read in plan order, which sorts nothing.
		try (Stream<LedgerRow> rows = this.ledger.streamInPlanOrder(runId)) {
			rows.forEach((row) -> {
				estimator.add(row.planned());
				byStorageClass.add(row.planned());
			});
		}
		if (deletions != null && !deletions.refused()) {
			estimator.deletions(deletions.count());
		}
		return estimator.estimate(cost.prices());
	}

}
