package io.github.s3bulkcopy.copy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

import io.github.s3bulkcopy.ledger.ObjectOutcome;
import io.github.s3bulkcopy.ledger.PlannedObject;

import org.springframework.util.Assert;

/**
 * Copies a chunk of objects with many requests in flight. One {@link Semaphore} is shared by every partition of the
 * process, so {@code copy.concurrency} bounds the whole process however the ledger is partitioned. The work done per
 * object is a function, so a verify run checks its chunks the same way.
 */
public class ChunkCopier {

	private final Function<? super PlannedObject, CompletableFuture<ObjectOutcome>> copier;

	private final Semaphore inFlight;

	public ChunkCopier(ObjectCopier copier, Semaphore inFlight) {
		this(copier::copy, inFlight);
	}

	/**
	 * @param work what is done to each object; its future fails only for run-level errors
	 * @param inFlight the slots for objects in flight, shared by the process's partitions
	 */
	public ChunkCopier(Function<? super PlannedObject, CompletableFuture<ObjectOutcome>> work, Semaphore inFlight) {
		Assert.notNull(work, "work is required");
		Assert.notNull(inFlight, "inFlight is required");
		this.copier = work;
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
				future = this.copier.apply(object);
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
