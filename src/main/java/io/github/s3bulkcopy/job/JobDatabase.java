package io.github.s3bulkcopy.job;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.util.Assert;

/**
 * Prepares the job database on start: Spring Batch's tables when they are missing (its scripts are not idempotent,
 * so they run only on an empty database), then the ledger's tables (idempotent). Works the same for the embedded H2
 * file and for PostgreSQL.
 */
public class JobDatabase {

	private final DataSource dataSource;

	public JobDatabase(DataSource dataSource) {
		Assert.notNull(dataSource, "dataSource is required");
		this.dataSource = dataSource;
	}

	/** Creates whatever tables are missing. */
	public void initialize() {
		try (Connection connection = this.dataSource.getConnection()) {
			String platform = platform(connection.getMetaData());
			if (!hasTable(connection.getMetaData(), "BATCH_JOB_INSTANCE")) {
				populator("org/springframework/batch/core/schema-" + platform + ".sql").populate(connection);
			}
			populator("db/ledger-schema.sql").populate(connection);
		}
		catch (SQLException | RuntimeException ex) {
			throw new JobDatabaseException("cannot open the job database " + url(this.dataSource) + ": "
					+ reason(ex) + " (set spring.datasource.url, or SPRING_DATASOURCE_URL, to a writable place)", ex);
		}
	}

	/** The database's URL as the user configured it, without anything after '?' (where a password may be). */
	static String url(DataSource dataSource) {
		String url = (dataSource instanceof com.zaxxer.hikari.HikariDataSource hikari) ? hikari.getJdbcUrl() : null;
		if (url == null) {
			return "(configured by spring.datasource.url)";
		}
		int query = url.indexOf('?');
		return ((query >= 0) ? url.substring(0, query) : url).replaceAll("(?i);password=[^;]*", "");
	}

	private static String reason(Throwable error) {
		Throwable cause = error;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + ((cause.getMessage() != null) ? ": " + cause.getMessage() : "");
	}

	private static ResourceDatabasePopulator populator(String script) {
		ResourceDatabasePopulator populator = new ResourceDatabasePopulator(new ClassPathResource(script));
		populator.setSqlScriptEncoding("UTF-8");
		return populator;
	}

	private static String platform(DatabaseMetaData metaData) throws SQLException {
		String product = JdbcUtils.commonDatabaseName(metaData.getDatabaseProductName());
		String name = (product != null) ? product.toLowerCase(Locale.ROOT) : "";
		if (name.contains("h2")) {
			return "h2";
		}
		if (name.contains("postgres")) {
			return "postgresql";
		}
		throw new IllegalStateException("unsupported job database '" + product + "': use H2 or PostgreSQL");
	}

	private static boolean hasTable(DatabaseMetaData metaData, String table) throws SQLException {
		for (String candidate : new String[] { table, table.toLowerCase(Locale.ROOT) }) {
			try (ResultSet tables = metaData.getTables(null, null, candidate, new String[] { "TABLE" })) {
				if (tables.next()) {
					return true;
				}
			}
		}
		return false;
	}

}
