package io.github.s3bulkcopy.run;

import java.util.concurrent.CompletableFuture;

import com.zaxxer.hikari.HikariDataSource;
import io.github.s3bulkcopy.Futures;
import io.github.s3bulkcopy.ProcessSettings;
import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.ledger.JobDatabase;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.StringUtils;

/**
 * The job database opened without an application context, for a command that only reads
 * it ({@code status}): starting the job's Spring context (auto-configuration, Spring
 * Batch's job repository) took most of such a command's time. The settings are resolved
 * as the context resolves them: the environment is the one Spring Boot's own environment
 * post-processors prepare ({@link SettingsEnvironment}: application properties on the
 * class path and in {@code ./config}, {@code spring.config.*}, profiles, environment
 * variables, system properties), {@code spring.datasource.*} is bound to Spring Boot's
 * {@link DataSourceProperties} and {@code spring.datasource.hikari.*} to the pool, and
 * {@code s3bulkcopy.*} to {@link ProcessSettings}. The database is prepared by
 * {@link JobDatabase} as on every start.
 */
public final class StandaloneDatabase implements AutoCloseable {

	private final HikariDataSource dataSource;

	private final JdbcTemplate jdbc;

	private final ProcessSettings settings;

	private StandaloneDatabase(HikariDataSource dataSource, ProcessSettings settings) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.settings = settings;
	}

	/**
	 * Opens the job database the process's settings name, creating what tables are
	 * missing.
	 */
	public static StandaloneDatabase open() {
		return open(Settings.resolve());
	}

	private static StandaloneDatabase open(Settings settings) {
		HikariDataSource dataSource = settings.dataSource();
		try {
			new JobDatabase(dataSource).initialize();
			return new StandaloneDatabase(dataSource, settings.process());
		}
		catch (RuntimeException ex) {
			dataSource.close();
			throw ex;
		}
	}

	/**
	 * Starts resolving the settings on a thread of its own, for a command to open the
	 * database with later ({@link Ahead#open()}): resolving them is the larger part of
	 * such a command's start, and can go on while the command line is parsed. Nothing is
	 * connected or written until {@code open}, so a command that is not run after all
	 * ({@code --help}, a bad option) leaves no trace.
	 */
	public static Ahead resolveAhead() {
		return new Ahead(Futures.supplyOnOwnThread("job-database-settings", Settings::resolve));
	}

	/**
	 * The pool Spring Boot's auto-configuration would make of these settings; it opens
	 * one connection, as only one is used.
	 */
	static HikariDataSource dataSource(Binder binder) {
		DataSourceProperties properties = new DataSourceProperties();
		properties.setBeanClassLoader(StandaloneDatabase.class.getClassLoader());
		binder.bind("spring.datasource", Bindable.ofInstance(properties));
		try {
			properties.afterPropertiesSet();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		HikariDataSource dataSource = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		if (StringUtils.hasText(properties.getName())) {
			dataSource.setPoolName(properties.getName());
		}
		binder.bind("spring.datasource.hikari", Bindable.ofInstance(dataSource));
		if (!binder.bind("spring.datasource.hikari.minimum-idle", Integer.class).isBound()) {
			dataSource.setMinimumIdle(1);
		}
		return dataSource;
	}

	/**
	 * The settings of the job database and of the process, resolved; the pool is made but
	 * not started.
	 */
	private record Settings(HikariDataSource dataSource, ProcessSettings process) {

		static Settings resolve() {
			Binder binder = Binder.get(SettingsEnvironment.resolve());
			ProcessSettings process = binder.bindOrCreate("s3bulkcopy", ProcessSettings.class);
			return new Settings(StandaloneDatabase.dataSource(binder), process);
		}

	}

	/** Settings being resolved ahead of {@link #open()}, by {@link #resolveAhead()}. */
	public static final class Ahead {

		private final CompletableFuture<Settings> settings;

		private Ahead(CompletableFuture<Settings> settings) {
			this.settings = settings;
		}

		/**
		 * Opens the job database once its settings are resolved; what resolving them
		 * threw, it throws here, as {@link StandaloneDatabase#open()} would.
		 */
		public StandaloneDatabase open() {
			return StandaloneDatabase.open(Futures.join(this.settings));
		}

	}

	/** The runs in the database. */
	public RunCatalog runCatalog() {
		return new RunCatalog(new JdbcLedger(this.jdbc), this.jdbc);
	}

	public JdbcTemplate jdbcTemplate() {
		return this.jdbc;
	}

	public ProcessSettings settings() {
		return this.settings;
	}

	@Override
	public void close() {
		this.dataSource.close();
	}

}
