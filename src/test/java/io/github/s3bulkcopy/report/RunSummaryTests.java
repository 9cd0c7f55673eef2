package io.github.s3bulkcopy.report;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RunSummaryTests {

	private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

	@Test
	void ratesFinishedObjectsOverTheRunsDuration() {
		// 7 finished (2 copied, 3 skipped, 2 failed) and 5 pending over 3 s: 7 / 3 = 2.333...
		ReportTotals totals = new ReportTotals(12, 2, 3, 2, 5, 1200, 200, 5, 0, 2);

		RunSummary summary = RunSummary.of(run(START.plusMillis(3000)), totals, "completion-report.csv");

		assertThat(summary.durationSeconds()).isEqualTo(new BigDecimal("3.000"));
		assertThat(summary.objectsPerSecond()).isEqualTo(new BigDecimal("2.33"));
		assertThat(summary.objects()).isEqualTo(new RunSummary.ObjectCounts(12, 2, 3, 2, 5, 0, 0));
		assertThat(summary.bytes()).isEqualTo(new RunSummary.ByteCounts(1200, 200));
		assertThat(summary.verification()).isEqualTo(new RunSummary.VerificationCounts(5, 0, 2));
		assertThat(summary.reportFile()).isEqualTo("completion-report.csv");
	}

	@Test
	void roundsTheRateHalfUp() {
		ReportTotals totals = new ReportTotals(2, 2, 0, 0, 0, 0, 0, 2, 0, 0);

		RunSummary summary = RunSummary.of(run(START.plusMillis(1600)), totals, "completion-report.csv");

		assertThat(summary.durationSeconds()).isEqualTo(new BigDecimal("1.600"));
		assertThat(summary.objectsPerSecond()).isEqualTo(new BigDecimal("1.25"));
	}

	@Test
	void aRunOfNoMeasurableDurationHasARateOfZero() {
		RunSummary summary = RunSummary.of(run(START), ReportTotals.EMPTY, "completion-report.csv");

		assertThat(summary.durationSeconds()).isEqualTo(new BigDecimal("0.000"));
		assertThat(summary.objectsPerSecond()).isEqualTo(new BigDecimal("0.00"));
	}

	@Test
	void anEndBeforeTheStartIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> run(START.minusSeconds(1)))
			.withMessageContaining("before startTime");
	}

	private static RunMetadata run(Instant end) {
		return new RunMetadata("job", 1, "COMPLETED", 0, START, end, new RunSummary.Side("src", ""),
				new RunSummary.Side("dst", ""), new RunSummary.Manifest("LISTING", null), "00", "test");
	}

}
