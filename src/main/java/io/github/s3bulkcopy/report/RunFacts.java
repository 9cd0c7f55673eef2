package io.github.s3bulkcopy.report;

import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.ledger.NotCarried;
import io.github.s3bulkcopy.verify.VerificationMethod;

/**
 * What one pass over a run's ledger rows adds up to, beyond the totals: what the summary
 * and the HTML page show.
 *
 * @param totals the rows by outcome and verdict, and bytes
 * @param byMethod finished rows by the comparison made, then by verdict
 * @param unverifiedReasons why finished rows are not VERIFIED (MISMATCH or NOT_VERIFIED),
 * most frequent first, at most {@value RunFactsCollector#MAX_REASONS} distinct reasons;
 * the rest are counted under {@value RunFactsCollector#OTHER_REASONS}
 * @param failedObjects the first failed rows in key order, at most the collector's limit
 * @param failedTotal every failed row, shown or not
 * @param throughput objects and bytes finished per interval, from the first finished
 * object to the last
 * @param notCarried copied objects by what their copy did not carry over from the source
 */
public record RunFacts(ReportTotals totals, Map<VerificationMethod, VerdictCounts> byMethod,
		Map<String, Long> unverifiedReasons, List<ReportRow> failedObjects, long failedTotal,
		List<ThroughputInterval> throughput, Map<NotCarried, Long> notCarried) {

	/** Facts with nothing counted as not carried. */
	public RunFacts(ReportTotals totals, Map<VerificationMethod, VerdictCounts> byMethod,
			Map<String, Long> unverifiedReasons, List<ReportRow> failedObjects, long failedTotal,
			List<ThroughputInterval> throughput) {
		this(totals, byMethod, unverifiedReasons, failedObjects, failedTotal, throughput, Map.of());
	}

	/**
	 * Rows by verdict.
	 *
	 * @param verified compared and equal
	 * @param mismatch compared and different
	 * @param notVerified no valid comparison made
	 */
	public record VerdictCounts(long verified, long mismatch, long notVerified) {

		public long total() {
			return this.verified + this.mismatch + this.notVerified;
		}

	}

}
