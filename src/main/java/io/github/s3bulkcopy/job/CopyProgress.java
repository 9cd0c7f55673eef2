package io.github.s3bulkcopy.job;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import io.github.s3bulkcopy.ledger.ObjectOutcome;
import io.github.s3bulkcopy.ledger.ObjectStatus;

/**
 * Counts what this process copied, for the progress line. Only counts what the chunk writer handed to the ledger;
 * the ledger stays the source of truth for reports.
 */
public class CopyProgress {

	private final LongAdder objects = new LongAdder();

	private final LongAdder failed = new LongAdder();

	private final LongAdder bytes = new LongAdder();

	void record(List<ObjectOutcome> outcomes) {
		for (ObjectOutcome outcome : outcomes) {
			this.objects.increment();
			if (outcome.status() == ObjectStatus.FAILED) {
				this.failed.increment();
			}
			else if (outcome.status() == ObjectStatus.COPIED && outcome.size() != null) {
				this.bytes.add(outcome.size());
			}
		}
	}

	public long objects() {
		return this.objects.sum();
	}

	public long failed() {
		return this.failed.sum();
	}

	public long bytes() {
		return this.bytes.sum();
	}

}
