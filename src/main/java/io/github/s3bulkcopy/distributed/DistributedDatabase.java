package io.github.s3bulkcopy.distributed;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.github.s3bulkcopy.InvalidSetupException;

import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * A distributed run keeps its job repository and ledger in one database every process
 * reaches: PostgreSQL. The embedded H2 file is one process's (or one host's) only.
 */
final class DistributedDatabase {

	private DistributedDatabase() {
	}

	static void requireShared(DataSource dataSource) {
		String product;
		String url;
		try (Connection connection = dataSource.getConnection()) {
			product = connection.getMetaData().getDatabaseProductName();
			url = connection.getMetaData().getURL();
		}
		catch (SQLException ex) {
			throw new CannotGetJdbcConnectionException("cannot open the job database", ex);
		}
		if (!"PostgreSQL".equalsIgnoreCase(product)) {
			throw new InvalidSetupException("distributed mode needs the job database in PostgreSQL, shared by the "
					+ "manager and every worker; this one is " + product + " (" + url + "): set "
					+ "spring.datasource.url (SPRING_DATASOURCE_URL), see config/application-postgres.properties");
		}
	}

}
