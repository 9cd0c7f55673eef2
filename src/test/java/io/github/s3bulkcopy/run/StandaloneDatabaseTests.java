package io.github.s3bulkcopy.run;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import com.zaxxer.hikari.HikariDataSource;
import io.github.s3bulkcopy.ExitCodes;
import io.github.s3bulkcopy.cli.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link StandaloneDatabase} resolves the job database's settings as the job's Spring
 * context does.
 */
class StandaloneDatabaseTests {

	private static final List<String> PROPERTIES = List.of("spring.datasource.url", "spring.datasource.username",
			"spring.datasource.password", "spring.config.additional-location", "spring.profiles.active",
			"s3bulkcopy.worker.stale-after", "s3bulkcopy.idle-timeout");

	@TempDir
	Path dir;

	private final Properties saved = new Properties();

	@BeforeEach
	void clearProperties() {
		for (String property : PROPERTIES) {
			String value = System.getProperty(property);
			if (value != null) {
				this.saved.setProperty(property, value);
			}
			System.clearProperty(property);
		}
	}

	@AfterEach
	void restoreProperties() {
		PROPERTIES.forEach(System::clearProperty);
		this.saved.forEach((name, value) -> System.setProperty((String) name, (String) value));
	}

	@Test
	void withNothingConfiguredTheDatabaseIsTheDefaultH2File() {
		try (HikariDataSource dataSource = StandaloneDatabase.dataSource(Binder.get(SettingsEnvironment.resolve()))) {
			assertThat(dataSource.getJdbcUrl())
				.isEqualTo("jdbc:h2:file:./data/s3-bulk-copy;WRITE_DELAY=0;AUTO_SERVER=TRUE;TRACE_LEVEL_FILE=0");
			assertThat(dataSource.getUsername()).isEqualTo("sa");
			assertThat(dataSource.getDriverClassName()).isEqualTo("org.h2.Driver");
		}
	}

	@Test
	void postgresqlFromAConfigFileAndProfileResolvesAsInTheApplicationContext() throws Exception {
		Files.writeString(this.dir.resolve("application-pg.properties"), """
				spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/s3bulkcopy?sslmode=disable
				spring.datasource.username=copier
				spring.datasource.password=from-the-profile
				spring.datasource.hikari.maximum-pool-size=3
				""");
		System.setProperty("spring.config.additional-location", "optional:file:" + this.dir.toAbsolutePath() + "/");
		System.setProperty("spring.profiles.active", "pg");
		System.setProperty("spring.datasource.username", "overridden");

		ConfigurableEnvironment environment = SettingsEnvironment.resolve();
		try (HikariDataSource dataSource = StandaloneDatabase.dataSource(Binder.get(environment))) {
			assertThat(dataSource.getJdbcUrl())
				.isEqualTo("jdbc:postgresql://127.0.0.1:5432/s3bulkcopy?sslmode=disable");
			assertThat(dataSource.getUsername()).isEqualTo("overridden");
			assertThat(dataSource.getPassword()).isEqualTo("from-the-profile");
			assertThat(dataSource.getDriverClassName()).isEqualTo("org.postgresql.Driver");
			assertThat(dataSource.getMaximumPoolSize()).isEqualTo(3);
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Empty.class)
			.web(WebApplicationType.NONE)
			.run()) {
			for (String property : List.of("spring.datasource.url", "spring.datasource.username",
					"spring.datasource.password", "spring.datasource.hikari.maximum-pool-size")) {
				assertThat(environment.getProperty(property)).as(property)
					.isEqualTo(context.getEnvironment().getProperty(property));
			}
		}
	}

	@Test
	void opensTheDatabaseCreatingItsTablesAndBindsTheProcessSettings() {
		System.setProperty("spring.datasource.url", "jdbc:h2:file:" + this.dir.resolve("db").toAbsolutePath());
		System.setProperty("s3bulkcopy.worker.stale-after", "45s");

		try (StandaloneDatabase database = StandaloneDatabase.open()) {
			assertThat(database.settings().worker().staleAfter()).isEqualTo(Duration.ofSeconds(45));
			assertThat(database.runCatalog().jobNames()).isEmpty();
			assertThat(database.jdbcTemplate().queryForObject("SELECT COUNT(*) FROM BULK_RUN_COUNTS", Long.class))
				.isZero();
		}
	}

	@Test
	void anH2DatabaseOfAnyUrlIsNotCompactedWhenItCloses() {
		System.setProperty("spring.datasource.url", "jdbc:h2:file:" + this.dir.resolve("db").toAbsolutePath());

		try (StandaloneDatabase database = StandaloneDatabase.open()) {
			assertThat(database.jdbcTemplate()
				.queryForObject("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?",
						String.class, "MAX_COMPACT_TIME"))
				.isEqualTo("0");
		}
	}

	@Test
	void statusWithAnInvalidSettingEndsWithExitCode2NamingIt() {
		System.setProperty("spring.datasource.url", "jdbc:h2:file:" + this.dir.resolve("db").toAbsolutePath());
		System.setProperty("s3bulkcopy.idle-timeout", "1500ms");
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();

		int code = Main.run(new PrintWriter(out), new PrintWriter(err), "status");

		assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
		assertThat(err.toString()).contains("s3bulkcopy.idle-timeout");
	}

	@Test
	void statusOfAnEmptyDatabaseSaysSo() {
		System.setProperty("spring.datasource.url", "jdbc:h2:file:" + this.dir.resolve("db").toAbsolutePath());
		StringWriter out = new StringWriter();

		int code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "status");

		assertThat(code).isZero();
		assertThat(out.toString()).isEqualTo("No runs yet." + System.lineSeparator());
	}

	@Test
	void statusHelpLeavesNoDatabaseBehind() {
		System.setProperty("spring.datasource.url", "jdbc:h2:file:" + this.dir.resolve("db").toAbsolutePath());
		StringWriter out = new StringWriter();

		int code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "status", "--help");

		assertThat(code).isZero();
		assertThat(out.toString()).startsWith("Usage: s3-bulk-copy status");
		assertThat(this.dir).isEmptyDirectory();
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
