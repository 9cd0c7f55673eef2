package io.github.s3bulkcopy.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Objects and bytes finished over time, from the ledger's FINISHED_AT, in constant
 * memory: rows arrive in key order, not in time order, so the run's time span is not
 * known up front. Counts go into buckets one second wide; whenever there are more than
 * {@value #MAX_BUCKETS} buckets they are widened to the next width and neighbours merge,
 * so a run of days keeps a few thousand buckets. Bucket widths follow a ladder in which
 * each width divides the next and every round interval width above it, so buckets never
 * straddle an interval of the chart. {@link #series(int)} then spreads them over a number
 * of equal intervals of a round width. Not thread-safe: one report, one thread.
 */
final class ThroughputHistogram {

	static final int MAX_BUCKETS = 2048;

	/** Interval widths a chart's axis reads well with. */
	private static final long[] ROUND_WIDTHS = { 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800,
			21600, 43200, 86400 };

	/** Bucket widths in seconds; each divides the next. */
	private static final long[] LADDER = { 1, 2, 10, 30, 60, 120, 600, 1800, 3600, 7200, 21600, 43200, 86400 };

	private int ladderStep;

	private long widthSeconds = 1;

	/** Bucket start (epoch seconds, a multiple of the width) to {objects, bytes}. */
	private TreeMap<Long, long[]> buckets = new TreeMap<>();

	void add(Instant finishedAt, long bytes) {
		long second = finishedAt.getEpochSecond();
		long[] counts = this.buckets.computeIfAbsent(Math.floorDiv(second, this.widthSeconds) * this.widthSeconds,
				(start) -> new long[2]);
		counts[0]++;
		counts[1] += bytes;
		if (this.buckets.size() > MAX_BUCKETS) {
			coarsen();
		}
	}

	boolean isEmpty() {
		return this.buckets.isEmpty();
	}

	private void coarsen() {
		this.ladderStep = Math.min(this.ladderStep + 1, LADDER.length - 1);
		this.widthSeconds = (this.ladderStep < LADDER.length - 1 || this.widthSeconds < LADDER[this.ladderStep])
				? LADDER[this.ladderStep] : this.widthSeconds * 2;
		TreeMap<Long, long[]> merged = new TreeMap<>();
		for (Map.Entry<Long, long[]> bucket : this.buckets.entrySet()) {
			long[] counts = merged.computeIfAbsent(
					Math.floorDiv(bucket.getKey(), this.widthSeconds) * this.widthSeconds, (start) -> new long[2]);
			counts[0] += bucket.getValue()[0];
			counts[1] += bucket.getValue()[1];
		}
		this.buckets = merged;
	}

	/**
	 * The counts over at most {@code maxIntervals} consecutive intervals of one round
	 * width (1 s, 2 s, 5 s, ... 1 day, then whole days) from the first finished object to
	 * the last, empty intervals included.
	 */
	List<ThroughputInterval> series(int maxIntervals) {
		if (this.buckets.isEmpty()) {
			return List.of();
		}
		long first = this.buckets.firstKey();
		long last = this.buckets.lastKey() + this.widthSeconds;
		long width = roundWidth(Math.max(this.widthSeconds, ceilDiv(last - first, maxIntervals)));
		long origin = Math.floorDiv(first, width) * width;
		int count = (int) ceilDiv(last - origin, width);
		long[][] counts = new long[count][2];
		for (Map.Entry<Long, long[]> bucket : this.buckets.entrySet()) {
			int index = (int) ((bucket.getKey() - origin) / width);
			counts[index][0] += bucket.getValue()[0];
			counts[index][1] += bucket.getValue()[1];
		}
		List<ThroughputInterval> series = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			series.add(new ThroughputInterval(Instant.ofEpochSecond(origin + i * width), Duration.ofSeconds(width),
					counts[i][0], counts[i][1]));
		}
		return series;
	}

	private long roundWidth(long atLeast) {
		for (long width : ROUND_WIDTHS) {
			// A round width must also be a multiple of the bucket width, or buckets would
			// straddle intervals.
			if (width >= atLeast && width % this.widthSeconds == 0) {
				return width;
			}
		}
		long days = ceilDiv(atLeast, 86400) * 86400;
		return ceilDiv(days, this.widthSeconds) * this.widthSeconds;
	}

	private static long ceilDiv(long a, long b) {
		return -Math.floorDiv(-a, b);
	}

}
