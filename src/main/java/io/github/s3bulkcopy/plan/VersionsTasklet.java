package io.github.s3bulkcopy.plan;

import java.util.Map;
import java.util.function.Supplier;

import io.github.s3bulkcopy.jobfile.CopyVersions;
import io.github.s3bulkcopy.jobfile.JobSpec;
import io.github.s3bulkcopy.jobfile.ManifestType;
import io.github.s3bulkcopy.ledger.ProofCarrier;
import io.github.s3bulkcopy.ledger.VersionFacts;
import io.github.s3bulkcopy.ledger.VersionSequencer;
import io.github.s3bulkcopy.manifest.ManifestException;
import io.github.s3bulkcopy.run.RunLauncher;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.util.Assert;

/**
 * The step after the plan that settles which versions of a key are copied in which order:
 * with {@code copy.versions: all} it orders every key's versions oldest first
 * ({@link VersionSequencer}); with {@code current} it refuses a CSV manifest that names
 * one key more than once, since which of its versions would end up current at the
 * destination is anybody's guess. Either way, a run that skips unchanged objects gets the
 * verified copies the job's previous run recorded ({@link ProofCarrier}; the sequencer
 * carries them with the versions).
 */
public class VersionsTasklet implements Tasklet {

	private final JobSpec spec;

	private final VersionSequencer sequencer;

	private final Supplier<VersionFacts.Source> dates;

	private final JobRepository jobRepository;

	private final ProofCarrier proofs;

	public VersionsTasklet(JobSpec spec, VersionSequencer sequencer, Supplier<VersionFacts.Source> dates,
			JobRepository jobRepository, ProofCarrier proofs) {
		Assert.notNull(spec, "spec is required");
		Assert.notNull(sequencer, "sequencer is required");
		Assert.notNull(dates, "dates is required");
		Assert.notNull(jobRepository, "jobRepository is required");
		this.spec = spec;
		this.sequencer = sequencer;
		this.dates = dates;
		this.jobRepository = jobRepository;
		Assert.notNull(proofs, "proofs is required");
		this.proofs = proofs;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
		long runId = execution.getJobInstance().getInstanceId();
		if (this.spec.copy().versions() == CopyVersions.ALL) {
			// Looked up only for keys with several undated versions (a CSV's), so a dated
			// manifest needs no client.
			VersionFacts.Source lazy = (bucket, key) -> this.dates.get().versionsOf(bucket, key);
			this.sequencer.sequence(runId, lazy, earlierCopyRun(runId));
		}
		else {
			if (this.spec.manifest().type() == ManifestType.CSV) {
				Map.Entry<String, Integer> repeated = this.sequencer.keyWithVersions(runId);
				if (repeated != null) {
					throw new ManifestException("the manifest " + this.spec.manifest().location() + " names key '"
							+ repeated.getKey() + "' " + repeated.getValue() + " times, and copy.versions is "
							+ "current, which copies one version of each key: set copy.versions: all to copy every "
							+ "version oldest first, or list each key once");
				}
			}
			Long earlier = earlierCopyRun(runId);
			// Only a run that skips unchanged objects reads the proofs; the others would
			// pay a sort for nothing.
			String skipExisting = execution.getJobParameters().getString(RunLauncher.SKIP_EXISTING);
			if (earlier != null && Boolean.parseBoolean(skipExisting)) {
				this.proofs.carry(runId, earlier);
			}
		}
		return RepeatStatus.FINISHED;
	}

	/**
	 * The copy job's latest run before this one (for a verify run, its latest run at
	 * all): its rows name the destination version of every source version copied so far,
	 * carried from run to run.
	 */
	private @Nullable Long earlierCopyRun(long runId) {
		for (JobInstance instance : this.jobRepository.getJobInstances(this.spec.name(), 0, 2)) {
			if (instance.getInstanceId() != runId) {
				return instance.getInstanceId();
			}
		}
		return null;
	}

}
