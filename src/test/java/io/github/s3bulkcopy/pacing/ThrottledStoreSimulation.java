package io.github.s3bulkcopy.pacing;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A copy through a store that throttles above a request rate, simulated on a clock of its
 * own, driving a real {@link AdaptiveLimit} as the copy's slots do: each object is one
 * request, held for the store's latency (with jitter) and answered 503 when a token
 * bucket of {@code rps} a second (a tenth of a second's worth at once, as the benchmark's
 * relay throttles) is empty, then retried after the SDK's back-off for throttling (full
 * jitter over 1 s, doubling per retry). Deterministic for a seed; no threads, no
 * sleeping.
 */
final class ThrottledStoreSimulation {

	private static final long MILLIS = 1_000_000L;

	private final long latencyNanos;

	private final long jitterNanos;

	private final long serviceNanos;

	private final double perNano;

	private final double capacity;

	private final Random random;

	private final PriorityQueue<Event> events = new PriorityQueue<>();

	private long now = 1_000_000_000L;

	private double tokens;

	private long lastRefill;

	private int inFlight;

	private int started;

	private long requests;

	private long throttled;

	private long sequence;

	ThrottledStoreSimulation(int rps, Duration latency, Duration jitter, Duration service, long seed) {
		this.latencyNanos = latency.toNanos();
		this.jitterNanos = jitter.toNanos();
		this.serviceNanos = service.toNanos();
		this.perNano = rps / 1e9;
		this.capacity = Math.max(1, rps / 10.0);
		this.tokens = this.capacity;
		this.lastRefill = this.now;
		this.random = new Random(seed);
	}

	/** The limit to drive, on this simulation's clock. */
	AdaptiveLimit autoLimit(int start, int minimum, int maximum) {
		return AdaptiveLimit.auto(start, minimum, maximum, AdaptiveLimit.HOLD, () -> this.now);
	}

	/** Copies {@code objects} objects under {@code limit}; returns what it saw. */
	Result copy(AdaptiveLimit limit, int objects) {
		long begin = this.now;
		int done = 0;
		long limitTimesNanos = 0;
		long last = this.now;
		startUpTo(limit, objects);
		while (done < objects) {
			Event event = this.events.poll();
			limitTimesNanos += (event.at - last) * (long) limit.current();
			last = event.at;
			this.now = event.at;
			switch (event.kind) {
				case ARRIVE -> {
					boolean admitted = admit();
					this.requests++;
					long answer = this.now + this.latencyNanos + jitter() + (admitted ? this.serviceNanos : 0);
					schedule(answer, admitted ? Kind.ANSWERED : Kind.THROTTLED, event.object);
				}
				case THROTTLED -> {
					this.throttled++;
					limit.throttled();
					event.object.attempts++;
					long ceiling = Math.min(20_000 * MILLIS, 1_000 * MILLIS << Math.min(10, event.object.attempts - 1));
					schedule(this.now + (long) (this.random.nextDouble() * ceiling), Kind.SEND, event.object);
				}
				case SEND -> schedule(this.now + MILLIS / 10, Kind.ARRIVE, event.object);
				case ANSWERED -> {
					limit.succeeded();
					limit.finished(this.now - event.object.started, this.inFlight);
					this.inFlight--;
					done++;
					startUpTo(limit, objects);
				}
			}
		}
		double seconds = (this.now - begin) / 1e9;
		return new Result(objects / seconds, this.throttled / (double) this.requests,
				limitTimesNanos / (double) (this.now - begin));
	}

	private void startUpTo(AdaptiveLimit limit, int objects) {
		while (this.inFlight < limit.current() && this.started < objects) {
			this.inFlight++;
			this.started++;
			Item item = new Item(this.now);
			schedule(this.now + MILLIS / 10, Kind.ARRIVE, item);
		}
	}

	private long jitter() {
		return (this.jitterNanos > 0) ? (long) ((this.random.nextDouble() * 2 - 1) * this.jitterNanos) : 0;
	}

	private boolean admit() {
		this.tokens = Math.min(this.capacity, this.tokens + (this.now - this.lastRefill) * this.perNano);
		this.lastRefill = this.now;
		if (this.tokens >= 1) {
			this.tokens -= 1;
			return true;
		}
		return false;
	}

	private void schedule(long at, Kind kind, Item item) {
		this.events.add(new Event(at, this.sequence++, kind, item));
	}

	/**
	 * @param objectsPerSecond objects copied per second of the simulated clock
	 * @param throttledShare the share of requests answered 503
	 * @param meanLimit the limit's mean over time
	 */
	record Result(double objectsPerSecond, double throttledShare, double meanLimit) {
	}

	private enum Kind {

		SEND, ARRIVE, THROTTLED, ANSWERED

	}

	private static final class Item {

		final long started;

		int attempts;

		Item(long started) {
			this.started = started;
		}

	}

	private record Event(long at, long order, Kind kind, Item object) implements Comparable<Event> {

		@Override
		public int compareTo(Event other) {
			int byTime = Long.compare(this.at, other.at);
			return (byTime != 0) ? byTime : Long.compare(this.order, other.order);
		}

	}

}
