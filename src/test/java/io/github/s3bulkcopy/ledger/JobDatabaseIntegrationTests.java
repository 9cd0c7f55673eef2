package io.github.s3bulkcopy.ledger;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.github.s3bulkcopy.testsupport.LocalPostgres;
import io.github.s3bulkcopy.verify.Verdict;
import io.github.s3bulkcopy.verify.Verification;
import io.github.s3bulkcopy.verify.VerificationMethod;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job database on start, on H2 and on PostgreSQL: a ledger of the layout before
 * {@link LedgerKey} is moved over with every row.
 */
class JobDatabaseIntegrationTests {

	enum Engine {

		H2, POSTGRESQL

	}

	/**
	 * The ledger's table as databases written before its single row key hold it (the same
	 * SQL on H2 and PostgreSQL).
	 */
	private static final String OLD_LEDGER = """
			CREATE TABLE BULK_LEDGER (RUN_ID BIGINT NOT NULL, SEQ BIGINT NOT NULL,
				SOURCE_BUCKET VARCHAR(255) NOT NULL, SOURCE_KEY VARCHAR(1024) NOT NULL, VERSION_ID VARCHAR(1024),
				OBJECT_SIZE BIGINT, ETAG VARCHAR(128), CHECKSUM_ALGORITHM VARCHAR(32), STORAGE_CLASS VARCHAR(64),
				ENCRYPTION_STATUS VARCHAR(32), DESTINATION_KEY VARCHAR(2048) NOT NULL, STATUS VARCHAR(24) NOT NULL,
				ERROR_CODE VARCHAR(128), HTTP_STATUS INTEGER, MESSAGE VARCHAR(4000), VERIFY_METHOD VARCHAR(32),
				SOURCE_CHECKSUM VARCHAR(256), DESTINATION_CHECKSUM VARCHAR(256), VERDICT VARCHAR(24),
				VERDICT_REASON VARCHAR(1000), STARTED_AT TIMESTAMP, FINISHED_AT TIMESTAMP,
				CONSTRAINT BULK_LEDGER_PK PRIMARY KEY (RUN_ID, SEQ))""";

	@TempDir
	Path dir;

	@ParameterizedTest
	@EnumSource(Engine.class)
	void aLedgerOfTheOldLayoutKeepsEveryRowAndResumes(Engine engine) {
		// given: two runs in the old layout, one object of run 4 copied
		JdbcTemplate jdbc = database(engine, "old");
		jdbc.execute(OLD_LEDGER);
		for (long seq = 1; seq <= 3; seq++) {
			jdbc.update(
					"INSERT INTO BULK_LEDGER (RUN_ID, SEQ, SOURCE_BUCKET, SOURCE_KEY, OBJECT_SIZE, "
							+ "DESTINATION_KEY, STATUS) VALUES (4, ?, 'src', ?, 10, ?, 'PENDING')",
					seq, "k" + seq, "d" + seq);
			jdbc.update(
					"INSERT INTO BULK_LEDGER (RUN_ID, SEQ, SOURCE_BUCKET, SOURCE_KEY, OBJECT_SIZE, "
							+ "DESTINATION_KEY, STATUS) VALUES (9, ?, 'src', ?, 20, ?, 'PENDING')",
					seq, "j" + seq, "e" + seq);
		}
		jdbc.update("UPDATE BULK_LEDGER SET STATUS = 'COPIED', VERIFY_METHOD = 'ETAG', SOURCE_CHECKSUM = 'a', "
				+ "DESTINATION_CHECKSUM = 'a', VERDICT = 'VERIFIED' WHERE RUN_ID = 4 AND SEQ = 2");

		// when
		new JobDatabase(jdbc.getDataSource()).initialize();

		// then
		JdbcLedger ledger = new JdbcLedger(jdbc);
		assertThat(ledger.first(4, 10)).extracting(PlannedObject::sourceKey).containsExactly("k1", "k2", "k3");
		assertThat(ledger.first(9, 10)).extracting(PlannedObject::sourceKey).containsExactly("j1", "j2", "j3");
		assertThat(ledger.counts(4).copied()).isEqualTo(1);
		assertThat(ledger.counts(4).pending()).isEqualTo(2);
		assertThat(ledger.counts(9).pending()).isEqualTo(3);
		assertThat(jdbc.queryForList("SELECT ROW_KEY FROM BULK_LEDGER WHERE RUN_ID = 4 ORDER BY SEQ", Long.class))
			.containsExactly(LedgerKey.of(4, 1), LedgerKey.of(4, 2), LedgerKey.of(4, 3));
		assertThat(tables(jdbc)).doesNotContain(JobDatabase.OLD_LEDGER);
		// the run goes on where it was: the next outcome lands on its row
		Instant now = Instant.now();
		ledger.recordOutcomes(4, List.of(new ObjectOutcome(3, ObjectStatus.COPIED, 10L, null, null, null,
				new Verification(VerificationMethod.ETAG, "b", "b", Verdict.VERIFIED, null), now, now)));
		assertThat(ledger.counts(4).copied()).isEqualTo(2);
		assertThat(ledger.counts(9).copied()).isZero();

		// and a second start changes nothing
		new JobDatabase(jdbc.getDataSource()).initialize();
		assertThat(ledger.counts(4).copied()).isEqualTo(2);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BULK_LEDGER", Long.class)).isEqualTo(6);
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void anUpgradeCutShortIsDoneAgainFromTheWholeOldTable(Engine engine) {
		// given: the new table, holding part of a copy, and the old one renamed and whole
		// beside it
		JdbcTemplate jdbc = database(engine, "cut");
		new JobDatabase(jdbc.getDataSource()).initialize();
		jdbc.execute(OLD_LEDGER.replace("TABLE BULK_LEDGER ", "TABLE " + JobDatabase.OLD_LEDGER + " "));
		for (long seq = 1; seq <= 4; seq++) {
			jdbc.update(
					"INSERT INTO " + JobDatabase.OLD_LEDGER + " (RUN_ID, SEQ, SOURCE_BUCKET, SOURCE_KEY, "
							+ "DESTINATION_KEY, STATUS) VALUES (5, ?, 'src', ?, ?, 'PENDING')",
					seq, "k" + seq, "d" + seq);
		}
		jdbc.update("INSERT INTO BULK_LEDGER (ROW_KEY, RUN_ID, SEQ, SOURCE_BUCKET, SOURCE_KEY, DESTINATION_KEY, "
				+ "STATUS) VALUES (?, 5, 1, 'src', 'k1', 'd1', 'PENDING')", LedgerKey.of(5, 1));

		// when
		new JobDatabase(jdbc.getDataSource()).initialize();

		// then
		assertThat(new JdbcLedger(jdbc).first(5, 10)).extracting(PlannedObject::sourceKey)
			.containsExactly("k1", "k2", "k3", "k4");
		assertThat(tables(jdbc)).doesNotContain(JobDatabase.OLD_LEDGER);
	}

	private JdbcTemplate database(Engine engine, String name) {
		return new JdbcTemplate(switch (engine) {
			case H2 -> new SimpleDriverDataSource(new org.h2.Driver(),
					"jdbc:h2:file:" + this.dir.resolve(name).toAbsolutePath(), "sa", "");
			case POSTGRESQL -> LocalPostgres.database().dataSource();
		});
	}

	private static List<String> tables(JdbcTemplate jdbc) {
		return jdbc.queryForList(
				"SELECT UPPER(TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES " + "WHERE UPPER(TABLE_SCHEMA) = 'PUBLIC'",
				String.class);
	}

}
