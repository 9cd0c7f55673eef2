package io.github.s3bulkcopy.ledger;

import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.testsupport.LedgerDatabase;
import io.github.s3bulkcopy.testsupport.LocalPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link ProofCarrier}'s statements on PostgreSQL, the shared job database of production
 * setups.
 */
class ProofCarrierIntegrationTests {

	@Test
	void theNextRunsPendingRowsGetTheProofsOnPostgresql() {
		JdbcTemplate jdbc = new JdbcTemplate(LocalPostgres.database().dataSource());
		ResourceDatabasePopulator schema = new ResourceDatabasePopulator(new ClassPathResource("db/ledger-schema.sql"));
		schema.execute(jdbc.getDataSource());
		TransactionTemplate transactions = LedgerDatabase.ownTransactions(jdbc.getDataSource());
		JdbcLedger ledger = new JdbcLedger(jdbc);
		long earlier = 900_001;
		long later = 900_002;
		ledger.insertPlanned(earlier, List.of(row(1, "a"), row(2, "b")));
		LedgerProof proof = new LedgerProof(4, "sa", 10, "da-2", "v1");
		ledger.carryProofs(earlier, List.of(Map.entry(1L, proof)));
		ledger.insertPlanned(later, List.of(row(1, "b"), row(2, "a"), row(3, "c")));

		assertThat(new ProofCarrier(jdbc, transactions).carry(later, earlier)).isEqualTo(1);

		assertThat(ledger.first(later, 10)).extracting(PlannedObject::sourceKey, PlannedObject::proof)
			.containsExactly(tuple("b", null), tuple("a", proof), tuple("c", null));
	}

	private static PlannedObject row(long seq, String key) {
		return new PlannedObject(seq, "src", key, null, 10L, null, null, null, null, key);
	}

}
