package io.github.s3bulkcopy.copy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

import io.github.s3bulkcopy.ledger.ObjectOutcome;
import io.github.s3bulkcopy.ledger.ObjectStatus;
import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.pacing.AdaptiveSlots;
import io.github.s3bulkcopy.verify.Verification;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Copies a chunk of objects with many requests in flight. One {@link Semaphore} is shared
 * by every partition of the process, so {@code copy.concurrency} bounds the whole process
 * however the ledger is partitioned; when it is {@link AdaptiveSlots}, each object's time
 * in flight is told to its limit. The work done per object is a function, so a verify run
 * checks its chunks the same way.
 * <p>
 * Rows of one key next to each other are versions of it in the order they must reach the
 * destination ({@code copy.versions: all}; the copy step's chunks hold whole keys): they
 * take one slot together and are copied one after the other, each once the one before it
 * is done. A version that fails holds back the key's later ones (copying them would make
 * an older version current once the failed one is copied on resume), except when the
 * failed version no longer exists at the source.
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

	/** A chunk copier doing other work per object, sharing this one's slots. */
	public ChunkCopier doing(Function<? super PlannedObject, CompletableFuture<ObjectOutcome>> work) {
		return new ChunkCopier(work, this.inFlight);
	}

	/**
	 * Copies every object and returns their outcomes in order. Waits for every started
	 * copy to settle before it returns or throws, so no request outlives the chunk.
	 * @param keys the chunk's objects, as runs of rows of one source key (its versions,
	 * or one row)
	 * @param landed the outcomes of a key's first versions already copied by an attempt
	 * of the run that was cut short ({@link LandedVersions#landed}), looked up before the
	 * rest of the key is copied; null not to look
	 * @throws RunLevelCopyException when any copy failed for a run-level reason
	 * @throws InterruptedException when interrupted while waiting for a slot; started
	 * copies are awaited first
	 */
	public List<ObjectOutcome> copyAll(List<? extends List<PlannedObject>> keys, @Nullable LandedVersions landed)
			throws InterruptedException {
		List<CompletableFuture<List<ObjectOutcome>>> futures = new ArrayList<>(keys.size());
		InterruptedException interrupted = null;
		for (List<PlannedObject> key : keys) {
			try {
				this.inFlight.acquire();
			}
			catch (InterruptedException ex) {
				interrupted = ex;
				break;
			}
			long started = System.nanoTime();
			CompletableFuture<List<ObjectOutcome>> future;
			try {
				future = inOrder(key, landed);
			}
			catch (RuntimeException ex) {
				this.inFlight.release();
				throw ex;
			}
			futures.add(future.whenComplete((outcome, error) -> finished(started)));
		}
		CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).exceptionally((error) -> null).join();
		if (interrupted != null) {
			throw interrupted;
		}
		List<ObjectOutcome> outcomes = new ArrayList<>(keys.size());
		for (CompletableFuture<List<ObjectOutcome>> future : futures) {
			try {
				outcomes.addAll(future.join());
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

	/**
	 * Gives a slot back, first telling adaptive slots how long it was held (the time in
	 * flight that {@code copy.concurrency: auto} follows).
	 */
	private void finished(long started) {
		if (this.inFlight instanceof AdaptiveSlots slots) {
			slots.finished(System.nanoTime() - started);
		}
		this.inFlight.release();
	}

	/**
	 * Whether the outcome of a version keeps the key's later versions from being copied:
	 * a failure, unless the version no longer exists at the source (it never will again,
	 * so nothing waits for it).
	 */
	public static boolean holdsBack(ObjectOutcome outcome) {
		return outcome.status() == ObjectStatus.FAILED && !GONE.contains(outcome.errorCode());
	}

	private static final Set<String> GONE = Set.of("NoSuchVersion", "NoSuchKey");

	/**
	 * The error code of a version not copied because an earlier version of its key
	 * failed.
	 */
	public static final String HELD_BACK = "EarlierVersionFailed";

	private CompletableFuture<List<ObjectOutcome>> inOrder(List<PlannedObject> key, @Nullable LandedVersions landed) {
		if (landed != null && key.get(0).attemptedAt() != null) {
			return landed.landed(key).thenCompose((found) -> {
				List<ObjectOutcome> done = new ArrayList<>(found);
				return copyRest(key.subList(found.size(), key.size()), done);
			});
		}
		if (key.size() == 1) {
			return this.copier.apply(key.get(0)).thenApply(List::of);
		}
		return copyRest(key, new ArrayList<>(key.size()));
	}

	private CompletableFuture<List<ObjectOutcome>> copyRest(List<PlannedObject> rest, List<ObjectOutcome> before) {
		CompletableFuture<List<ObjectOutcome>> chain = CompletableFuture.completedFuture(before);
		for (PlannedObject version : rest) {
			chain = chain.thenCompose((done) -> {
				boolean heldBack = !done.isEmpty() && holdsBack(done.get(done.size() - 1));
				if (heldBack) {
					done.add(heldBack(version));
					return CompletableFuture.completedFuture(done);
				}
				return this.copier.apply(version).thenApply((outcome) -> {
					done.add(outcome);
					return done;
				});
			});
		}
		return chain;
	}

	private static ObjectOutcome heldBack(PlannedObject version) {
		Instant now = Instant.now();
		return new ObjectOutcome(version.seq(), ObjectStatus.FAILED, version.size(), HELD_BACK, null,
				"not copied: an earlier version of this key failed, and versions reach the destination in order; "
						+ "a resume copies them again from the failed one",
				Verification.notVerified("not copied"), now, now);
	}

}
