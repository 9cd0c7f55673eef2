package io.github.s3bulkcopy.copy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

/**
 * Runs {@code count} asynchronous tasks with at most {@code width} in flight, without
 * blocking a thread: each task that ends starts the next. Each task also holds one of the
 * process's {@link PartSlots} while it runs, so the windows of all objects together stay
 * within the connections. The first failure stops new starts; the result fails once the
 * tasks in flight have settled, so nothing started is still running when the caller
 * cleans up.
 *
 * @param <T> what each task yields
 */
final class PartWindow<T> {

	private final int count;

	private final int width;

	private final PartSlots slots;

	private final IntFunction<CompletableFuture<T>> task;

	private final @Nullable Object[] results;

	private final CompletableFuture<List<T>> result = new CompletableFuture<>();

	private long order;

	private int next;

	private int inFlight;

	private int done;

	private @Nullable Throwable failure;

	PartWindow(int count, int width, PartSlots slots, IntFunction<CompletableFuture<T>> task) {
		this.count = count;
		this.width = width;
		this.slots = slots;
		this.task = task;
		this.results = new Object[count];
	}

	/** The tasks' results in index order. */
	CompletableFuture<List<T>> run() {
		this.order = this.slots.nextObject();
		for (int i = 0; i < this.width; i++) {
			startNext();
		}
		return this.result;
	}

	private void startNext() {
		int index;
		synchronized (this) {
			if (this.failure != null || this.next >= this.count) {
				return;
			}
			index = this.next++;
			this.inFlight++;
		}
		this.slots.acquire(this.order, index).thenRun(() -> launch(index));
	}

	private void launch(int index) {
		boolean failed;
		synchronized (this) {
			failed = this.failure != null;
		}
		if (failed) {
			settled(index, null, null, false);
			this.slots.release();
			return;
		}
		CompletableFuture<T> future;
		try {
			future = this.task.apply(index);
		}
		catch (RuntimeException ex) {
			future = CompletableFuture.failedFuture(ex);
		}
		// Settled before the slot is freed: this object's next part, or the failure that
		// stops it, is known before the slot goes to the part that waits first.
		future.whenComplete((value, error) -> {
			settled(index, value, error, true);
			this.slots.release();
		});
	}

	/**
	 * @param ran whether the task ran; one granted its slot after another's failure did
	 * not
	 */
	@SuppressWarnings("unchecked")
	private void settled(int index, @Nullable T value, @Nullable Throwable error, boolean ran) {
		boolean finished;
		synchronized (this) {
			this.inFlight--;
			if (ran && error != null && this.failure == null) {
				this.failure = error;
			}
			else if (ran && error == null) {
				this.results[index] = value;
				this.done++;
			}
			finished = (this.failure != null) ? this.inFlight == 0 : this.done == this.count;
		}
		if (finished) {
			if (this.failure != null) {
				this.result.completeExceptionally(this.failure);
			}
			else {
				this.result.complete(new ArrayList<>((List<T>) Arrays.asList(this.results)));
			}
			return;
		}
		startNext();
	}

}
