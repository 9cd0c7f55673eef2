package io.github.s3bulkcopy.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.github.s3bulkcopy.S3BulkCopyApplication;
import io.github.s3bulkcopy.run.JobContexts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every configuration class of this tool is part of a context Spring AOT processes when
 * the jar is built: in every job's context, imported by one that is, or added to a job's
 * context by a command and so listed in {@link ContextsAheadOfTime#MORE}. A command that
 * starts a context with a new one left out of that list fails in the launcher's runs
 * only, which the server-backed tests do not start.
 */
class ContextsAheadOfTimeTests {

	@Test
	void everyConfigurationClassIsInAContextProcessedAheadOfTime() throws ClassNotFoundException {
		Set<Class<?>> processed = imported(JobContexts.JOB_SOURCES);
		processed.addAll(imported(ContextsAheadOfTime.MORE));
		assertThat(names(configurationClasses())).isNotEmpty().isSubsetOf(names(processed));
	}

	@Test
	void eachCommandsContextIsNamedAfterTheClassItAdds() {
		assertThat(ContextsAheadOfTime.MORE).isNotEmpty()
			.allSatisfy((more) -> assertThat(JobContexts.aheadOfTimeName(more)).isEqualTo(more));
	}

	/** The configuration classes of the main code, by scanning its package. */
	private static Set<Class<?>> configurationClasses() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Configuration.class));
		Set<Class<?>> found = new HashSet<>();
		String mainCode = S3BulkCopyApplication.class.getProtectionDomain().getCodeSource().getLocation().toString();
		for (BeanDefinition candidate : scanner.findCandidateComponents(S3BulkCopyApplication.class.getPackageName())) {
			Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), null);
			// The test classes' own configurations share the package.
			if (type.getProtectionDomain().getCodeSource().getLocation().toString().equals(mainCode)) {
				found.add(type);
			}
		}
		return found;
	}

	/**
	 * These classes, the classes they import and their nested classes (Spring registers a
	 * nested configuration class with the one it is in), and so on.
	 */
	private static Set<Class<?>> imported(Iterable<Class<?>> sources) {
		Set<Class<?>> seen = new HashSet<>();
		Deque<Class<?>> next = new ArrayDeque<>();
		sources.forEach(next::add);
		while (!next.isEmpty()) {
			Class<?> type = next.pop();
			if (seen.add(type)) {
				MergedAnnotations.from(type, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
					.stream(Import.class)
					.map(MergedAnnotation::synthesize)
					.forEach((imports) -> next.addAll(List.of(imports.value())));
				next.addAll(List.of(type.getDeclaredClasses()));
			}
		}
		return seen;
	}

	private static Set<String> names(Set<Class<?>> types) {
		Set<String> names = new TreeSet<>();
		types.forEach((type) -> names.add(type.getName()));
		return names;
	}

}
