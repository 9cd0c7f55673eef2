package io.github.s3bulkcopy.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SettingsEnvironment} adds the class path's application.properties itself only
 * where Spring Boot's config data would add that file alone, and then resolves what the
 * post-processors resolve.
 */
class SettingsEnvironmentTests {

	private static final List<String> RESOLVED = List.of("spring.datasource.url", "spring.datasource.username",
			"spring.datasource.password", "spring.datasource.hikari.data-source-properties.PAGE_SIZE",
			"spring.batch.job.enabled", "logging.level.root", "s3bulkcopy.worker.stale-after");

	@TempDir
	Path workingDirectory;

	@AfterEach
	void clearProperties() {
		System.clearProperty("spring.datasource.url");
		System.clearProperty("s3bulkcopy.worker.stale-after");
		System.clearProperty("spring.profiles.active");
	}

	@Test
	void withNothingConfiguredTheClassPathDefaultsAloneResolveAsThePostProcessorsResolveThem() {
		assertThat(SettingsEnvironment.defaultsAlone(new StandardEnvironment(), this.workingDirectory)).hasSize(1);
		assertResolvedAsThePostProcessorsResolve();
	}

	@Test
	void systemPropertiesOverTheDefaultsResolveAsThePostProcessorsResolveThem() {
		System.setProperty("spring.datasource.url", "jdbc:h2:file:" + this.workingDirectory.resolve("db"));
		System.setProperty("s3bulkcopy.worker.stale-after", "45s");

		assertThat(SettingsEnvironment.defaultsAlone(new StandardEnvironment(), this.workingDirectory)).hasSize(1);
		ConfigurableEnvironment environment = assertResolvedAsThePostProcessorsResolve();
		assertThat(environment.getProperty("spring.datasource.url")).endsWith("/db");
	}

	@Test
	void aProfileSetAsASystemPropertyLeavesItToThePostProcessors() {
		System.setProperty("spring.profiles.active", "pg");

		assertThat(SettingsEnvironment.defaultsAlone(new StandardEnvironment(), this.workingDirectory)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "SPRING_CONFIG_ADDITIONAL_LOCATION", "SPRING_PROFILES_ACTIVE", "SPRING_APPLICATION_JSON",
			"spring_config_import" })
	void anEnvironmentVariableSteeringConfigDataLeavesItToThePostProcessors(String variable) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, "x")));

		assertThat(SettingsEnvironment.defaultsAlone(environment, this.workingDirectory)).isNull();
	}

	@Test
	void anUnrelatedEnvironmentVariableDoesNot() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("SPRING_DATASOURCE_URL", "jdbc:h2:mem:x", "SPRING_CONFIGURED", "x")));

		assertThat(SettingsEnvironment.defaultsAlone(environment, this.workingDirectory)).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "application.properties", "application.yml", "application.yaml", "application.xml",
			"application-default.properties", "config/application.properties", "config/application-default.yml",
			"config/postgres/application.properties" })
	void anApplicationFileWhereConfigDataLooksLeavesItToThePostProcessors(String file) throws Exception {
		Path path = this.workingDirectory.resolve(file);
		Files.createDirectories(path.getParent());
		Files.writeString(path, "");

		assertThat(SettingsEnvironment.defaultsAlone(new StandardEnvironment(), this.workingDirectory)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "config/application-postgres.properties", "data/application.properties",
			"config/postgres/deeper/application.properties", "application.json" })
	void aFileConfigDataDoesNotReadDoesNot(String file) throws Exception {
		Path path = this.workingDirectory.resolve(file);
		Files.createDirectories(path.getParent());
		Files.writeString(path, "");

		assertThat(SettingsEnvironment.defaultsAlone(new StandardEnvironment(), this.workingDirectory)).hasSize(1);
	}

	private ConfigurableEnvironment assertResolvedAsThePostProcessorsResolve() {
		ConfigurableEnvironment resolved = SettingsEnvironment.resolve(this.workingDirectory);
		ConfigurableEnvironment postProcessed = SettingsEnvironment.postProcessed();
		for (String property : RESOLVED) {
			assertThat(resolved.getProperty(property)).as(property).isEqualTo(postProcessed.getProperty(property));
		}
		assertThat(resolved.getProperty("spring.datasource.url")).isNotNull();
		return resolved;
	}

}
