package io.github.s3bulkcopy.run;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.s3bulkcopy.jobfile.CopySpec;
import io.github.s3bulkcopy.jobfile.JobSpec;
import io.github.s3bulkcopy.report.RunMetadata;
import org.jspecify.annotations.Nullable;

/**
 * A job's settings as {@code property = value} lines for the report, read from the job's
 * records in their order with the job file's kebab-case names
 * ({@code copy.multipart-threshold}), defaults included, so the report shows what the run
 * actually used. Job files hold no secrets (the loader rejects them), so every value can
 * be shown.
 */
final class JobSettings {

	private JobSettings() {
	}

	static List<RunMetadata.Setting> of(JobSpec spec) {
		List<RunMetadata.Setting> settings = new ArrayList<>();
		collect(spec, "", settings);
		return settings;
	}

	private static void collect(Object record, String prefix, List<RunMetadata.Setting> settings) {
		for (RecordComponent component : record.getClass().getRecordComponents()) {
			Object value = value(component, record);
			String name = prefix + kebab(component.getName());
			if (record instanceof CopySpec copy && copy.concurrency().auto()) {
				// Their defaults are not the components' (null) but what auto then uses.
				value = switch (component.getName()) {
					case "minConcurrency" -> copy.concurrencyFloor();
					case "maxConcurrency" -> copy.concurrencyCeiling();
					default -> value;
				};
			}
			// Sections are the job file's *Spec records; other records (ByteSize) are
			// values.
			if (value != null && value.getClass().isRecord() && value.getClass().getSimpleName().endsWith("Spec")) {
				collect(value, name + ".", settings);
			}
			else {
				settings.add(new RunMetadata.Setting(name, text(value)));
			}
		}
	}

	private static @Nullable Object value(RecordComponent component, Object record) {
		try {
			return component.getAccessor().invoke(record);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("cannot read " + component.getName(), ex);
		}
	}

	private static String text(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Enum<?> choice) {
			return choice.name().toLowerCase(Locale.ROOT).replace('_', '-');
		}
		return value.toString();
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

}
