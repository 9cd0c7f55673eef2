package io.github.s3bulkcopy.ledger;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.s3bulkcopy.testsupport.LocalPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run's rows and extras streamed from PostgreSQL outside a transaction, as the
 * {@code report} command reads them: through a cursor, a fetch at a time, not the whole
 * run at once.
 */
class LedgerStreamIntegrationTests {

	private static final int ROWS = 3000;

	@Test
	void aRunIsStreamedThroughACursorOutsideATransaction() {
		JdbcTemplate jdbc = ledgerDatabase();
		JdbcLedger ledger = new JdbcLedger(jdbc);
		long run = 900_011;
		List<PlannedObject> rows = new ArrayList<>();
		for (int i = 0; i < ROWS; i++) {
			// Plan order unlike key order.
			String key = String.format("k%05d", (i * 7) % ROWS);
			rows.add(new PlannedObject(i + 1, "src", key, null, 1L, null, null, null, null, key));
		}
		ledger.insertPlanned(run, rows);

		Read read = read(jdbc, "BULK_LEDGER", ledger.streamByKey(run), (row) -> row.planned().sourceKey());

		assertThat(read.stateWhileRead()).isEqualTo("idle in transaction");
		assertThat(read.keys()).hasSize(ROWS).isSorted();
	}

	@Test
	void aRunsExtrasAreStreamedThroughACursorOutsideATransaction() {
		JdbcTemplate jdbc = ledgerDatabase();
		DestinationExtras extras = new DestinationExtras(jdbc);
		long run = 900_012;
		List<ExtraObject> found = new ArrayList<>();
		for (int i = 0; i < ROWS; i++) {
			String key = String.format("x%05d", i);
			found.add(ExtraObject.found(i + 1, key, key, 1L, null, null));
		}
		extras.insert(run, found);

		Read read = read(jdbc, "BULK_EXTRA", extras.stream(run), ExtraObject::destinationKey);

		assertThat(read.stateWhileRead()).isEqualTo("idle in transaction");
		assertThat(read.keys()).hasSize(ROWS).isSorted();
	}

	private static JdbcTemplate ledgerDatabase() {
		JdbcTemplate jdbc = new JdbcTemplate(LocalPostgres.database().dataSource());
		new ResourceDatabasePopulator(new ClassPathResource("db/ledger-schema.sql")).execute(jdbc.getDataSource());
		return jdbc;
	}

	/**
	 * Reads a stream of {@code table}'s rows to its end, their keys, and the state of the
	 * reading connection after the first, seen from another: a fetch-size cursor keeps it
	 * in its transaction between fetches; a result read whole leaves it idle.
	 */
	private static <T> Read read(JdbcTemplate jdbc, String table, Stream<T> rows, Function<T, String> key) {
		List<String> keys = new ArrayList<>();
		String state;
		try (rows) {
			Iterator<T> iterator = rows.iterator();
			keys.add(key.apply(iterator.next()));
			state = jdbc.queryForObject("SELECT state FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
					+ "AND datname = current_database() AND query LIKE 'SELECT%" + table + "%'", String.class);
			iterator.forEachRemaining((row) -> keys.add(key.apply(row)));
		}
		return new Read(keys, state);
	}

	private record Read(List<String> keys, String stateWhileRead) {
	}

}
