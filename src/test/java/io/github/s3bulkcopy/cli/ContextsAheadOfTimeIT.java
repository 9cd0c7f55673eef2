package io.github.s3bulkcopy.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.github.s3bulkcopy.jobfile.JobFile;
import io.github.s3bulkcopy.jobfile.loading.JobFileLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.aot.AotDetector;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.SpringProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code Spring AOT generated for each context when the jar was built (package, before
 * this runs; the launcher runs with it) defines the beans the context defines when its
 * configuration classes are parsed at start: nothing frozen at build time left one out or
 * added one.
 */
class ContextsAheadOfTimeIT {

	static Stream<Arguments> contexts() {
		JobFile jobFile = new JobFileLoader().load(Path.of("jobs/local-s3proxy.yml"));
		return ContextsAheadOfTime.contexts(jobFile)
			.entrySet()
			.stream()
			.map((context) -> Arguments.of(context.getKey().getSimpleName(), context.getValue()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("contexts")
	void theGeneratedCodeDefinesTheBeansTheConfigurationClassesDo(String name,
			Supplier<ConfigurableApplicationContext> start) {
		GenericApplicationContext parsed = ContextsAheadOfTime.loaded(start);
		parsed.refreshForAotProcessing(new RuntimeHints());
		Set<String> generated = generatedBeans(start);
		assertThat(generated).isEqualTo(applicationBeans(parsed));
	}

	private static Set<String> generatedBeans(Supplier<ConfigurableApplicationContext> start) {
		SpringProperties.setFlag(AotDetector.AOT_ENABLED);
		try {
			return applicationBeans(ContextsAheadOfTime.loaded(start));
		}
		finally {
			SpringProperties.setProperty(AotDetector.AOT_ENABLED, null);
		}
	}

	/**
	 * Without what parses configuration classes (Spring's processors, Spring Boot's cache
	 * of class files read), which generated code replaces.
	 */
	private static Set<String> applicationBeans(GenericApplicationContext context) {
		Set<String> names = new TreeSet<>(Arrays.asList(context.getBeanDefinitionNames()));
		names.removeIf((name) -> name.startsWith("org.springframework.context.annotation.internal")
				|| name.equals("org.springframework.boot.autoconfigure.internalCachingMetadataReaderFactory"));
		return names;
	}

}
