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

	private final List<Consumer<Totals>> chunkListeners = new CopyOnWriteArrayList<>();

	/**
	 * The copy of run {@code runId} has begun: the progress line turns from planning to
	 * copying now, not when the first chunk is done, which against a server that does not
	 * answer may be a long while.
	 */
	void copying(long runId) {
		this.runId.set(runId);
	}

	void record(long runId, List<ObjectOutcome> outcomes) {
		Totals chunk = Totals.of(outcomes);
		add(runId, chunk);
		for (ObjectOutcome outcome : outcomes) {
			if (outcome.status() == ObjectStatus.FAILED) {
				String code = (outcome.errorCode() != null) ? outcome.errorCode() : "Unknown";
				this.failureListeners.forEach((listener) -> listener.accept(code));
			}
		}
		this.chunkListeners.forEach((listener) -> listener.accept(chunk));
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

	/**
	 * Calls {@code listener} with each chunk's counts once counted, on the thread that
	 * wrote the chunk (a worker of a distributed run records them with its partition).
	 */
	public void onChunk(Consumer<Totals> listener) {
		this.chunkListeners.add(listener);
	}

	/** What has been counted so far. */
	public Totals totals() {
		return new Totals(objects(), copied(), skipped(), failed(), skippedInvalidKey(), archived(), restorePending(),
				bytes(), doneBytes());
	}

	/**
	 * Counts what another process copied for run {@code runId}: the manager of a
	 * distributed run adds what its workers recorded, so its progress line and meters
	 * show the whole run.
	 */
	public void add(long runId, Totals counted) {
		this.runId.set(runId);
		this.objects.add(counted.objects());
		this.copied.add(counted.copied());
		this.skipped.add(counted.skipped());
		this.failed.add(counted.failed());
		this.skippedInvalidKey.add(counted.skippedInvalidKey());
		this.archived.add(counted.archived());
		this.restorePending.add(counted.restorePending());
		this.bytes.add(counted.bytes());
		this.doneBytes.add(counted.doneBytes());
	}

	/** Counts of objects dealt with, by outcome, and their bytes. */
	public record Totals(long objects, long copied, long skipped, long failed, long skippedInvalidKey, long archived,
			long restorePending, long bytes, long doneBytes) {

		public static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0, 0, 0, 0);

		/** The counts of a chunk's outcomes. */
		public static Totals of(List<ObjectOutcome> outcomes) {
			long objects = 0;
			long copied = 0;
			long skipped = 0;
			long failed = 0;
			long skippedInvalidKey = 0;
			long archived = 0;
			long restorePending = 0;
			long bytes = 0;
			long doneBytes = 0;
			for (ObjectOutcome outcome : outcomes) {
				objects++;
				long size = (outcome.size() != null) ? outcome.size() : 0;
				doneBytes += size;
				switch (outcome.status()) {
					case COPIED -> {
						copied++;
						bytes += size;
					}
					case SKIPPED_UNCHANGED -> skipped++;
					case FAILED -> failed++;
					case SKIPPED_ARCHIVED -> archived++;
					case RESTORE_PENDING -> restorePending++;
					case SKIPPED_INVALID_KEY -> skippedInvalidKey++;
					case PENDING, DELETED, EXTRA_AT_DESTINATION -> {
					}
				}
			}
			return new Totals(objects, copied, skipped, failed, skippedInvalidKey, archived, restorePending, bytes,
					doneBytes);
		}

		public Totals plus(Totals other) {
			return new Totals(this.objects + other.objects, this.copied + other.copied, this.skipped + other.skipped,
					this.failed + other.failed, this.skippedInvalidKey + other.skippedInvalidKey,
					this.archived + other.archived, this.restorePending + other.restorePending,
					this.bytes + other.bytes, this.doneBytes + other.doneBytes);
		}

		public Totals minus(Totals other) {
			return new Totals(this.objects - other.objects, this.copied - other.copied, this.skipped - other.skipped,
					this.failed - other.failed, this.skippedInvalidKey - other.skippedInvalidKey,
					this.archived - other.archived, this.restorePending - other.restorePending,
					this.bytes - other.bytes, this.doneBytes - other.doneBytes);
		}

	}

}
