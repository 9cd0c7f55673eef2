package io.github.s3bulkcopy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import io.github.s3bulkcopy.run.RepositoryConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link S3BulkCopyApplication}: the auto-configurations it names give the context the
 * beans that finding them on the class path gives, less the ones it leaves out.
 */
class S3BulkCopyApplicationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:application-tests;DB_CLOSE_DELAY=-1");

	@Test
	void namedAutoConfigurationsGiveTheBeansFoundOnesGive() {
		Set<String> named = new TreeSet<>();
		Set<String> found = new TreeSet<>();

		this.runner.withUserConfiguration(S3BulkCopyApplication.class)
			.run((context) -> named.addAll(beanNames(context.getSourceApplicationContext())));
		String[] excluded = Arrays
			.stream(S3BulkCopyApplication.FoundAutoConfigurations.class.getAnnotation(EnableAutoConfiguration.class)
				.exclude())
			.map(Class::getName)
			.toArray(String[]::new);
		this.runner.withUserConfiguration(Found.class)
			.withPropertyValues("spring.autoconfigure.exclude=" + String.join(",", excluded))
			.run((context) -> found.addAll(beanNames(context.getSourceApplicationContext())));

		assertThat(named).contains("jobDatabaseOpening", "jdbcTemplate", "jobRepository", "transactionManager")
			.isEqualTo(found);
	}

	private static Set<String> beanNames(ConfigurableApplicationContext context) {
		Set<String> names = new TreeSet<>(Arrays.asList(context.getBeanDefinitionNames()));
		// The application's and this test's own configuration classes; and project
		// information, which builds nothing without build-info or git properties, and the
		// jar has neither.
		names.removeIf((name) -> name.toLowerCase(Locale.ROOT).contains("s3bulkcopyapplication")
				|| name.contains(ProjectInfoAutoConfiguration.class.getPackageName()));
		return names;
	}

	/**
	 * The application as it is with Spring Boot's Micrometer metrics module added, the
	 * auto-configurations found on the class path.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(RepositoryConfiguration.class)
	@EnableConfigurationProperties(ProcessSettings.class)
	static class Found {

	}

}
