package io.github.s3bulkcopy.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.s3bulkcopy.testsupport.LedgerDatabase;
import io.github.s3bulkcopy.verify.Verdict;
import io.github.s3bulkcopy.verify.Verification;
import io.github.s3bulkcopy.verify.VerificationMethod;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcLedgerTests {

	private JdbcTemplate jdbc;

	private JdbcLedger ledger;

	@BeforeEach
	void database() {
		this.jdbc = LedgerDatabase.create();
		this.ledger = new JdbcLedger(this.jdbc);
	}

	@Test
	void insertsEveryFieldOfEveryRowWhetherInAMultiRowStatementOrLeftOver() {
		List<PlannedObject> objects = new ArrayList<>();
		for (int i = 1; i <= 2 * JdbcLedger.ROWS_PER_INSERT + 5; i++) {
			objects.add(new PlannedObject(i, "bucket-" + i, "key/" + i, (i % 3 == 0) ? null : "v" + i,
					(i % 4 == 0) ? null : 1000L + i, "etag" + i, (i % 5 == 0) ? null : "CRC64NVME", "STANDARD_" + i,
					"SSE-" + i, "dest/" + i));
		}

		this.ledger.insertPlanned(3, objects);
		this.ledger.insertPlanned(3, List.of());

		assertThat(this.ledger.first(3, objects.size() + 1)).isEqualTo(objects);
		assertThat(this.jdbc.queryForList("SELECT DISTINCT STATUS FROM BULK_LEDGER", String.class))
			.containsExactly("PENDING");
	}

	@Test
	void countsAddUpStatusesBytesAndVerdictsOfOneRunOnly() {
		// given
		plan(1, 6, 10L);
		plan(2, 4, 1000L);
		Instant now = Instant.now();
		Verification verified = new Verification(VerificationMethod.ETAG, "e", "e", Verdict.VERIFIED, null);
		Verification mismatch = new Verification(VerificationMethod.ETAG, "e", "f", Verdict.MISMATCH, "differ");
		this.ledger.recordOutcomes(1, List.of(
				new ObjectOutcome(1, ObjectStatus.COPIED, 10L, null, null, null, verified, now, now),
				new ObjectOutcome(2, ObjectStatus.COPIED, 10L, null, null, null, Verification.notVerified("no"), now,
						now),
				new ObjectOutcome(3, ObjectStatus.FAILED, null, "BadDigest", 400, "m", mismatch, now, now),
				new ObjectOutcome(4, ObjectStatus.SKIPPED_UNCHANGED, 10L, null, null, null, verified, now, now)));

		// when
		LedgerCounts counts = this.ledger.counts(1);

		// then
		assertThat(counts).isEqualTo(new LedgerCounts(6, 2, 2, 1, 1, 60, 20, 40, 2, 1, 1, 0));
		assertThat(this.ledger.counts(2)).isEqualTo(new LedgerCounts(4, 4, 0, 0, 0, 4000, 0, 0, 0, 0, 0, 0));
		assertThat(this.ledger.counts(3)).isEqualTo(new LedgerCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
	}

	@Test
	void firstAndMaxSeqFollowThePlanOrderOfTheirRun() {
		plan(5, 30, 1L);
		plan(4, 50, 1L);
		plan(6, 10, 1L);
		assertThat(this.ledger.first(5, 3)).extracting(PlannedObject::seq).containsExactly(1L, 2L, 3L);
		assertThat(this.ledger.first(5, 3)).extracting(PlannedObject::sourceKey).containsExactly("k1", "k2", "k3");
		assertThat(this.ledger.maxSeq(5)).isEqualTo(30);
		assertThat(this.ledger.maxSeq(4)).isEqualTo(50);
		assertThat(this.ledger.maxSeq(7)).isZero();
		assertThat(this.ledger.first(7, 3)).isEmpty();
	}

	@Test
	void streamsARunsRowsInPlanOrderOrByKeyAndNoOtherRunsRows() {
		// given: plan order is not key order ("k10" sorts before "k2")
		plan(11, 12, 1L);
		plan(12, 3, 1L);

		// when
		List<String> inPlanOrder;
		try (var rows = this.ledger.streamInPlanOrder(11)) {
			inPlanOrder = rows.map((row) -> row.planned().sourceKey()).toList();
		}
		List<String> byKey;
		try (var rows = this.ledger.streamByKey(11)) {
			byKey = rows.map((row) -> row.planned().sourceKey()).toList();
		}

		// then
		assertThat(inPlanOrder).containsExactly("k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9", "k10", "k11",
				"k12");
		assertThat(byKey).containsExactly("k1", "k10", "k11", "k12", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9");
		try (var rows = this.ledger.streamInPlanOrder(13)) {
			assertThat(rows).isEmpty();
		}
	}

	@Test
	void deleteRunRemovesEveryRowOfTheRunAcrossManyBatchesAndNothingElse() {
		int rows = 2 * JdbcLedger.DELETE_BATCH + 7;
		plan(8, rows, 1L);
		plan(9, 3, 1L);

		this.ledger.deleteRun(8);

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM BULK_LEDGER WHERE RUN_ID = 8", Long.class)).isZero();
		assertThat(this.ledger.counts(9).total()).isEqualTo(3);
		this.ledger.deleteRun(8);
		this.ledger.deleteRun(10);
		assertThat(this.ledger.counts(9).total()).isEqualTo(3);
	}

	@Test
	void deleteRunRemovesRowsPastGapsInThePositionsToo() {
		int rows = JdbcLedger.DELETE_BATCH + 3;
		plan(8, rows, 1L);
		List<PlannedObject> scattered = new ArrayList<>();
		for (long seq : new long[] { rows + 2, 5 * JdbcLedger.DELETE_BATCH, LedgerKey.MAX_SEQ - 1,
				LedgerKey.MAX_SEQ }) {
			scattered.add(new PlannedObject(seq, "b", "s" + seq, null, 1L, null, null, null, null, "s" + seq));
		}
		this.ledger.insertPlanned(8, scattered);
		plan(9, 3, 1L);

		this.ledger.deleteRun(8);

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM BULK_LEDGER WHERE RUN_ID = 8", Long.class)).isZero();
		assertThat(this.ledger.counts(9).total()).isEqualTo(3);
	}

	@Test
	void aTallyOfARunsRowsCountsStorageClassesAsTheLedgersQueryDoes() {
		String[] classes = { null, "STANDARD", "GLACIER", "STANDARD", null, "DEEP_ARCHIVE", "GLACIER" };
		Long[] sizes = { 5L, 7L, null, 11L, 13L, 17L, 19L };
		List<PlannedObject> objects = new ArrayList<>();
		for (int i = 0; i < classes.length; i++) {
			objects.add(new PlannedObject(i + 1, "b", "k" + i, null, sizes[i], null, null, classes[i], null, "k" + i));
		}
		this.ledger.insertPlanned(12, objects);
		plan(13, 2, 1L);

		StorageClassCount.Tally tally = new StorageClassCount.Tally();
		try (var rows = this.ledger.streamInPlanOrder(12)) {
			rows.forEach((row) -> tally.add(row.planned()));
		}

		assertThat(tally.counts()).containsExactly(new StorageClassCount(null, 2, 18),
				new StorageClassCount("DEEP_ARCHIVE", 1, 17), new StorageClassCount("GLACIER", 2, 19),
				new StorageClassCount("STANDARD", 2, 18));
		assertThat(tally.counts()).isEqualTo(this.ledger.storageClassCounts(12));
	}

	private void plan(long runId, int count, Long size) {
		List<PlannedObject> objects = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			objects.add(new PlannedObject(i, "b", "k" + i, null, size, null, null, null, null, "k" + i));
		}
		this.ledger.insertPlanned(runId, objects);
	}

}
