package io.github.s3bulkcopy.cli;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.IntSupplier;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.github.s3bulkcopy.batch.CopyProgress;
import io.github.s3bulkcopy.ledger.LedgerCounts;
import io.github.s3bulkcopy.metrics.S3RequestMetrics.Silence;
import org.jspecify.annotations.Nullable;

/**
 * What the progress line shows, from two sources: totals and what earlier executions did
 * from the ledger (read every {@link #LEDGER_REFRESH}, since counting a large ledger is
 * not free), and what this process did since then from {@link CopyProgress}, which the
 * chunk writer updates as it goes. Rates are over the last {@link #RATE_WINDOW}, so the
 * ETA follows the current speed rather than the average since start; the objects in
 * flight from the copy's limit; and S3's silence once it has lasted long enough to tell a
 * user why nothing moves. Not thread-safe: one display thread.
 */
final class ProgressModel {

	static final Duration LEDGER_REFRESH = Duration.ofSeconds(15);

	static final Duration RATE_WINDOW = Duration.ofSeconds(30);

	/**
	 * One reading.
	 *
	 * @param copying whether the copy step has started (before that, the plan is being
	 * made)
	 * @param doneObjects objects copied, skipped or failed
	 * @param totalObjects objects planned
	 * @param doneBytes bytes of the objects done whose size is known
	 * @param totalBytes bytes of all objects whose size is known
	 * @param failed objects failed so far
	 * @param objectsPerSecond recent rate
	 * @param bytesPerSecond recent rate of bytes done
	 * @param eta when the rest will be done at the recent rate; null while there is no
	 * rate
	 * @param concurrency the objects this process may have in flight now
	 * ({@code copy.concurrency}, as it follows S3); 0 where not known
	 * @param silence S3 calls waiting and how long no answer came; {@link Silence#NONE}
	 * unless it lasted long enough to show
	 */
	record Snapshot(boolean copying, long doneObjects, long totalObjects, long doneBytes, long totalBytes, long failed,
			double objectsPerSecond, double bytesPerSecond, @Nullable Duration eta, int concurrency, Silence silence) {

		static final Snapshot PLANNING = new Snapshot(false, 0, 0, 0, 0, 0, 0, 0, null, 0, Silence.NONE);

	}

	private record Sample(long nanos, long objects, long bytes) {
	}

	private final CopyProgress live;

	private final LongFunction<LedgerCounts> ledger;

	private final LongSupplier nanoTime;

	private final IntSupplier concurrency;

	private final Supplier<Silence> silence;

	private final Duration silenceShown;

	private final Deque<Sample> samples = new ArrayDeque<>();

	private @Nullable LedgerCounts base;

	private long baseObjects;

	private long baseBytes;

	private long baseFailed;

	private long baseNanos;

	/**
	 * @param live what this process's copy step recorded
	 * @param ledger the ledger's counts of a run, by run id
	 * @param nanoTime the clock ({@link System#nanoTime()} outside tests)
	 */
	ProgressModel(CopyProgress live, LongFunction<LedgerCounts> ledger, LongSupplier nanoTime) {
		this(live, ledger, nanoTime, () -> 0, () -> Silence.NONE, Duration.ZERO);
	}

	/**
	 * @param live what this process's copy step recorded
	 * @param ledger the ledger's counts of a run, by run id
	 * @param nanoTime the clock ({@link System#nanoTime()} outside tests)
	 * @param concurrency the objects this process may have in flight now
	 * @param silence S3 calls waiting and how long no answer came
	 * @param silenceShown how long a silence lasts before it is shown
	 */
	ProgressModel(CopyProgress live, LongFunction<LedgerCounts> ledger, LongSupplier nanoTime, IntSupplier concurrency,
			Supplier<Silence> silence, Duration silenceShown) {
		this.live = live;
		this.ledger = ledger;
		this.nanoTime = nanoTime;
		this.concurrency = concurrency;
		this.silence = silence;
		this.silenceShown = silenceShown;
	}

	Snapshot sample() {
		long runId = this.live.runId();
		if (runId < 0) {
			Silence silence = shownSilence();
			return (silence.waiting() > 0) ? new Snapshot(false, 0, 0, 0, 0, 0, 0, 0, null, 0, silence)
					: Snapshot.PLANNING;
		}
		long now = this.nanoTime.getAsLong();
		long objects = this.live.objects();
		long bytes = this.live.doneBytes();
		long failed = this.live.failed();
		if (this.base == null || now - this.baseNanos >= LEDGER_REFRESH.toNanos()) {
			this.base = this.ledger.apply(runId);
			this.baseObjects = objects;
			this.baseBytes = bytes;
			this.baseFailed = failed;
			this.baseNanos = now;
		}
		LedgerCounts counts = this.base;
		// The ledger may lag or lead the live counters by a chunk; never show more done
		// than planned.
		long doneObjects = Math.min(counts.total(), counts.done() + objects - this.baseObjects);
		long doneBytes = Math.min(counts.totalBytes(), counts.doneBytes() + bytes - this.baseBytes);
		this.samples.addLast(new Sample(now, objects, bytes));
		while (this.samples.size() > 2 && now - this.samples.peekFirst().nanos() > RATE_WINDOW.toNanos()) {
			this.samples.removeFirst();
		}
		Sample oldest = this.samples.peekFirst();
		double seconds = (now - oldest.nanos()) / 1e9;
		double objectsPerSecond = (seconds > 0) ? (objects - oldest.objects()) / seconds : 0;
		double bytesPerSecond = (seconds > 0) ? (bytes - oldest.bytes()) / seconds : 0;
		Duration eta = (objectsPerSecond > 0)
				? Duration.ofSeconds((long) Math.ceil((counts.total() - doneObjects) / objectsPerSecond)) : null;
		return new Snapshot(true, doneObjects, counts.total(), doneBytes, counts.totalBytes(),
				counts.failed() + failed - this.baseFailed, objectsPerSecond, bytesPerSecond, eta,
				this.concurrency.getAsInt(), shownSilence());
	}

	private Silence shownSilence() {
		Silence now = this.silence.get();
		return (now.waiting() > 0 && now.unanswered().compareTo(this.silenceShown) >= 0 && !now.unanswered().isZero())
				? now : Silence.NONE;
	}

}
