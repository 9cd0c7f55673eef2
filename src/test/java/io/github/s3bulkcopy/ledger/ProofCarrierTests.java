package io.github.s3bulkcopy.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.testsupport.LedgerDatabase;
import io.github.s3bulkcopy.verify.Verdict;
import io.github.s3bulkcopy.verify.Verification;
import io.github.s3bulkcopy.verify.VerificationMethod;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ProofCarrierTests {

	private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

	private JdbcTemplate jdbc;

	private JdbcLedger ledger;

	private ProofCarrier carrier;

	@BeforeEach
	void database() {
		this.jdbc = LedgerDatabase.create();
		this.ledger = new JdbcLedger(this.jdbc);
		this.carrier = new ProofCarrier(this.jdbc, LedgerDatabase.ownTransactions(this.jdbc.getDataSource()));
	}

	@Test
	void aRunRecordsTheCopiesItVerifiedAndTheNextRunsPendingRowsGetThem() {
		// given run 1 (run number 7) copied a, found b unchanged by checksum, failed c,
		// and could not verify d
		plan(1, row("a", "a"), row("b", "b"), row("c", "c"), row("d", "d"));
		List<ObjectOutcome> outcomes = List.of(
				outcome(1, ObjectStatus.COPIED, VerificationMethod.ETAG, Verdict.VERIFIED).withEtags("\"sa\"", "da"),
				outcome(2, ObjectStatus.SKIPPED_UNCHANGED, VerificationMethod.CHECKSUM, Verdict.VERIFIED)
					.withEtags("sb", "\"db\""),
				outcome(3, ObjectStatus.FAILED, VerificationMethod.NONE, Verdict.NOT_VERIFIED).withEtags("sc", null),
				outcome(4, ObjectStatus.COPIED, VerificationMethod.NONE, Verdict.NOT_VERIFIED).withEtags("sd", "dd"));
		this.ledger.recordOutcomes(1, outcomes);
		this.ledger.recordProofs(1, 7, outcomes);
		// and run 2 plans them again, b now to another destination key, plus a new object
		plan(2, row("d", "d"), row("new", "new"), row("c", "c"), row("b", "elsewhere/b"), row("a", "a"));

		// when
		long carried = this.carrier.carry(2, 1);

		// then only a's verified copy speaks of the same objects
		assertThat(carried).isEqualTo(1);
		assertThat(this.ledger.first(2, 10)).extracting(PlannedObject::sourceKey, PlannedObject::proof)
			.containsExactly(tuple("d", null), tuple("new", null), tuple("c", null), tuple("b", null),
					tuple("a", new LedgerProof(7, "sa", 10, "da", null)));
	}

	@Test
	void aSkipOnTheLedgersWordKeepsTheProofItWasGivenAndOnlyPendingRowsAreGivenOne() {
		plan(1, row("a", "a"));
		LedgerProof run3 = new LedgerProof(3, "sa", 10, "da", null);
		this.ledger.carryProofs(1, List.of(Map.entry(1L, run3)));
		List<ObjectOutcome> skipped = List
			.of(new ObjectOutcome(1, ObjectStatus.SKIPPED_UNCHANGED, 10L, null, null, run3.evidence(),
					new Verification(VerificationMethod.LEDGER, "sa", "da", Verdict.VERIFIED, null), T0, T0, null)
				.withEtags("sa", "da"));
		this.ledger.recordOutcomes(1, skipped);
		this.ledger.recordProofs(1, 4, skipped);
		plan(2, row("a", "a"));
		this.ledger.recordOutcomes(2,
				List.of(outcome(1, ObjectStatus.FAILED, VerificationMethod.NONE, Verdict.NOT_VERIFIED)));

		assertThat(this.ledger.first(1, 1)).extracting(PlannedObject::proof).containsExactly(run3);
		assertThat(this.carrier.carry(2, 1)).as("found, but the row is done").isEqualTo(1);
		assertThat(this.ledger.first(2, 1)).extracting(PlannedObject::proof).containsOnlyNulls();
	}

	@Test
	void outcomesRecordedWithTheRunsNumberLeaveTheRowsAsOutcomesAndProofsRecordedApart() {
		// given the same rows in two runs, e's row given a proof of an earlier run
		LedgerProof run3 = new LedgerProof(3, "se", 10, "de", null);
		for (long runId : new long[] { 1, 2 }) {
			plan(runId, row("a", "a"), row("b", "b"), row("c", "c"), row("d", "d"), row("e", "e"));
			this.ledger.carryProofs(runId, List.of(Map.entry(5L, run3)));
		}
		List<ObjectOutcome> outcomes = List.of(
				outcome(1, ObjectStatus.COPIED, VerificationMethod.ETAG, Verdict.VERIFIED).withEtags("\"sa\"", "da"),
				outcome(2, ObjectStatus.SKIPPED_UNCHANGED, VerificationMethod.CHECKSUM, Verdict.VERIFIED)
					.withEtags("sb", "\"db\""),
				outcome(3, ObjectStatus.FAILED, VerificationMethod.NONE, Verdict.NOT_VERIFIED).withEtags("sc", null),
				outcome(4, ObjectStatus.COPIED, VerificationMethod.NONE, Verdict.NOT_VERIFIED).withEtags("sd", "dd"),
				new ObjectOutcome(5, ObjectStatus.SKIPPED_UNCHANGED, 10L, null, null, run3.evidence(),
						new Verification(VerificationMethod.LEDGER, "se", "de", Verdict.VERIFIED, null), T0, T0, "v5")
					.withEtags("se", "de"));

		// when run 1 records outcomes and proofs apart, run 2 in one go
		this.ledger.recordOutcomes(1, outcomes);
		this.ledger.recordProofs(1, 7, outcomes);
		this.ledger.recordOutcomes(2, outcomes, 7L);

		// then
		String columns = "SELECT STATUS, OBJECT_SIZE, ERROR_CODE, VERIFY_METHOD, VERDICT, STARTED_AT, FINISHED_AT, "
				+ "DESTINATION_VERSION_ID, PROVEN_RUN, PROVEN_SOURCE_ETAG, PROVEN_SIZE, PROVEN_DESTINATION_ETAG, "
				+ "PROVEN_DESTINATION_VERSION_ID FROM BULK_LEDGER WHERE ROW_KEY BETWEEN ? AND ? ORDER BY ROW_KEY";
		List<Map<String, Object>> apart = this.jdbc.queryForList(columns, LedgerKey.first(1), LedgerKey.last(1));
		assertThat(this.jdbc.queryForList(columns, LedgerKey.first(2), LedgerKey.last(2))).isEqualTo(apart);
		assertThat(this.ledger.first(2, 10)).extracting(PlannedObject::proof)
			.containsExactly(new LedgerProof(7, "sa", 10, "da", null), new LedgerProof(7, "sb", 10, "db", null), null,
					null, run3);
		assertThat(this.ledger.counts(2)).isEqualTo(this.ledger.counts(1));
	}

	@Test
	void aProofHoldsOnlyForTheSameSourceAndDestinationObjects() {
		LedgerProof proof = new LedgerProof(2, "etag-1", 10, "etag-2-3", "dv");

		assertThat(proof.holdsFor("\"etag-1\"", 10L, "\"etag-2-3\"", "dv")).isTrue();
		assertThat(proof.holdsFor("etag-other", 10L, "etag-2-3", "dv")).as("source replaced").isFalse();
		assertThat(proof.holdsFor("etag-1", 11L, "etag-2-3", "dv")).as("size").isFalse();
		assertThat(proof.holdsFor("etag-1", 10L, "etag-other", "dv")).as("destination replaced").isFalse();
		assertThat(proof.holdsFor("etag-1", 10L, "etag-2-3", "dv-newer")).as("another destination version").isFalse();
		assertThat(proof.holdsFor(null, 10L, "etag-2-3", "dv")).isFalse();
		assertThat(proof.evidence()).isEqualTo("LEDGER: verified in run 2");
	}

	private void plan(long runId, PlannedObject... rows) {
		List<PlannedObject> numbered = new ArrayList<>();
		for (int i = 0; i < rows.length; i++) {
			numbered.add(rows[i].withSeq(i + 1));
		}
		this.ledger.insertPlanned(runId, numbered);
	}

	private static PlannedObject row(String key, String destinationKey) {
		return new PlannedObject(0, "src", key, null, 10L, null, null, null, null, destinationKey);
	}

	private static ObjectOutcome outcome(long seq, ObjectStatus status, VerificationMethod method, Verdict verdict) {
		return new ObjectOutcome(seq, status, 10L, null, null, null,
				new Verification(method, null, null, verdict, null), T0, T0);
	}

}
