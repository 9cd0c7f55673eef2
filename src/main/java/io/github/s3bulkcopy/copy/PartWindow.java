package io.github.s3bulkcopy.copy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

/**
 * Runs {@code count} asynchronous tasks with at most {@code width} in flight, without
 * blocking a thread: each task that ends starts the next. The first failure stops new
 * starts; the result fails once the tasks in flight have settled, so nothing started is
 * still running when the caller cleans up.
 *
 * @param <T> what each task yields
 */
final class PartWindow<T> {

	private final int count;

	private final int width;

	private final IntFunction<CompletableFuture<T>> task;

	private final @Nullable Object[] results;

	private final CompletableFuture<List<T>> result = new CompletableFuture<>();

	private int next;

	private int inFlight;

	private int done;

	private @Nullable Throwable failure;

	PartWindow(int count, int width, IntFunction<CompletableFuture<T>> task) {
		this.count = count;
		this.width = width;
		this.task = task;
		this.results = new Object[count];
	}

	/** The tasks' results in index order. */
	CompletableFuture<List<T>> run() {
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
		CompletableFuture<T> future;
		try {
			future = this.task.apply(index);
		}
		catch (RuntimeException ex) {
			future = CompletableFuture.failedFuture(ex);
		}
		future.whenComplete((value, error) -> settled(index, value, error));
	}

	@SuppressWarnings("unchecked")
	private void settled(int index, @Nullable T value, @Nullable Throwable error) {
		boolean finished;
		synchronized (this) {
			this.inFlight--;
			if (error != null && this.failure == null) {
				this.failure = error;
			}
			else if (error == null) {
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
