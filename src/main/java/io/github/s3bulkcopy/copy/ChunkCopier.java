package io.github.s3bulkcopy.copy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;

import io.github.s3bulkcopy.ledger.ObjectOutcome;
import io.github.s3bulkcopy.ledger.PlannedObject;

import org.springframework.util.Assert;

/**
 * Copies a chunk of objects with many requests in flight. One {@link Semaphore} is shared by every partition of the
 * process, so {@code copy.concurrency} bounds the whole process however the ledger is partitioned.
 */
public class ChunkCopier {

	private final ObjectCopier copier;

	private final Semaphore inFlight;

	public ChunkCopier(ObjectCopier copier, Semaphore inFlight) {
		Assert.notNull(copier, "copier is required");
		Assert.notNull(inFlight, "inFlight is required");
		this.copier = copier;
		this.inFlight = inFlight;
	}

	/**
	 * Copies every object and returns their outcomes in order. Waits for every started copy to settle before it
	 * returns or throws, so no request outlives the chunk.
	 * @throws RunLevelCopyException when any copy failed for a run-level reason
	 * @throws InterruptedException when interrupted while waiting for a slot; started copies are awaited first
	 */
	public List<ObjectOutcome> copyAll(List<? extends PlannedObject> objects) throws InterruptedException {
		List<CompletableFuture<ObjectOutcome>> futures = new ArrayList<>(objects.size());
		InterruptedException interrupted = null;
		for (PlannedObject object : objects) {
			try {
				this.inFlight.acquire();
			}
			catch (InterruptedException ex) {
				interrupted = ex;
				break;
			}
			CompletableFuture<ObjectOutcome> future;
			try {
				future = this.copier.copy(object);
			}
			catch (RuntimeException ex) {
				this.inFlight.release();
				throw ex;
			}
			futures.add(future.whenComplete((outcome, error) -> this.inFlight.release()));
		}
		CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).exceptionally((error) -> null).join();
		if (interrupted != null) {
			throw interrupted;
		}
		List<ObjectOutcome> outcomes = new ArrayList<>(futures.size());
		for (CompletableFuture<ObjectOutcome> future : futures) {
			try {
				outcomes.add(future.join());
			}
			catch (CompletionException ex) {
				if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				throw ex;
			}
		}
		return outcomes;
	}

}
