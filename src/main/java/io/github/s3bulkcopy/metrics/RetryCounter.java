package io.github.s3bulkcopy.metrics;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import org.springframework.util.Assert;

/**
 * Retried S3 requests counted by the error code of the attempt that failed, for
 * {@code summary.json} and the meters. Thread-safe. {@link #drain()} hands over what was
 * counted since the last drain, so a run can add each retry to what it records exactly
 * once however often it asks.
 */
public class RetryCounter {

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> undrained = new ConcurrentHashMap<>();

	private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

	/**
	 * Counts one retry of a request whose previous attempt failed with {@code errorCode}.
	 */
	public void record(String errorCode) {
		Assert.hasText(errorCode, "errorCode is required");
		this.counts.computeIfAbsent(errorCode, (code) -> new LongAdder()).increment();
		synchronized (this.undrained) {
			this.undrained.computeIfAbsent(errorCode, (code) -> new LongAdder()).increment();
		}
		for (Consumer<String> listener : this.listeners) {
			listener.accept(errorCode);
		}
	}

	/** Tells {@code listener} of every retry from now on, with its error code. */
	public void onRetry(Consumer<String> listener) {
		Assert.notNull(listener, "listener is required");
		this.listeners.add(listener);
	}

	/** Every retry counted by this process, by error code, sorted by code. */
	public Map<String, Long> snapshot() {
		return sum(this.counts);
	}

	/**
	 * The retries counted since the last drain, by error code; they are then forgotten by
	 * the next drain.
	 */
	public Map<String, Long> drain() {
		synchronized (this.undrained) {
			Map<String, Long> drained = sum(this.undrained);
			this.undrained.clear();
			return drained;
		}
	}

	/** All retries counted by this process. */
	public long total() {
		return this.counts.values().stream().mapToLong(LongAdder::sum).sum();
	}

	private static Map<String, Long> sum(Map<String, LongAdder> counts) {
		Map<String, Long> sums = new TreeMap<>();
		counts.forEach((code, count) -> sums.put(code, count.sum()));
		return sums;
	}

}
