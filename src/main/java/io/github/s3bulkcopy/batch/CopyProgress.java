package io.github.s3bulkcopy.batch;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import io.github.s3bulkcopy.ledger.ObjectOutcome;
import io.github.s3bulkcopy.ledger.ObjectStatus;
import io.github.s3bulkcopy.metrics.CopyCounts;

/**
 * Counts what this process copied, for the progress line and the meters. Only counts what
 * the chunk writer handed to the ledger; the ledger stays the source of truth for reports
 * and totals.
 */
public class CopyProgress implements CopyCounts {

	private final LongAdder objects = new LongAdder();

	private final LongAdder copied = new LongAdder();

	private final LongAdder skipped = new LongAdder();

	private final LongAdder failed = new LongAdder();

	private final LongAdder skippedInvalidKey = new LongAdder();

	private final LongAdder archived = new LongAdder();

	private final LongAdder restorePending = new LongAdder();

	private final LongAdder bytes = new LongAdder();

	private final LongAdder doneBytes = new LongAdder();

	private final AtomicLong runId = new AtomicLong(-1);

	private final List<Consumer<String>> failureListeners = new CopyOnWriteArrayList<>();

	/**
	 * The copy of run {@code runId} has begun: the progress line turns from planning to
	 * copying now, not when the first chunk is done, which against a server that does not
	 * answer may be a long while.
	 */
	void copying(long runId) {
		this.runId.set(runId);
	}

	void record(long runId, List<ObjectOutcome> outcomes) {
		this.runId.set(runId);
		for (ObjectOutcome outcome : outcomes) {
			this.objects.increment();
			if (outcome.size() != null) {
				this.doneBytes.add(outcome.size());
			}
			switch (outcome.status()) {
				case COPIED -> {
					this.copied.increment();
					if (outcome.size() != null) {
						this.bytes.add(outcome.size());
					}
				}
				case SKIPPED_UNCHANGED -> this.skipped.increment();
				case FAILED -> {
					this.failed.increment();
					String code = (outcome.errorCode() != null) ? outcome.errorCode() : "Unknown";
					this.failureListeners.forEach((listener) -> listener.accept(code));
				}
				case SKIPPED_ARCHIVED -> this.archived.increment();
				case RESTORE_PENDING -> this.restorePending.increment();
				case PENDING -> {
				}
				case SKIPPED_INVALID_KEY -> this.skippedInvalidKey.increment();
				case DELETED, EXTRA_AT_DESTINATION -> {
				}
			}
		}
	}

	/**
	 * The ledger id of the run being copied, once its first chunk has begun; -1 before.
	 */
	public long runId() {
		return this.runId.get();
	}

	/**
	 * Objects dealt with (copied, skipped, failed, archived or waiting for a restore).
	 */
	public long objects() {
		return this.objects.sum();
	}

	@Override
	public long copied() {
		return this.copied.sum();
	}

	@Override
	public long skipped() {
		return this.skipped.sum();
	}

	@Override
	public long failed() {
		return this.failed.sum();
	}

	@Override
	public long skippedInvalidKey() {
		return this.skippedInvalidKey.sum();
	}

	@Override
	public long archived() {
		return this.archived.sum();
	}

	@Override
	public long restorePending() {
		return this.restorePending.sum();
	}

	/** Bytes of the copied objects. */
	public long bytes() {
		return this.bytes.sum();
	}

	@Override
	public long bytesCopied() {
		return bytes();
	}

	/**
	 * Bytes of every object dealt with whose size is known, as the ledger's
	 * {@code doneBytes} counts them.
	 */
	public long doneBytes() {
		return this.doneBytes.sum();
	}

	@Override
	public void onFailure(Consumer<String> listener) {
		this.failureListeners.add(listener);
	}

}
