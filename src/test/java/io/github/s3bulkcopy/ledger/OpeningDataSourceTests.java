package io.github.s3bulkcopy.ledger;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OpeningDataSourceTests {

	@Test
	void aConnectionIsHandedOutOnceTheTablesExist() throws Exception {
		OpeningDataSource dataSource = OpeningDataSource
			.open(new DriverManagerDataSource("jdbc:h2:mem:opening-data-source;DB_CLOSE_DELAY=-1"));

		try (Connection connection = dataSource.getConnection()) {
			assertThat(connection.getMetaData().getTables(null, null, "BULK_LEDGER", null).next()).isTrue();
			assertThat(connection.getMetaData().getTables(null, null, "BATCH_JOB_INSTANCE", null).next()).isTrue();
		}
	}

	@Test
	void aDatabaseThatCannotBeOpenedFailsEveryRequestWithTheOpeningsReason() {
		DriverManagerDataSource unreachable = new DriverManagerDataSource("jdbc:h2:mem:unused") {

			@Override
			public Connection getConnection() throws SQLException {
				throw new SQLException("no database here");
			}

		};
		OpeningDataSource dataSource = OpeningDataSource.open(unreachable);

		for (int request = 0; request < 2; request++) {
			assertThatExceptionOfType(JobDatabaseException.class).isThrownBy(dataSource::getConnection)
				.withMessageContaining("cannot open the job database")
				.withMessageContaining("no database here");
		}
	}

}
