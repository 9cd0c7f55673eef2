package io.github.s3bulkcopy.ledger;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.util.Assert;

/**
 * Prepares the job database on start: Spring Batch's tables when they are missing (its
 * scripts are not idempotent, so they run only on an empty database), then the ledger's
 * tables (idempotent). Works the same for the embedded H2 file and for PostgreSQL.
 */
public class JobDatabase {

	private static final Logger logger = LoggerFactory.getLogger(JobDatabase.class);

	private static final String LEDGER_SCHEMA = "db/ledger-schema.sql";

	/**
	 * Where an upgrade keeps the ledger of the old layout while it copies it; gone once
	 * it is done.
	 */
	static final String OLD_LEDGER = "BULK_LEDGER_V1";

	/**
	 * The columns a ledger of the old layout has, all of which the current layout keeps.
	 */
	private static final String OLD_LEDGER_COLUMNS = "SEQ, SOURCE_BUCKET, SOURCE_KEY, VERSION_ID, OBJECT_SIZE, ETAG, "
			+ "CHECKSUM_ALGORITHM, STORAGE_CLASS, ENCRYPTION_STATUS, DESTINATION_KEY, STATUS, ERROR_CODE, HTTP_STATUS, "
			+ "MESSAGE, VERIFY_METHOD, SOURCE_CHECKSUM, DESTINATION_CHECKSUM, VERDICT, VERDICT_REASON, STARTED_AT, "
			+ "FINISHED_AT";

	/**
	 * The PostgreSQL advisory lock the schema is created under (any constant the tool
	 * alone uses).
	 */
	private static final long SCHEMA_LOCK = 0x5362_636f_7079L;

	private final DataSource dataSource;

	public JobDatabase(DataSource dataSource) {
		Assert.notNull(dataSource, "dataSource is required");
		this.dataSource = dataSource;
	}

	/** Creates whatever tables are missing. */
	public void initialize() {
		try (Connection connection = this.dataSource.getConnection()) {
			String platform = platform(connection.getMetaData());
			// The processes of a distributed run start together against one PostgreSQL
			// database: one at a time creates what is missing (a session lock, released
			// with the connection or below).
			boolean shared = "postgresql".equals(platform);
			if (shared) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("SELECT pg_advisory_lock(" + SCHEMA_LOCK + ")");
				}
			}
			try {
				if (!hasTable(connection.getMetaData(), "BATCH_JOB_INSTANCE")) {
					populator("org/springframework/batch/core/schema-" + platform + ".sql").populate(connection);
				}
				populator(LEDGER_SCHEMA).populate(connection);
				upgradeLedger(connection);
			}
			finally {
				if (shared) {
					try (Statement statement = connection.createStatement()) {
						statement.execute("SELECT pg_advisory_unlock(" + SCHEMA_LOCK + ")");
					}
				}
			}
		}
		catch (SQLException | RuntimeException ex) {
			throw new JobDatabaseException("cannot open the job database " + url(this.dataSource) + ": " + reason(ex)
					+ " (set spring.datasource.url, or SPRING_DATASOURCE_URL, to a writable place)", ex);
		}
	}

	/**
	 * Moves a ledger keyed by (RUN_ID, SEQ), as databases written before
	 * {@link LedgerKey} hold it, to the layout of {@value #LEDGER_SCHEMA}, so that its
	 * runs resume and report as before: the old table is renamed, its rows are copied
	 * with their keys, and it is dropped. Each statement commits on its own (H2 commits
	 * DDL anyway); an upgrade cut short leaves the renamed table whole, and the next
	 * start copies it again.
	 */
	private void upgradeLedger(Connection connection) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		try (Statement statement = connection.createStatement()) {
			if (hasTable(metaData, OLD_LEDGER)) {
				// What an upgrade cut short had copied; the old table is whole.
				statement.executeUpdate("DELETE FROM BULK_LEDGER");
			}
			else if (hasColumn(metaData, "BULK_LEDGER", "ROW_KEY")) {
				return;
			}
			else {
				statement.execute("ALTER TABLE BULK_LEDGER RENAME TO " + OLD_LEDGER);
				populator(LEDGER_SCHEMA).populate(connection);
			}
			logger.info("Upgrading the ledger in {} to its single row key (once)", url(this.dataSource));
			int rows = statement
				.executeUpdate("INSERT INTO BULK_LEDGER (ROW_KEY, RUN_ID, " + OLD_LEDGER_COLUMNS + ") SELECT "
						+ LedgerKey.sql("RUN_ID", "SEQ") + ", RUN_ID, " + OLD_LEDGER_COLUMNS + " FROM " + OLD_LEDGER);
			statement.execute("DROP TABLE " + OLD_LEDGER);
			logger.info("Upgraded the ledger: {} rows", rows);
		}
	}

	/**
	 * The database's URL as the user configured it, without anything after '?' (where a
	 * password may be).
	 */
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

	/**
	 * Whether the database behind {@code jdbc} is PostgreSQL (the other one the tool runs
	 * on being H2), as its driver names it.
	 */
	static boolean isPostgresql(JdbcTemplate jdbc) {
		Boolean postgres = jdbc
			.execute((ConnectionCallback<Boolean>) (connection) -> isPostgresql(connection.getMetaData()));
		return Boolean.TRUE.equals(postgres);
	}

	/**
	 * Readies a connection to read a long result by the fetch size, for a stream that
	 * holds it until closed. PostgreSQL's driver reads by the fetch size only inside a
	 * transaction: outside one (the report command) it would hold the whole result in
	 * memory. The pool rolls back and restores auto-commit when the connection goes back
	 * to it, once the stream is closed.
	 */
	static void readByFetchSize(Connection connection) throws SQLException {
		if (connection.getAutoCommit() && isPostgresql(connection.getMetaData())) {
			connection.setAutoCommit(false);
		}
	}

	private static boolean isPostgresql(DatabaseMetaData metaData) throws SQLException {
		String product = metaData.getDatabaseProductName();
		return product != null && product.toLowerCase(Locale.ROOT).contains("postgres");
	}

	private static String platform(DatabaseMetaData metaData) throws SQLException {
		String product = JdbcUtils.commonDatabaseName(metaData.getDatabaseProductName());
		String name = (product != null) ? product.toLowerCase(Locale.ROOT) : "";
		if (name.contains("h2")) {
			return "h2";
		}
		if (isPostgresql(metaData)) {
			return "postgresql";
		}
		throw new IllegalStateException("unsupported job database '" + product + "': use H2 or PostgreSQL");
	}

	private static boolean hasColumn(DatabaseMetaData metaData, String table, String column) throws SQLException {
		return found((names) -> metaData.getColumns(null, null, names.apply(table), names.apply(column)));
	}

	private static boolean hasTable(DatabaseMetaData metaData, String table) throws SQLException {
		return found((names) -> metaData.getTables(null, null, names.apply(table), new String[] { "TABLE" }));
	}

	/**
	 * Whether a metadata lookup finds anything with the names as written (H2 keeps
	 * unquoted names upper case) or in lower case (PostgreSQL).
	 */
	private static boolean found(MetaDataLookup lookup) throws SQLException {
		for (UnaryOperator<String> names : List.<UnaryOperator<String>>of(UnaryOperator.identity(),
				(name) -> name.toLowerCase(Locale.ROOT))) {
			try (ResultSet rows = lookup.find(names)) {
				if (rows.next()) {
					return true;
				}
			}
		}
		return false;
	}

	@FunctionalInterface
	private interface MetaDataLookup {

		ResultSet find(UnaryOperator<String> names) throws SQLException;

	}

}
