package io.github.s3bulkcopy.testsupport;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/** A fresh in-memory H2 database holding the ledger's table, for tests of the ledger and what uses it. */
public final class LedgerDatabase {

	private LedgerDatabase() {
	}

	/** A new database of its own (uniquely named), with {@code db/ledger-schema.sql} applied. */
	public static JdbcTemplate create() {
		return new JdbcTemplate(new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
			.generateUniqueName(true)
			.addScript("db/ledger-schema.sql")
			.build());
	}

}
