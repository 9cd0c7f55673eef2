package io.github.s3bulkcopy.metrics;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.util.Assert;

/**
 * S3 requests counted by side and operation, each attempt once (a retried request counts
 * once per attempt), with the retried attempts also counted apart: what
 * {@code summary.json} reconciles a bill against. Keys are {@code side/Operation}, e.g.
 * {@code source/GetObject}. Thread-safe. {@link #drain()} hands over what was counted
 * since the last drain, so a run adds each request to what it records exactly once
 * however often it asks.
 */
public class RequestCounter {

	/** The side of requests made by a client built for neither side of a job. */
	public static final String OTHER_SIDE = "other";

	private final Map<String, LongAdder> attempts = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> undrainedAttempts = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> undrainedRetries = new ConcurrentHashMap<>();

	private final List<Listener> listeners = new CopyOnWriteArrayList<>();

	/**
	 * Counts one attempt of a request.
	 * @param side {@code source} or {@code destination}: whose credentials made it
	 * @param operation the S3 operation's name, e.g. {@code GetObject}
	 * @param retry whether an attempt of the same request came before it
	 */
	public void record(String side, String operation, boolean retry) {
		Assert.hasText(side, "side is required");
		Assert.hasText(operation, "operation is required");
		String key = key(side, operation);
		this.attempts.computeIfAbsent(key, (k) -> new LongAdder()).increment();
		synchronized (this.undrainedAttempts) {
			this.undrainedAttempts.computeIfAbsent(key, (k) -> new LongAdder()).increment();
			if (retry) {
				this.undrainedRetries.computeIfAbsent(key, (k) -> new LongAdder()).increment();
			}
		}
		for (Listener listener : this.listeners) {
			listener.attempted(side, operation, retry);
		}
	}

	/** Tells {@code listener} of every attempt from now on. */
	public void onRequest(Listener listener) {
		Assert.notNull(listener, "listener is required");
		this.listeners.add(listener);
	}

	/** Every attempt counted by this process, by {@code side/Operation}, sorted. */
	public Map<String, Long> snapshot() {
		return sum(this.attempts);
	}

	/**
	 * The attempts and retries counted since the last drain; they are then forgotten by
	 * the next drain.
	 */
	public Drained drain() {
		synchronized (this.undrainedAttempts) {
			Drained drained = new Drained(sum(this.undrainedAttempts), sum(this.undrainedRetries));
			this.undrainedAttempts.clear();
			this.undrainedRetries.clear();
			return drained;
		}
	}

	/** The key of an operation on a side. */
	public static String key(String side, String operation) {
		return side + "/" + operation;
	}

	private static Map<String, Long> sum(Map<String, LongAdder> counts) {
		Map<String, Long> sums = new TreeMap<>();
		counts.forEach((key, count) -> sums.put(key, count.sum()));
		return sums;
	}

	/** Told of each attempt as it is counted. */
	@FunctionalInterface
	public interface Listener {

		void attempted(String side, String operation, boolean retry);

	}

	/**
	 * What one drain handed over.
	 *
	 * @param attempts attempts by {@code side/Operation}, retries included
	 * @param retries the retried attempts among them, by {@code side/Operation}
	 */
	public record Drained(Map<String, Long> attempts, Map<String, Long> retries) {

		public boolean isEmpty() {
			return this.attempts.isEmpty();
		}

	}

}
