package io.github.s3bulkcopy.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.ledger.NotCarried;
import io.github.s3bulkcopy.ledger.ObjectStatus;
import io.github.s3bulkcopy.verify.Verdict;
import io.github.s3bulkcopy.verify.VerificationMethod;

/**
 * Adds up {@link ReportRow}s as the completion report is written, in memory bounded
 * whatever the run's size: counts, a capped sample of failed rows, a capped set of
 * reasons, and a {@link ThroughputHistogram}. Not thread-safe: one report, one thread.
 */
final class RunFactsCollector {

	static final int MAX_REASONS = 20;

	static final String OTHER_REASONS = "(other reasons)";

	/**
	 * Intervals of the throughput chart; enough to see the shape of a run, few enough to
	 * read.
	 */
	static final int CHART_INTERVALS = 120;

	/**
	 * Distinct reasons tracked before the rarest are folded into {@link #OTHER_REASONS}.
	 */
	private static final int TRACKED_REASONS = 1000;

	private final TotalsCounter totals = new TotalsCounter();

	private final Map<VerificationMethod, long[]> byMethod = new EnumMap<>(VerificationMethod.class);

	private final Map<String, Long> reasons = new HashMap<>();

	private long otherReasons;

	private final List<ReportRow> failedObjects = new ArrayList<>();

	private final int maxFailedObjects;

	private long failedTotal;

	private final ThroughputHistogram histogram = new ThroughputHistogram();

	private final long[] notCarried = new long[NotCarried.values().length];

	RunFactsCollector(int maxFailedObjects) {
		this.maxFailedObjects = maxFailedObjects;
	}

	void add(ReportRow row) {
		this.totals.add(row);
		if (row.outcome() == ObjectStatus.FAILED) {
			this.failedTotal++;
			if (this.failedObjects.size() < this.maxFailedObjects) {
				this.failedObjects.add(row);
			}
		}
		if (row.verified() != null && row.verificationMethod() != null) {
			long[] counts = this.byMethod.computeIfAbsent(row.verificationMethod(),
					(method) -> new long[Verdict.values().length]);
			counts[row.verified().ordinal()]++;
			if (row.verified() != Verdict.VERIFIED) {
				reason((row.verificationDetail() != null) ? row.verificationDetail() : "(no reason recorded)");
			}
		}
		if (row.outcome() == ObjectStatus.COPIED && row.notCarried() != 0) {
			for (NotCarried each : NotCarried.of(row.notCarried())) {
				this.notCarried[each.ordinal()]++;
			}
		}
		Instant finished = row.finishedAt();
		if (row.outcome().isDone() && finished != null && !finished.equals(Instant.EPOCH)) {
			long bytes = (row.outcome() == ObjectStatus.COPIED && row.size() != null) ? row.size() : 0;
			this.histogram.add(finished, bytes);
		}
	}

	private void reason(String reason) {
		Long count = this.reasons.get(reason);
		if (count != null || this.reasons.size() < TRACKED_REASONS) {
			this.reasons.merge(reason, 1L, Long::sum);
		}
		else {
			this.otherReasons++;
		}
	}

	RunFacts facts() {
		Map<VerificationMethod, RunFacts.VerdictCounts> methods = new EnumMap<>(VerificationMethod.class);
		this.byMethod.forEach(
				(method, counts) -> methods.put(method, new RunFacts.VerdictCounts(counts[Verdict.VERIFIED.ordinal()],
						counts[Verdict.MISMATCH.ordinal()], counts[Verdict.NOT_VERIFIED.ordinal()])));
		List<Map.Entry<String, Long>> sorted = new ArrayList<>(this.reasons.entrySet());
		sorted.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
			.thenComparing(Map.Entry.comparingByKey()));
		Map<String, Long> top = new LinkedHashMap<>();
		long other = this.otherReasons;
		for (int i = 0; i < sorted.size(); i++) {
			if (i < MAX_REASONS) {
				top.put(sorted.get(i).getKey(), sorted.get(i).getValue());
			}
			else {
				other += sorted.get(i).getValue();
			}
		}
		if (other > 0) {
			top.put(OTHER_REASONS, other);
		}
		Map<NotCarried, Long> notCarried = new EnumMap<>(NotCarried.class);
		for (NotCarried each : NotCarried.values()) {
			if (this.notCarried[each.ordinal()] > 0) {
				notCarried.put(each, this.notCarried[each.ordinal()]);
			}
		}
		return new RunFacts(this.totals.totals(), methods, top, List.copyOf(this.failedObjects), this.failedTotal,
				this.histogram.series(CHART_INTERVALS), notCarried);
	}

}
