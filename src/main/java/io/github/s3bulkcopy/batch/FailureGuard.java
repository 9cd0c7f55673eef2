package io.github.s3bulkcopy.batch;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.github.s3bulkcopy.jobfile.FailureThreshold;
import io.github.s3bulkcopy.ledger.ObjectOutcome;
import io.github.s3bulkcopy.ledger.ObjectStatus;

import org.springframework.util.Assert;

/**
 * Stops a run that is failing wholesale ({@code copy.max-failures}), so a wrong
 * permission or a missing KMS grant does not turn a million objects into a million
 * failure rows. Counts what this process dealt with in this execution; the resume tries
 * the failed objects again, so earlier attempts do not count.
 */
public class FailureGuard {

	private final FailureThreshold threshold;

	private final LongAdder done = new LongAdder();

	private final LongAdder failed = new LongAdder();

	private final Map<String, LongAdder> errorCodes = new ConcurrentHashMap<>();

	public FailureGuard(FailureThreshold threshold) {
		Assert.notNull(threshold, "threshold is required");
		this.threshold = threshold;
	}

	/**
	 * Counts a chunk's outcomes.
	 * @throws FailureThresholdExceededException when the failures now cross the threshold
	 */
	public void check(List<ObjectOutcome> outcomes) {
		for (ObjectOutcome outcome : outcomes) {
			this.done.increment();
			if (outcome.status() == ObjectStatus.FAILED) {
				this.failed.increment();
				this.errorCodes.computeIfAbsent(String.valueOf(outcome.errorCode()), (code) -> new LongAdder())
					.increment();
			}
		}
		long done = this.done.sum();
		long failed = this.failed.sum();
		if (this.threshold.exceeded(done, failed)) {
			String common = this.errorCodes.entrySet()
				.stream()
				.max((a, b) -> Long.compare(a.getValue().sum(), b.getValue().sum()))
				.map((e) -> e.getKey() + " (" + e.getValue().sum() + ")")
				.orElse("-");
			throw new FailureThresholdExceededException(String.format(Locale.ROOT,
					"stopped: %,d of %,d objects failed, %s (copy.max-failures); most common error: %s. Fix the "
							+ "cause and run the same command again: failed objects are tried again",
					failed, done, this.threshold, common));
		}
	}

}
