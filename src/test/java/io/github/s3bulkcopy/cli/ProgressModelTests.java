package io.github.s3bulkcopy.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.s3bulkcopy.batch.CopyProgress;
import io.github.s3bulkcopy.batch.CopyProgressAccess;
import io.github.s3bulkcopy.ledger.LedgerCounts;
import io.github.s3bulkcopy.metrics.S3RequestMetrics.Silence;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressModelTests {

	private final CopyProgress live = new CopyProgress();

	private final AtomicLong nanos = new AtomicLong();

	private final List<Long> ledgerReads = new ArrayList<>();

	/**
	 * A resumed run: 1,000 planned, 400 done by an earlier execution, 10 of them failed.
	 */
	private LedgerCounts counts = new LedgerCounts(1000, 600, 390, 0, 10, 1_000_000, 390_000, 400_000, 390, 0, 10, 0);

	private final ProgressModel model = new ProgressModel(this.live, (runId) -> {
		this.ledgerReads.add(runId);
		return this.counts;
	}, this.nanos::get);

	@Test
	void beforeTheCopyStartsItIsPlanning() {
		ProgressModel.Snapshot snapshot = this.model.sample();

		assertThat(snapshot.copying()).isFalse();
		assertThat(ProgressLine.plain(snapshot))
			.isEqualTo("progress: planning the run (reading the manifest into the ledger)");
		assertThat(this.ledgerReads).isEmpty();
	}

	@Test
	void addsWhatThisProcessDidToTheLedgersCountsAndRatesTheRecentWindow() {
		CopyProgressAccess.record(this.live, 7, 100, 1000, 2);
		ProgressModel.Snapshot first = this.model.sample();
		assertThat(first.doneObjects()).isEqualTo(400);
		assertThat(this.ledgerReads).containsExactly(7L);

		this.nanos.addAndGet(Duration.ofSeconds(10).toNanos());
		CopyProgressAccess.record(this.live, 7, 200, 1000, 3);
		ProgressModel.Snapshot second = this.model.sample();

		assertThat(second.doneObjects()).isEqualTo(600);
		assertThat(second.doneBytes()).isEqualTo(600_000);
		assertThat(second.failed()).isEqualTo(13);
		assertThat(second.objectsPerSecond()).isEqualTo(20.0);
		assertThat(second.bytesPerSecond()).isEqualTo(20_000.0);
		assertThat(second.eta()).isEqualTo(Duration.ofSeconds(20));
		assertThat(this.ledgerReads).hasSize(1);
		assertThat(ProgressLine.plain(second)).isEqualTo("progress: 600/1,000 objects (60.0%), 585.9 KiB/976.6 KiB, "
				+ "20.0 objects/s, 0.0 MiB/s, ETA 0:00:20, 13 failed");
	}

	@Test
	void rereadsTheLedgerNowAndThenAndNeverShowsMoreThanPlanned() {
		CopyProgressAccess.record(this.live, 7, 100, 1000, 0);
		this.model.sample();
		this.counts = new LedgerCounts(1000, 0, 990, 0, 10, 1_000_000, 990_000, 1_000_000, 990, 0, 10, 0);
		this.nanos.addAndGet(ProgressModel.LEDGER_REFRESH.toNanos());
		CopyProgressAccess.record(this.live, 7, 600, 1000, 0);

		ProgressModel.Snapshot snapshot = this.model.sample();

		assertThat(this.ledgerReads).hasSize(2);
		assertThat(snapshot.doneObjects()).isEqualTo(1000);
		assertThat(snapshot.doneBytes()).isEqualTo(1_000_000);
	}

	@Test
	void showsTheObjectsTheCopyAllowsInFlightNowWhereKnown() {
		AtomicInteger limit = new AtomicInteger(37);
		ProgressModel withLimit = new ProgressModel(this.live, (runId) -> this.counts, this.nanos::get, limit::get,
				() -> Silence.NONE, Duration.ZERO);
		CopyProgressAccess.record(this.live, 7, 5, 1000, 1);

		assertThat(ProgressLine.plain(withLimit.sample())).endsWith(" failed, concurrency 37");
		assertThat(ProgressLine.extra(withLimit.sample())).endsWith(" failed · concurrency 37");
		limit.set(0);
		assertThat(ProgressLine.plain(withLimit.sample())).endsWith(" failed");
	}

	@Test
	void showsHowLongS3HasNotAnsweredOnceThatLastedLongEnough() {
		AtomicLong silentSeconds = new AtomicLong(14);
		ProgressModel withSilence = new ProgressModel(this.live, (runId) -> this.counts, this.nanos::get, () -> 16,
				() -> new Silence(4, Duration.ofSeconds(silentSeconds.get())), Duration.ofSeconds(15));

		assertThat(ProgressLine.plain(withSilence.sample()))
			.isEqualTo("progress: planning the run (reading the manifest into the ledger)");
		silentSeconds.set(15);
		assertThat(ProgressLine.plain(withSilence.sample())).isEqualTo(
				"progress: planning the run (reading the manifest into the ledger); no answer from S3 for 0:00:15, "
						+ "4 requests waiting");

		CopyProgressAccess.record(this.live, 7, 5, 1000, 1);
		silentSeconds.set(14);
		assertThat(ProgressLine.plain(withSilence.sample())).endsWith(" failed, concurrency 16");
		silentSeconds.set(3725);
		assertThat(ProgressLine.plain(withSilence.sample()))
			.endsWith(" failed, concurrency 16; no answer from S3 for 1:02:05, 4 requests waiting");
		assertThat(ProgressLine.extra(withSilence.sample()))
			.endsWith(" failed · concurrency 16 · no answer from S3 for 1:02:05, 4 requests waiting");
	}

	@Test
	void aSilenceWithNothingWaitingIsNotShown() {
		ProgressModel idle = new ProgressModel(this.live, (runId) -> this.counts, this.nanos::get, () -> 0,
				() -> Silence.NONE, Duration.ofSeconds(15));
		CopyProgressAccess.record(this.live, 7, 5, 1000, 1);

		assertThat(ProgressLine.plain(idle.sample())).endsWith(" failed");
	}

	@Test
	void aPlainLineHasNoControlCharacters() {
		CopyProgressAccess.record(this.live, 7, 5, 1000, 1);
		String line = ProgressLine.plain(this.model.sample());

		assertThat(line).doesNotContainPattern("[\\p{Cntrl}]").startsWith("progress: ").contains("ETA unknown");
		assertThat(Map.of("line", line)).isNotEmpty();
	}

}
