package io.github.s3bulkcopy.copy;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.util.Assert;

/**
 * The part requests of every multipart copy in the process at once, at most as many as
 * the HTTP client has connections. Parts beyond that wait here, not in the client's own
 * queue, so an upload's CreateMultipartUpload and CompleteMultipartUpload never wait
 * behind other objects' parts for a connection. A freed slot goes to the waiting part of
 * the object that started first, so objects finish one after another rather than all at
 * the end.
 * <p>
 * Hand-written: a semaphore that hands out its permits in a chosen order without blocking
 * a thread.
 */
final class PartSlots {

	private static final Comparator<Waiter> OLDEST_OBJECT_FIRST = Comparator.comparingLong(Waiter::object)
		.thenComparingInt(Waiter::part);

	private final int capacity;

	private final AtomicLong objects = new AtomicLong();

	private final PriorityQueue<Waiter> waiting = new PriorityQueue<>(OLDEST_OBJECT_FIRST);

	private int used;

	/**
	 * @param capacity how many part requests may be in flight at once: the connections
	 */
	PartSlots(int capacity) {
		Assert.isTrue(capacity > 0, "capacity must be positive");
		this.capacity = capacity;
	}

	/** As many parts in flight as each object's own window allows. */
	static PartSlots unbounded() {
		return new PartSlots(Integer.MAX_VALUE);
	}

	/** The order of an object that starts its parts now, among those before and after. */
	long nextObject() {
		return this.objects.getAndIncrement();
	}

	/**
	 * A slot for a part, granted when one is free.
	 * @param object the object's {@link #nextObject() order}
	 * @param part the part's index in its object
	 */
	CompletableFuture<Void> acquire(long object, int part) {
		synchronized (this) {
			if (this.used < this.capacity) {
				this.used++;
				return CompletableFuture.completedFuture(null);
			}
			Waiter waiter = new Waiter(object, part, new CompletableFuture<>());
			this.waiting.add(waiter);
			return waiter.granted();
		}
	}

	/** Frees a slot, or hands it straight to the part that waits first. */
	void release() {
		Waiter next;
		synchronized (this) {
			next = this.waiting.poll();
			if (next == null) {
				this.used--;
				return;
			}
		}
		// Outside the lock: the part it grants starts on this thread.
		next.granted().complete(null);
	}

	private record Waiter(long object, int part, CompletableFuture<Void> granted) {
	}

}
