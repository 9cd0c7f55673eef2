package io.github.s3bulkcopy.plan;

import java.util.function.LongPredicate;
import java.util.function.Supplier;

import io.github.s3bulkcopy.jobfile.JobSpec;
import io.github.s3bulkcopy.jobfile.ManifestType;
import io.github.s3bulkcopy.manifest.InventoryLocator;
import io.github.s3bulkcopy.run.NothingNewException;
import io.github.s3bulkcopy.run.RunLauncher;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.util.Assert;

/**
 * Decides which manifest a new run reads. A job naming an S3 Inventory configuration's
 * folder takes the newest dated report in it, and a run is not started at all when that
 * report is the one the last completed run already copied: a nightly schedule then does
 * nothing, and says so, until S3 delivers the next report. A run that left restores of
 * archived objects pending does not count as having copied its report: the next run reads
 * it again and copies whatever has been restored since.
 */
public class ManifestChoice {

	private final JobSpec spec;

	private final JobRepository jobRepository;

	private final Supplier<S3Client> s3;

	private final LongPredicate restoresPending;

	public ManifestChoice(JobSpec spec, JobRepository jobRepository, Supplier<S3Client> s3) {
		this(spec, jobRepository, s3, (runId) -> false);
	}

	/**
	 * @param spec the job
	 * @param jobRepository where the runs are
	 * @param s3 a client that reads an S3 inventory folder
	 * @param restoresPending whether a run (by its id) left objects whose restore was
	 * pending: the next run reads the same report again, to copy them once restored
	 */
	public ManifestChoice(JobSpec spec, JobRepository jobRepository, Supplier<S3Client> s3,
			LongPredicate restoresPending) {
		Assert.notNull(spec, "spec is required");
		Assert.notNull(jobRepository, "jobRepository is required");
		Assert.notNull(s3, "s3 is required");
		this.spec = spec;
		this.jobRepository = jobRepository;
		this.s3 = s3;
		this.restoresPending = restoresPending;
	}

	/**
	 * The manifest a new run of {@code jobName} reads, or null for a listing.
	 * @throws NothingNewException when the newest inventory report was already copied by
	 * the last completed run
	 */
	public @Nullable String forNewRun(String jobName) {
		String newest = newest();
		if (newest == null || newest.equals(this.spec.manifest().location())) {
			return newest;
		}
		JobExecution lastCompleted = lastCompleted(jobName);
		if (lastCompleted != null && newest.equals(lastCompleted.getJobParameters().getString(RunLauncher.MANIFEST))
				&& !this.restoresPending.test(lastCompleted.getJobInstance().getInstanceId())) {
			throw new NothingNewException("nothing new for job " + jobName + ": the newest inventory report, " + newest
					+ ", was copied by run " + RunLauncher.runNumber(lastCompleted));
		}
		return newest;
	}

	/**
	 * The job file's manifest, or the newest report when it names an inventory folder;
	 * null for a listing.
	 */
	public @Nullable String newest() {
		String location = this.spec.manifest().location();
		if (location == null || this.spec.manifest().type() != ManifestType.INVENTORY
				|| !InventoryLocator.isFolder(location)) {
			return location;
		}
		return InventoryLocator.newest(location, location.startsWith("s3://") ? this.s3.get() : null);
	}

	private @Nullable JobExecution lastCompleted(String jobName) {
		JobInstance last = this.jobRepository.getLastJobInstance(jobName);
		JobExecution execution = (last != null) ? this.jobRepository.getLastJobExecution(last) : null;
		return (execution != null && execution.getStatus() == BatchStatus.COMPLETED) ? execution : null;
	}

}
