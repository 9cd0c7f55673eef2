package io.github.s3bulkcopy.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import io.github.s3bulkcopy.testsupport.LedgerDatabase;
import io.github.s3bulkcopy.testsupport.LocalPostgres;
import io.github.s3bulkcopy.verify.Verdict;
import io.github.s3bulkcopy.verify.Verification;
import io.github.s3bulkcopy.verify.VerificationMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The totals the ledger keeps next to its rows ({@link RunCounts}, read by
 * {@link JdbcLedger#totals(long)}) against the rows counted ({@link JdbcLedger#counts}),
 * through every statement that changes rows, on H2 and on PostgreSQL.
 */
class RunCountsIntegrationTests {

	private static final Verification VERIFIED = new Verification(VerificationMethod.ETAG, "e", "e", Verdict.VERIFIED,
			null);

	private static final Verification MISMATCH = new Verification(VerificationMethod.ETAG, "e", "f", Verdict.MISMATCH,
			"differ");

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void totalsEqualTheCountedRowsThroughPlanOutcomesResetSizesAndDeletion(String database) {
		JdbcTemplate jdbc = jdbc(database);
		JdbcLedger ledger = new JdbcLedger(jdbc);
		ledger.insertPlanned(1, plan(250, 10L));
		ledger.insertPlanned(2, plan(5, 1000L));
		assertThat(ledger.totals(1)).isEqualTo(ledger.counts(1))
			.isEqualTo(new LedgerCounts(250, 250, 0, 0, 0, 2500, 0, 0, 0, 0, 0));

		Instant now = Instant.now();
		List<ObjectOutcome> outcomes = new ArrayList<>();
		for (long seq = 1; seq <= 120; seq++) {
			outcomes.add(switch ((int) (seq % 4)) {
				case 0 -> outcome(seq, ObjectStatus.COPIED, 25L, VERIFIED, now);
				case 1 -> outcome(seq, ObjectStatus.COPIED, null, Verification.notVerified("no"), now);
				case 2 -> outcome(seq, ObjectStatus.FAILED, null, MISMATCH, now);
				default -> outcome(seq, ObjectStatus.SKIPPED_UNCHANGED, 10L, VERIFIED, now);
			});
		}
		// An outcome for a row that is not there changes nothing.
		outcomes.add(outcome(9_999, ObjectStatus.COPIED, 5L, VERIFIED, now));
		ledger.recordOutcomes(1, outcomes);
		LedgerCounts recorded = ledger.counts(1);
		assertThat(ledger.totals(1)).isEqualTo(recorded);
		assertThat(recorded.failed()).isEqualTo(30);
		assertThat(recorded.copiedBytes()).isEqualTo(30 * 25 + 30 * 10);

		assertThat(ledger.resetFailed(1)).isEqualTo(30);
		assertThat(ledger.totals(1)).isEqualTo(ledger.counts(1));
		assertThat(ledger.totals(1).pending()).isEqualTo(130 + 30);

		new BatchLedger(jdbc).setSize(1, 200, 7_000);
		assertThat(ledger.totals(1)).isEqualTo(ledger.counts(1));
		assertThat(ledger.totals(2)).isEqualTo(ledger.counts(2));

		ledger.deleteRun(1);
		assertThat(ledger.totals(1)).isEqualTo(ledger.counts(1))
			.isEqualTo(new LedgerCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
		assertThat(ledger.totals(2)).isEqualTo(ledger.counts(2));
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void aChunkRolledBackLeavesTheTotalsAsTheRows(String database) {
		JdbcTemplate jdbc = jdbc(database);
		JdbcLedger ledger = new JdbcLedger(jdbc);
		ledger.insertPlanned(3, plan(10, 10L));
		Instant now = Instant.now();

		assertThatThrownBy(() -> RunCounts.transactions(jdbc).executeWithoutResult((transaction) -> {
			ledger.recordOutcomes(3, List.of(outcome(1, ObjectStatus.COPIED, 10L, VERIFIED, now)));
			throw new IllegalStateException("the chunk fails after its outcomes were written");
		})).isInstanceOf(IllegalStateException.class);

		assertThat(ledger.totals(3)).isEqualTo(ledger.counts(3));
		assertThat(ledger.totals(3).pending()).isEqualTo(10);
		assertThat(ledger.finishedSince(3, now.minusSeconds(60)).objects()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void outcomesOfRowsAsReadRecordEveryRowAndItsProofWithExactTotalsEvenForRowsChangedSinceRead(String database) {
		JdbcTemplate jdbc = jdbc(database);
		JdbcLedger ledger = new JdbcLedger(jdbc);
		List<PlannedObject> read = plan(20, 10L);
		ledger.insertPlanned(6, read);
		Instant now = Instant.now();
		// Since the chunk read its rows: row 1 was recorded, row 2's size learnt, row 3's
		// reset from failed (pending again, as read).
		ledger.recordOutcomes(6, List.of(outcome(1, ObjectStatus.COPIED, 10L, VERIFIED, now),
				outcome(3, ObjectStatus.FAILED, null, MISMATCH, now)));
		new BatchLedger(jdbc).setSize(6, 2, 7_000);
		ledger.resetFailed(6);

		List<ObjectOutcome> outcomes = new ArrayList<>();
		for (long seq = 1; seq <= 20; seq++) {
			outcomes.add((seq % 5 == 0) ? outcome(seq, ObjectStatus.FAILED, null, MISMATCH, now)
					: outcome(seq, ObjectStatus.COPIED, (seq == 2) ? null : 10L, VERIFIED, now).withEtags("e", "e"));
		}
		// An outcome for a row that is not there changes nothing.
		outcomes.add(outcome(9_999, ObjectStatus.COPIED, 5L, VERIFIED, now));
		List<PlannedObject> asRead = new ArrayList<>(read);
		asRead.add(new PlannedObject(9_999, "b", "gone", null, 5L, null, null, null, null, "gone"));
		ledger.recordOutcomes(6, outcomes, 7L, asRead);

		LedgerCounts counted = ledger.counts(6);
		assertThat(ledger.totals(6)).isEqualTo(counted);
		assertThat(counted.pending()).isZero();
		assertThat(counted.failed()).isEqualTo(4);
		assertThat(counted.copiedBytes()).isEqualTo(15 * 10 + 7_000);
		assertThat(ledger.finishedSince(6, now.minusSeconds(60)).objects()).isEqualTo(20 + 2);
		assertThat(jdbc.queryForList(
				"SELECT SEQ FROM BULK_LEDGER WHERE ROW_KEY BETWEEN ? AND ? AND STATUS = 'COPIED' "
						+ "AND PROVEN_RUN = 7 AND PROVEN_SIZE = OBJECT_SIZE ORDER BY SEQ",
				Long.class, LedgerKey.first(6), LedgerKey.last(6)))
			.hasSize(15)
			.contains(1L, 3L)
			// Row 2's outcome has no size of its own: it proves nothing.
			.doesNotContain(2L, 5L, 10L, 15L, 20L);
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void partitionsInStepsOfTheirOwnAddUpAcrossTheirSlots(String database) throws Exception {
		JdbcTemplate jdbc = jdbc(database);
		JdbcLedger ledger = new JdbcLedger(jdbc);
		ledger.insertPlanned(4, plan(400, 1L));
		Instant now = Instant.now();
		JobExecution job = new JobExecution(1, new JobInstance(4, "job"), new JobParameters());
		List<CompletableFuture<Void>> partitions = new ArrayList<>();
		for (int partition = 0; partition < 4; partition++) {
			long first = partition * 100L + 1;
			StepExecution step = new StepExecution(100 + partition, "copy-partition", job);
			partitions.add(CompletableFuture.runAsync(() -> {
				StepSynchronizationManager.register(step);
				try {
					for (long seq = first; seq < first + 100; seq += 10) {
						List<ObjectOutcome> chunk = new ArrayList<>();
						for (long s = seq; s < seq + 10; s++) {
							chunk.add(outcome(s, (s % 7 == 0) ? ObjectStatus.FAILED : ObjectStatus.COPIED, 2L, VERIFIED,
									now));
						}
						ledger.recordOutcomes(4, chunk);
					}
				}
				finally {
					StepSynchronizationManager.close();
				}
			}));
		}
		CompletableFuture.allOf(partitions.toArray(CompletableFuture[]::new)).get();

		assertThat(ledger.totals(4)).isEqualTo(ledger.counts(4));
		assertThat(ledger.totals(4).pending()).isZero();
		assertThat(jdbc.queryForList("SELECT DISTINCT SLOT FROM BULK_RUN_COUNTS WHERE RUN_ID = 4 ORDER BY SLOT",
				Long.class))
			.containsExactly(0L, 100L, 101L, 102L, 103L);
		assertThat(ledger.finishedSince(4, now.minus(Duration.ofMinutes(1))))
			.isEqualTo(new RecentWork(400, 2 * (400 - 57)));
		assertThat(ledger.finishedSince(4, now.plus(Duration.ofMinutes(1))).objects()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void aRunWrittenWithoutTotalsIsCountedFromItsRowsThenKeptFromThere(String database) {
		JdbcTemplate jdbc = jdbc(database);
		JdbcLedger ledger = new JdbcLedger(jdbc);
		ledger.insertPlanned(5, plan(20, 3L));
		Instant now = Instant.now();
		ledger.recordOutcomes(5, List.of(outcome(1, ObjectStatus.FAILED, null, MISMATCH, now)));
		// As an earlier version of the tool left the run: rows and no totals.
		jdbc.update("DELETE FROM BULK_RUN_COUNTS");
		jdbc.update("DELETE FROM BULK_RUN_PACE");
		JdbcLedger later = new JdbcLedger(jdbc);
		assertThat(later.totals(5)).isEqualTo(later.counts(5));

		later.recordOutcomes(5, List.of(outcome(2, ObjectStatus.COPIED, 3L, VERIFIED, now)));
		later.resetFailed(5);

		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BULK_RUN_COUNTS WHERE RUN_ID = 5", Integer.class))
			.isPositive();
		assertThat(later.totals(5)).isEqualTo(later.counts(5));
		assertThat(later.totals(5).pending()).isEqualTo(19);
	}

	private static JdbcTemplate jdbc(String database) {
		if ("h2".equals(database)) {
			return LedgerDatabase.create();
		}
		DataSource dataSource = LocalPostgres.database().dataSource();
		new ResourceDatabasePopulator(new ClassPathResource("db/ledger-schema.sql")).execute(dataSource);
		return new JdbcTemplate(dataSource);
	}

	private static List<PlannedObject> plan(int count, Long size) {
		List<PlannedObject> objects = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			objects.add(new PlannedObject(i, "b", "k" + i, null, size, null, null, null, null, "k" + i));
		}
		return objects;
	}

	private static ObjectOutcome outcome(long seq, ObjectStatus status, Long size, Verification verification,
			Instant at) {
		return new ObjectOutcome(seq, status, size, (status == ObjectStatus.FAILED) ? "BadDigest" : null,
				(status == ObjectStatus.FAILED) ? 400 : null, null, verification, at, at);
	}

}
