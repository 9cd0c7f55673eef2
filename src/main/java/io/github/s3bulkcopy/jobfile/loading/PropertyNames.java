package io.github.s3bulkcopy.jobfile.loading;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.github.s3bulkcopy.jobfile.ByteSize;
import io.github.s3bulkcopy.jobfile.FailureThreshold;
import io.github.s3bulkcopy.jobfile.JobSpec;

import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;

/**
 * The properties a job file may hold, read from the records, so a typo can be answered
 * with "did you mean".
 */
public final class PropertyNames {

	private PropertyNames() {
	}

	/** Every leaf property in kebab-case, e.g. {@code source.credentials.role-arn}. */
	public static List<String> all() {
		List<String> names = new ArrayList<>();
		collect(JobSpec.class, "", names);
		return names;
	}

	/**
	 * True for a property that holds one value, such as {@code copy.part-size}; false for
	 * a section or a stranger.
	 */
	static boolean isLeaf(ConfigurationPropertyName name) {
		return all().stream().map(ConfigurationPropertyName::of).anyMatch(name::equals);
	}

	/**
	 * The closest known name at the level where an unknown name first goes wrong, when it
	 * is close enough to be a typo: {@code copy.skip-exisiting} gives
	 * {@code skip-existing}, {@code sorce.bucket} gives {@code source}.
	 */
	static Optional<String> suggest(ConfigurationPropertyName unknown) {
		Class<?> type = JobSpec.class;
		for (int i = 0; i < unknown.getNumberOfElements() && isSection(type); i++) {
			String element = unknown.getElement(i, Form.DASHED);
			Optional<RecordComponent> match = components(type)
				.filter((component) -> uniform(dashed(component)).equals(uniform(element)))
				.findFirst();
			if (match.isEmpty()) {
				return closest(type, element);
			}
			type = match.get().getType();
		}
		return Optional.empty();
	}

	private static Optional<String> closest(Class<?> type, String element) {
		int allowed = Math.max(2, element.length() / 4);
		return components(type).map(PropertyNames::dashed)
			.filter((candidate) -> distance(candidate, element) <= allowed)
			.min(Comparator.comparingInt((String candidate) -> distance(candidate, element)));
	}

	private static void collect(Class<?> type, String prefix, List<String> names) {
		components(type).forEach((component) -> {
			String name = prefix + dashed(component);
			if (isSection(component.getType())) {
				collect(component.getType(), name + ".", names);
			}
			else {
				names.add(name);
			}
		});
	}

	/**
	 * A record of properties, as opposed to a value written on one line such as a
	 * {@link ByteSize} or a {@link FailureThreshold}: those are records that parse
	 * themselves with a static {@code valueOf(String)}.
	 */
	static boolean isSection(Class<?> type) {
		if (!type.isRecord()) {
			return false;
		}
		try {
			return !java.lang.reflect.Modifier.isStatic(type.getMethod("valueOf", String.class).getModifiers());
		}
		catch (NoSuchMethodException ex) {
			return true;
		}
	}

	private static Stream<RecordComponent> components(Class<?> type) {
		return Arrays.stream(type.getRecordComponents());
	}

	private static String dashed(RecordComponent component) {
		return DataObjectPropertyName.toDashedForm(component.getName());
	}

	private static String uniform(String name) {
		return name.replace("-", "");
	}

	/** Levenshtein distance; names are short. */
	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
