package io.github.s3bulkcopy.testsupport;

import java.util.List;

import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.ledger.LedgerCounts;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks of the totals a job database keeps next to its ledger rows (what {@code status}
 * reads) against the rows themselves.
 */
public final class LedgerTotals {

	private LedgerTotals() {
	}

	/**
	 * Asserts that every run with ledger rows has kept totals, and that they equal its
	 * rows counted.
	 * @return the counts of the runs, in run order
	 */
	public static List<LedgerCounts> assertKeptForEveryRun(String databaseUrl) {
		JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(databaseUrl, "sa", ""));
		JdbcLedger ledger = new JdbcLedger(jdbc);
		List<Long> runs = jdbc.queryForList("SELECT DISTINCT RUN_ID FROM BULK_LEDGER ORDER BY RUN_ID", Long.class);
		assertThat(runs).as("runs in the ledger").isNotEmpty();
		return runs.stream().map((run) -> {
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BULK_RUN_COUNTS WHERE RUN_ID = ?", Integer.class, run))
				.as("run %s has kept totals", run)
				.isPositive();
			LedgerCounts counts = ledger.counts(run);
			assertThat(ledger.totals(run)).as("kept totals of run %s", run).isEqualTo(counts);
			return counts;
		}).toList();
	}

}
