package io.github.s3bulkcopy.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.s3bulkcopy.testsupport.LedgerDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class VersionSequencerTests {

	private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

	private static final VersionFacts.Source NO_LOOKUP = (bucket, key) -> {
		throw new AssertionError("no lookup expected for " + key);
	};

	private JdbcTemplate jdbc;

	private JdbcLedger ledger;

	private VersionSequencer sequencer;

	@BeforeEach
	void database() {
		this.jdbc = LedgerDatabase.create();
		this.ledger = new JdbcLedger(this.jdbc);
		this.sequencer = new VersionSequencer(this.jdbc, LedgerDatabase.ownTransactions(this.jdbc.getDataSource()));
	}

	@Test
	void putsEachKeysVersionsTogetherOldestFirstAndKeepsOnlyALastDeleteMarker() {
		// given versions as S3 lists them, newest first, with an intermediate delete
		// marker on b
		plan(1, version("b", "b3", 3, true, false), version("a", "a2", 2, true, false),
				version("b", "b2", 2, false, true), version("a", "a1", 1, false, false),
				version("b", "b1", 1, false, false), version("c", "c2", 2, true, true),
				version("c", "c1", 1, false, false));

		long last = this.sequencer.sequence(1, NO_LOOKUP);

		assertThat(last).isEqualTo(6);
		assertThat(this.ledger.first(1, 10))
			.extracting(PlannedObject::seq, PlannedObject::versionId, PlannedObject::deleteMarker)
			.containsExactly(tuple(1L, "a1", false), tuple(2L, "a2", false), tuple(3L, "b1", false),
					tuple(4L, "b3", false), tuple(5L, "c1", false), tuple(6L, "c2", true));
		assertThat(this.ledger.maxSeq(1)).isEqualTo(6);
	}

	@Test
	void asksTheSourceForTheDatesOfUndatedVersionsOfKeysWithMoreThanOne() {
		plan(1, undated("doc", "v-new"), undated("single", "s1"), undated("doc", "v-old"), undated("doc", "v-mid"),
				undated("doc", "v-marker"));
		List<String> asked = new ArrayList<>();
		VersionFacts.Source source = (bucket, key) -> {
			asked.add(key);
			return Map.of("v-old", new VersionFacts(T0, false, false), "v-mid",
					new VersionFacts(T0.plusSeconds(1), false, false), "v-new",
					new VersionFacts(T0.plusSeconds(2), false, false), "v-marker",
					new VersionFacts(T0.plusSeconds(3), true, true));
		};

		this.sequencer.sequence(1, source);

		assertThat(asked).containsExactly("doc");
		assertThat(this.ledger.first(1, 10))
			.extracting(PlannedObject::versionId, PlannedObject::deleteMarker, PlannedObject::latest)
			.containsExactly(tuple("v-old", false, false), tuple("v-mid", false, false), tuple("v-new", false, false),
					tuple("v-marker", true, true), tuple("s1", false, null));
	}

	@Test
	void anInterruptedOrderingGoesOnWhereItStoppedWithTheSameResult() {
		// given 600 keys of 2 undated versions each, planned newest first, and a source
		// lookup that fails once after the first batch of whole keys was committed
		List<PlannedObject> rows = new ArrayList<>();
		for (int k = 0; k < 600; k++) {
			String key = String.format("key-%04d", k);
			rows.add(undated(key, key + "-new"));
			rows.add(undated(key, key + "-old"));
		}
		Collections.shuffle(rows, new Random(7));
		plan(1, rows.toArray(PlannedObject[]::new));
		plan(2, rows.toArray(PlannedObject[]::new));
		AtomicInteger lookups = new AtomicInteger();
		VersionFacts.Source failing = (bucket, key) -> {
			if (lookups.incrementAndGet() == 550) {
				throw new IllegalStateException("the source went away");
			}
			return dates(key);
		};

		assertThatThrownBy(() -> this.sequencer.sequence(1, failing)).hasMessage("the source went away");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM BULK_LEDGER WHERE RUN_ID = 1 AND SEQ < ?", Long.class,
				VersionSequencer.PARKED))
			.as("the first batch of keys is ordered")
			.isEqualTo(VersionSequencer.ORDER_BATCH);
		long last = this.sequencer.sequence(1, VersionSequencerTests::dates);
		this.sequencer.sequence(2, VersionSequencerTests::dates);

		assertThat(last).isEqualTo(1200);
		assertThat(this.ledger.first(1, 2000)).extracting(PlannedObject::seq, PlannedObject::versionId)
			.isEqualTo(this.ledger.first(2, 2000).stream().map((row) -> tuple(row.seq(), row.versionId())).toList());
		assertThat(this.ledger.first(1, 2)).extracting(PlannedObject::versionId)
			.containsExactly("key-0000-old", "key-0000-new");
	}

	@Test
	void aParkingCutShortIsFinishedFirst() {
		plan(1, version("a", "a2", 2, true, false), version("a", "a1", 1, false, false),
				version("b", "b1", 1, true, false));
		// as if the first parking statement went through and the next did not
		this.jdbc.update("UPDATE BULK_LEDGER SET ROW_KEY = ROW_KEY + ?, SEQ = SEQ + ? WHERE RUN_ID = 1 AND SEQ <= 2",
				VersionSequencer.PARKED, VersionSequencer.PARKED);

		this.sequencer.sequence(1, NO_LOOKUP);

		assertThat(this.ledger.first(1, 10)).extracting(PlannedObject::seq, PlannedObject::versionId)
			.containsExactly(tuple(1L, "a1"), tuple(2L, "a2"), tuple(3L, "b1"));
	}

	@Test
	void eachVersionGetsTheDestinationVersionTheEarlierRunRecordedForIt() {
		plan(1, version("a", "a1", 1, false, false), version("a", "a2", 2, true, false));
		this.sequencer.sequence(1, NO_LOOKUP);
		this.jdbc.update("UPDATE BULK_LEDGER SET DESTINATION_VERSION_ID = 'd-' || VERSION_ID WHERE RUN_ID = 1");
		plan(2, version("a", "a3", 3, true, false), version("a", "a2", 2, false, false),
				version("a", "a1", 1, false, false), version("b", "b1", 1, true, false));

		this.sequencer.sequence(2, NO_LOOKUP, 1L);

		assertThat(this.ledger.first(2, 10)).extracting(PlannedObject::versionId, PlannedObject::destinationVersionId)
			.containsExactly(tuple("a1", "d-a1"), tuple("a2", "d-a2"), tuple("a3", null), tuple("b1", null));
	}

	@Test
	void eachVersionGetsTheVerifiedCopyTheEarlierRunRecordedForIt() {
		plan(1, version("a", "a1", 1, false, false), version("a", "a2", 2, true, false));
		this.sequencer.sequence(1, NO_LOOKUP);
		LedgerProof a1 = new LedgerProof(1, "s-a1", 10, "d-a1", "dv-a1");
		this.ledger.carryProofs(1, List.of(Map.entry(1L, a1)));
		plan(2, version("a", "a2", 2, false, false), version("a", "a3", 3, true, false),
				version("a", "a1", 1, false, false));

		this.sequencer.sequence(2, NO_LOOKUP, 1L);

		assertThat(this.ledger.first(2, 10)).extracting(PlannedObject::versionId, PlannedObject::proof)
			.containsExactly(tuple("a1", a1), tuple("a2", null), tuple("a3", null));
	}

	@Test
	void findsAKeyPlannedMoreThanOnce() {
		plan(1, undated("a", "1"), undated("b", "1"), undated("c", "1"));
		plan(2, undated("b", "1"), undated("a", "1"), undated("b", "2"), undated("b", "3"));

		assertThat(this.sequencer.keyWithVersions(1)).isNull();
		assertThat(this.sequencer.keyWithVersions(2)).isEqualTo(Map.entry("b", 3));
	}

	private void plan(long runId, PlannedObject... rows) {
		List<PlannedObject> numbered = new ArrayList<>();
		for (int i = 0; i < rows.length; i++) {
			numbered.add(rows[i].withSeq(i + 1));
		}
		this.ledger.insertPlanned(runId, numbered);
	}

	private static PlannedObject version(String key, String versionId, int second, boolean latest,
			boolean deleteMarker) {
		return new PlannedObject(0, "src", key, versionId, deleteMarker ? null : 10L, null, null, null, null, key,
				T0.plusSeconds(second), latest, deleteMarker, null);
	}

	private static PlannedObject undated(String key, String versionId) {
		return new PlannedObject(0, "src", key, versionId, 10L, null, null, null, null, key);
	}

	private static Map<String, VersionFacts> dates(String bucket, String key) {
		return dates(key);
	}

	private static Map<String, VersionFacts> dates(String key) {
		Map<String, VersionFacts> dates = new HashMap<>();
		dates.put(key + "-old", new VersionFacts(T0, false, false));
		dates.put(key + "-new", new VersionFacts(T0.plusSeconds(1), true, false));
		return dates;
	}

}
