package io.github.s3bulkcopy.testsupport;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh in-memory H2 database holding the ledger's table, for tests of the ledger and
 * what uses it.
 */
public final class LedgerDatabase {

	private LedgerDatabase() {
	}

	/**
	 * A new database of its own (uniquely named), with {@code db/ledger-schema.sql}
	 * applied.
	 */
	public static JdbcTemplate create() {
		return new JdbcTemplate(new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
			.generateUniqueName(true)
			.addScript("db/ledger-schema.sql")
			.build());
	}

	/**
	 * Transactions of their own on the database, as the ledger's batch work commits them
	 * (each batch apart from the step's transaction).
	 */
	public static TransactionTemplate ownTransactions(DataSource dataSource) {
		TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return transactions;
	}

}
