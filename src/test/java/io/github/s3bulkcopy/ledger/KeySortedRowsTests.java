package io.github.s3bulkcopy.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import io.github.s3bulkcopy.testsupport.LedgerDatabase;
import io.github.s3bulkcopy.verify.Verdict;
import io.github.s3bulkcopy.verify.Verification;
import io.github.s3bulkcopy.verify.VerificationMethod;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KeySortedRowsTests {

	/**
	 * Keys whose order is easy to get wrong: non-ASCII, a character at U+FF21 against an
	 * emoji beyond U+FFFF (UTF-16 and code point order disagree), keys that are prefixes
	 * of others, control characters, a newline, upper against lower case.
	 */
	private static final List<String> KEYS = List.of("a", "a/", "a/b", "ab", "a b", "a\tb", "a\nb", "A", "Z", "z", "é",
			"e\u0301", "ü/x", "日本/語", "\uFF21", "\uFF21x", "😀", "😀/a", "😀😀", "\uE000", "\uFFFD", "~", "",
			"folder-001/object-000000001.bin", "folder-001/object-000000001.bi", "\u0000x", "a%2Fb", "𝄞", "ßs");

	private JdbcTemplate jdbc;

	@TempDir
	Path temp;

	@BeforeEach
	void database() {
		this.jdbc = LedgerDatabase.create();
	}

	@Test
	void givesTheRowsInTheOrderOfH2sOrderByRowForRowWhenItSpills() throws IOException {
		// given: every key with no version and with two, in a shuffled plan
		JdbcLedger ledger = new JdbcLedger(this.jdbc, new KeySortedRows.Limits(7, Long.MAX_VALUE, this.temp));
		List<PlannedObject> plan = new ArrayList<>();
		for (String key : KEYS) {
			for (String version : new String[] { null, "v2", "V1", null, "v10" }) {
				plan.add(new PlannedObject(0, "bucket", key, version, 1L, "e", null, "STANDARD", null, "d/" + key));
			}
		}
		Collections.shuffle(plan, new Random(23));
		List<PlannedObject> numbered = new ArrayList<>();
		for (int i = 0; i < plan.size(); i++) {
			numbered.add(plan.get(i).withSeq(i + 1));
		}
		ledger.insertPlanned(4, numbered);
		Instant at = Instant.parse("2026-12-06T10:00:00.123456Z");
		List<ObjectOutcome> outcomes = new ArrayList<>();
		for (long seq = 1; seq <= numbered.size(); seq += 3) {
			outcomes.add((seq % 2 == 0)
					? new ObjectOutcome(seq, ObjectStatus.FAILED, null, "InternalError", 500, "ünïcode message",
							Verification.notVerified("failed"), at, at.plusMillis(5))
					: new ObjectOutcome(seq, ObjectStatus.COPIED, 1L, null, null, null,
							new Verification(VerificationMethod.ETAG, "e", "e", Verdict.VERIFIED, null), at, at,
							"dv" + seq, NotCarried.RETENTION_EXPIRED.bit()));
		}
		ledger.recordOutcomes(4, outcomes);

		// when
		List<LedgerRow> sorted = read(ledger.streamByKey(4));

		// then
		List<LedgerRow> byDatabase = this.jdbc.query(
				"SELECT " + JdbcLedger.COLUMNS + ", NOT_CARRIED FROM BULK_LEDGER WHERE " + JdbcLedger.OF_RUN
						+ " ORDER BY SOURCE_KEY, VERSION_ID, SEQ",
				(rs, n) -> JdbcLedger.mapRow(rs), JdbcLedger.runKeys(4));
		assertThat(byDatabase).hasSize(KEYS.size() * 5);
		assertThat(sorted).containsExactlyElementsOf(byDatabase);
		assertThat(keys(byDatabase)).as("H2 orders keys by UTF-16 units, not as S3 does")
			.isNotEqualTo(keys(byDatabase).stream().sorted(KeyOrder.UTF8).toList());
		assertThat(read(ledger.streamInPlanOrder(4))).isNotEqualTo(byDatabase);
		assertThat(this.temp).isEmptyDirectory();
	}

	@Test
	void keepsEveryFieldOfARowThroughTheFiles() {
		// given: rows with every field set, and with every nullable field null
		Instant at = Instant.ofEpochSecond(1_765_000_000L, 123_456_789);
		LedgerProof proof = new LedgerProof(3, "se", 42, "de", "dv");
		List<LedgerRow> rows = new ArrayList<>();
		for (int i = 1; i <= 20; i++) {
			PlannedObject full = new PlannedObject(i, "b", "k" + (i % 7), "v" + i, 42L, "e", "CRC32", "GLACIER",
					"SSE-KMS", "d" + i, at, i % 2 == 0, i % 3 == 0, "dv" + i, at.plusNanos(i), proof);
			PlannedObject bare = new PlannedObject(100 + i, "b", "k" + (i % 5), null, null, null, null, null, null,
					"d" + i, null, null, false, null, null, null);
			rows.add(new LedgerRow(full, ObjectStatus.COPIED,
					new ObjectOutcome(i, ObjectStatus.COPIED, 42L, "E", 503, "m",
							new Verification(VerificationMethod.CHECKSUM, "s", "d", Verdict.MISMATCH, "r"), at,
							at.plusSeconds(1), "dv", NotCarried.CHECKSUM_ALGORITHM_REPLACED.bit(), "se", "de")));
			rows.add(new LedgerRow(bare, ObjectStatus.PENDING, null));
			rows.add(new LedgerRow(bare.withSeq(200 + i), ObjectStatus.FAILED,
					new ObjectOutcome(200 + i, ObjectStatus.FAILED, null, null, null, null,
							Verification.notVerified("x"), Instant.EPOCH, Instant.EPOCH)));
		}

		// when
		List<LedgerRow> sorted = read(KeySortedRows.sort(rows.stream(), new KeySortedRows.Limits(4, 1, this.temp)));

		// then
		assertThat(sorted).containsExactlyElementsOf(rows.stream().sorted(KeySortedRows.ORDER).toList());
		assertThat(this.temp).isEmptyDirectory();
	}

	@Test
	void spillsToFilesOfItsOwnAndDeletesThemWhenClosed() throws IOException {
		List<LedgerRow> rows = rows(1000);
		try (Stream<LedgerRow> sorted = KeySortedRows.sort(rows.stream(),
				new KeySortedRows.Limits(100, Long.MAX_VALUE, this.temp))) {
			Iterator<LedgerRow> each = sorted.iterator();
			assertThat(each.next().planned().sourceKey()).isEqualTo("key-00000");
			try (Stream<Path> folders = Files.list(this.temp)) {
				Path folder = folders.findFirst().orElseThrow();
				assertThat(folder.getFileName().toString()).startsWith("s3-bulk-copy-sort-");
				try (Stream<Path> files = Files.list(folder)) {
					assertThat(files).hasSize(10);
				}
			}
		}
		assertThat(this.temp).isEmptyDirectory();
	}

	@Test
	void mergesMoreFilesThanItOpensAtOnceInSeveralPasses() {
		List<LedgerRow> rows = rows(2 * SpillFiles.FAN_IN + 10);

		List<LedgerRow> sorted = read(
				KeySortedRows.sort(rows.stream(), new KeySortedRows.Limits(1, Long.MAX_VALUE, this.temp)));

		assertThat(sorted).containsExactlyElementsOf(rows.stream().sorted(KeySortedRows.ORDER).toList());
		assertThat(this.temp).isEmptyDirectory();
	}

	@Test
	void sortsARunThatFitsInOneBatchInMemory() throws IOException {
		List<LedgerRow> rows = rows(1000);
		try (Stream<LedgerRow> sorted = KeySortedRows.sort(rows.stream(),
				new KeySortedRows.Limits(1000, Long.MAX_VALUE, this.temp))) {
			assertThat(this.temp).isEmptyDirectory();
			assertThat(sorted.toList()).containsExactlyElementsOf(rows.stream().sorted(KeySortedRows.ORDER).toList());
		}
	}

	@Test
	void boundsABatchByItsBytesToo() throws IOException {
		List<LedgerRow> rows = rows(10);
		long oneRow = KeySortedRows.estimatedBytes(rows.get(0));
		try (Stream<LedgerRow> sorted = KeySortedRows.sort(rows.stream(),
				new KeySortedRows.Limits(1000, 2 * oneRow, this.temp))) {
			try (Stream<Path> folders = Files.list(this.temp);
					Stream<Path> files = Files.list(folders.findFirst().orElseThrow())) {
				assertThat(files).hasSize(5);
			}
			assertThat(sorted.toList()).hasSize(10);
		}
	}

	@Test
	void givesAnEmptyRunAndARunOfOneRow() {
		JdbcLedger ledger = new JdbcLedger(this.jdbc, new KeySortedRows.Limits(1, 1, this.temp));
		assertThat(read(ledger.streamByKey(5))).isEmpty();
		ledger.insertPlanned(5, List.of(new PlannedObject(1, "b", "😀", null, 1L, "e", null, null, null, "😀")));

		assertThat(read(ledger.streamByKey(5))).singleElement()
			.satisfies((row) -> assertThat(row.planned().sourceKey()).isEqualTo("😀"));
		assertThat(this.temp).isEmptyDirectory();
	}

	@Test
	void deletesItsFilesWhenReadingTheRowsFails() {
		Iterator<LedgerRow> rows = rows(50).iterator();
		Stream<LedgerRow> failing = Stream.generate(() -> {
			if (!rows.hasNext()) {
				throw new UncheckedIOException(new IOException("cursor lost"));
			}
			return rows.next();
		});

		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> KeySortedRows.sort(failing, new KeySortedRows.Limits(10, Long.MAX_VALUE, this.temp)))
			.withMessageContaining("cursor lost");
		assertThat(this.temp).isEmptyDirectory();
	}

	@Test
	void deletesItsFilesWhenClosedBeforeTheEnd() {
		try (Stream<LedgerRow> sorted = KeySortedRows.sort(rows(100).stream(),
				new KeySortedRows.Limits(10, Long.MAX_VALUE, this.temp))) {
			assertThat(sorted.limit(3).toList()).hasSize(3);
		}
		assertThat(this.temp).isEmptyDirectory();
	}

	/** Rows of distinct keys in an order other than theirs. */
	private static List<LedgerRow> rows(int count) {
		List<LedgerRow> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String key = String.format("key-%05d", (i * 7919L) % count);
			rows.add(new LedgerRow(new PlannedObject(i + 1, "b", key, null, 1L, "e", null, null, null, key),
					ObjectStatus.PENDING, null));
		}
		return rows;
	}

	private static List<LedgerRow> read(Stream<LedgerRow> rows) {
		try (rows) {
			return rows.toList();
		}
	}

	private static List<String> keys(List<LedgerRow> rows) {
		return rows.stream().map((row) -> row.planned().sourceKey()).toList();
	}

}
