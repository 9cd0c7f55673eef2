package io.github.s3bulkcopy.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.ledger.NotCarried;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

class RunSummaryTests {

	private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

	@Test
	void requestsAreGroupedBySideAndOperationWithTheirRetries() {
		RunSummary.Requests requests = RunSummary.Requests.of(
				Map.of("source/GetObject", 5L, "source/HeadObject", 2L, "destination/PutObject", 6L),
				Map.of("destination/PutObject", 1L));

		assertThat(requests.total()).isEqualTo(13);
		assertThat(requests.retries()).isEqualTo(1);
		assertThat(requests.bySide()).containsOnlyKeys("destination", "source");
		assertThat(requests.bySide().get("source")).containsExactly(
				Map.entry("GetObject", new RunSummary.OperationCount(5, 0)),
				Map.entry("HeadObject", new RunSummary.OperationCount(2, 0)));
		assertThat(requests.attempts("destination", "PutObject")).isEqualTo(6);
		assertThat(requests.attempts("destination", "GetObject")).isZero();
	}

	@Test
	void ratesFinishedObjectsOverTheRunsDuration() {
		// 7 finished (2 copied, 3 skipped, 2 failed) and 5 pending over 3 s: 7 / 3 =
		// 2.333...
		ReportTotals totals = new ReportTotals(12, 2, 3, 2, 5, 1200, 200, 5, 0, 2, 0);

		RunSummary summary = RunSummary.of(run(START.plusMillis(3000)), totals, "completion-report.csv");

		assertThat(summary.durationSeconds()).isEqualTo(new BigDecimal("3.000"));
		assertThat(summary.objectsPerSecond()).isEqualTo(new BigDecimal("2.33"));
		assertThat(summary.objects()).isEqualTo(new RunSummary.ObjectCounts(12, 2, 3, 2, 5, 0, 0, 0));
		assertThat(summary.bytes()).isEqualTo(new RunSummary.ByteCounts(1200, 200));
		assertThat(summary.verification()).isEqualTo(new RunSummary.VerificationCounts(5, 0, 2));
		assertThat(summary.reportFile()).isEqualTo("completion-report.csv");
	}

	@Test
	void roundsTheRateHalfUp() {
		ReportTotals totals = new ReportTotals(2, 2, 0, 0, 0, 0, 0, 2, 0, 0, 0);

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
	void listsWhatTheCopiesDidNotCarryFromTheRunsCountsAndSettings() {
		ReportTotals totals = new ReportTotals(5, 4, 1, 0, 0, 0, 0, 5, 0, 0, 0);
		RunFacts facts = new RunFacts(totals, Map.of(), Map.of(), List.of(), 0, List.of(),
				Map.of(NotCarried.RETENTION_EXPIRED, 2L, NotCarried.WEBSITE_REDIRECT_NOT_LOOKED_UP, 3L));
		RunMetadata run = new RunMetadata("job", 1, "COMPLETED", 0, START, START, 1, new RunSummary.Side("src", ""),
				new RunSummary.Side("dst", ""), RunSummary.CallerIdentities.UNKNOWN,
				new RunSummary.Manifest("LISTING", null), "00", "test", Map.of(),
				List.of(new RunMetadata.Setting("destination.storage-class", "STANDARD_IA"),
						new RunMetadata.Setting("destination.acl", "bucket-owner-full-control")));

		RunSummary summary = RunSummary.of(run, facts, "completion-report.csv");

		assertThat(summary.notCarried())
			.extracting(RunSummary.NotCarriedEntry::what, RunSummary.NotCarriedEntry::objects)
			.containsExactly(tuple("object lock retention", 2L), tuple("website redirect location", 3L),
					tuple("storage class", 4L), tuple("ACL grants", 4L), tuple("last-modified", 4L));
		assertThat(summary.notCarried().get(2).why()).contains("destination.storage-class sets STANDARD_IA");
		assertThat(summary.notCarried().get(3).why()).contains("canned ACL bucket-owner-full-control");
	}

	@Test
	void aRunThatCopiedNothingListsNothingAsNotCarried() {
		RunSummary summary = RunSummary.of(run(START), new ReportTotals(1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0),
				"completion-report.csv");

		assertThat(summary.notCarried()).isEmpty();
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
