package io.github.s3bulkcopy.batch;

import java.util.ArrayList;
import java.util.List;

import io.github.s3bulkcopy.copy.ChunkCopier;
import io.github.s3bulkcopy.copy.LandedVersions;
import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.ledger.ObjectOutcome;
import io.github.s3bulkcopy.ledger.PlannedObject;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.util.Assert;

/**
 * The copy step's writer: copies a chunk of pending objects (whole keys:
 * {@link WholeKeysReader}) concurrently, then records every outcome in the ledger in one
 * batch. The ledger update commits with the chunk, so an object whose chunk committed is
 * never copied again; a chunk that fails is rolled back and its objects stay pending for
 * the resume.
 */
public class CopyItemWriter implements ItemWriter<List<PlannedObject>> {

	private final ChunkCopier copier;

	private final JdbcLedger ledger;

	private final long runId;

	private final CopyProgress progress;

	private final FailureGuard failureGuard;

	private final @Nullable VersionJournal versions;

	private final @Nullable Long run;

	/**
	 * A writer that records outcomes only (a verify run's: its findings prove nothing for
	 * later copies).
	 */
	public CopyItemWriter(ChunkCopier copier, JdbcLedger ledger, long runId, CopyProgress progress,
			FailureGuard failureGuard) {
		this(copier, ledger, runId, progress, failureGuard, null, null);
	}

	/**
	 * @param versions notes each chunk's start and finds what an interrupted attempt
	 * copied, when every copy makes a destination version that must not be made twice;
	 * null otherwise
	 * @param run the run's number, to record each verified copy as proven by it for later
	 * runs to rely on; null records none
	 */
	public CopyItemWriter(ChunkCopier copier, JdbcLedger ledger, long runId, CopyProgress progress,
			FailureGuard failureGuard, @Nullable VersionJournal versions, @Nullable Long run) {
		Assert.notNull(copier, "copier is required");
		Assert.notNull(ledger, "ledger is required");
		Assert.notNull(progress, "progress is required");
		Assert.notNull(failureGuard, "failureGuard is required");
		this.copier = copier;
		this.ledger = ledger;
		this.runId = runId;
		this.progress = progress;
		this.failureGuard = failureGuard;
		this.versions = versions;
		this.run = run;
	}

	@Override
	public void write(Chunk<? extends List<PlannedObject>> chunk) throws Exception {
		this.progress.copying(this.runId);
		List<PlannedObject> objects = new ArrayList<>(chunk.size());
		chunk.forEach(objects::addAll);
		LandedVersions landed = null;
		if (this.versions != null) {
			this.versions.attempting(this.runId, objects);
			landed = this.versions.landed(this.runId);
		}
		List<ObjectOutcome> outcomes = this.copier.copyAll(chunk.getItems(), landed);
		// A tripped guard rolls this chunk back: its objects stay pending and are tried
		// again on resume.
		this.failureGuard.check(outcomes);
		// The rows as read, pending: the run's totals change from them, not from the rows
		// read again.
		this.ledger.recordOutcomes(this.runId, outcomes, this.run, objects);
		this.progress.record(this.runId, outcomes);
	}

}
