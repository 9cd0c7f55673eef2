package io.github.s3bulkcopy.jobfile.loading;

import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.s3bulkcopy.jobfile.ByteSize;
import io.github.s3bulkcopy.jobfile.Concurrency;
import io.github.s3bulkcopy.jobfile.FailureThreshold;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Turns what the binder reports (values that do not convert, unknown properties,
 * constraint and rule violations) into the lines a user reads: the file, the line, the
 * property as written in the file, and the reason. When one property has several
 * problems, only the first reported is kept, so report the most telling kind first: a
 * value that does not convert also leaves the property unbound and null, and saying so as
 * well would only confuse.
 */
public final class BindingProblems {

	private static final int MAX_ECHO = 80;

	/** Constraints that, on a missing value, mean only that the property is required. */
	private static final Set<String> REQUIRED_CODES = Set.of("NotNull", "NotBlank", "NotEmpty");

	private final String file;

	private final ConfigurationPropertySource source;

	/**
	 * The names as written in the YAML ({@code copy.multipartThreshold}), by their
	 * relaxed form.
	 */
	private final Map<ConfigurationPropertyName, String> written = new LinkedHashMap<>();

	private final Map<ConfigurationPropertyName, JobFileProblem> problems = new LinkedHashMap<>();

	private final List<JobFileProblem> unnamed = new ArrayList<>();

	BindingProblems(String file, EnumerablePropertySource<?> yaml, ConfigurationPropertySource source) {
		this.file = file;
		this.source = source;
		for (String name : yaml.getPropertyNames()) {
			ConfigurationPropertyName adapted = ConfigurationPropertyName.adapt(name, '.');
			if (!adapted.isEmpty()) {
				this.written.put(adapted, name);
			}
		}
	}

	boolean isEmpty() {
		return this.problems.isEmpty() && this.unnamed.isEmpty();
	}

	/**
	 * Problems in file order; those on no line (a missing property) last, by property.
	 */
	List<JobFileProblem> sorted() {
		List<JobFileProblem> all = new ArrayList<>(this.problems.values());
		all.addAll(this.unnamed);
		all.sort(Comparator
			.comparingInt((JobFileProblem problem) -> (problem.line() > 0) ? problem.line() : Integer.MAX_VALUE)
			.thenComparing((problem) -> (problem.property() != null) ? problem.property() : ""));
		return all;
	}

	void conversion(ConversionFailures.Failure failure) {
		Class<?> type = failure.target().getType().resolve(Object.class);
		Object value = (failure.property() != null) ? failure.property().getValue() : null;
		add(failure.name(), null, conversionReason(type, value, failure.error()));
	}

	void unknown(ConfigurationProperty property) {
		ConfigurationPropertyName name = property.getName();
		for (int i = 1; i < name.getNumberOfElements(); i++) {
			if (name.isNumericIndex(i) && PropertyNames.isLeaf(name.chop(i))) {
				// A list where one value belongs: the binder sees name[0], name[1], ...
				// as unknown.
				add(name.chop(i), null, "must be a single value, not a list", property);
				return;
			}
		}
		String reason = PropertyNames.suggest(name)
			.map((known) -> "unknown property (did you mean " + known + "?)")
			.orElse("unknown property");
		add(name, null, reason);
	}

	void invalid(ObjectError error) {
		if (!(error instanceof FieldError field)) {
			this.unnamed.add(JobFileProblem.ofFile(this.file, String.valueOf(error.getDefaultMessage())));
			return;
		}
		String path = DataObjectPropertyName.toDashedForm(field.getField());
		ConfigurationPropertyName name = ConfigurationPropertyName.ofIfValid(path);
		String reason = constraintReason(field);
		if (name == null) {
			this.unnamed.add(new JobFileProblem(this.file, 0, 0, path, reason));
			return;
		}
		if (field.getRejectedValue() == null && hasProblemUnder(name)) {
			// A section whose every property is unknown binds to nothing; the unknown
			// names say why.
			return;
		}
		add(name, path, reason);
	}

	/** A failure the binder could not continue from and that is none of the above. */
	void other(BindException ex) {
		Throwable cause = rootCause(ex);
		String reason = "cannot be used: "
				+ ((cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName());
		add(ex.getName(), null, reason);
	}

	private boolean hasProblemUnder(ConfigurationPropertyName name) {
		return this.problems.keySet().stream().anyMatch(name::isAncestorOf);
	}

	/**
	 * The first problem reported for a property is the one kept: report the most telling
	 * kind first.
	 */
	private void add(ConfigurationPropertyName name, @Nullable String fallback, String reason) {
		add(name, fallback, reason, this.source.getConfigurationProperty(name));
	}

	private void add(ConfigurationPropertyName name, @Nullable String fallback, String reason,
			@Nullable ConfigurationProperty at) {
		if (this.problems.containsKey(name)) {
			return;
		}
		int line = (at != null) ? OriginLines.of(at.getOrigin()) : 0;
		String shown = this.written.getOrDefault(name, (fallback != null) ? fallback : name.toString());
		this.problems.put(name, new JobFileProblem(this.file, line, 0, shown, reason));
	}

	private static String conversionReason(Class<?> type, @Nullable Object value, Exception error) {
		String was = " (was " + quote(value) + ")";
		if (type.isEnum()) {
			String allowed = Arrays.stream(type.getEnumConstants())
				.map((constant) -> enumName((Enum<?>) constant))
				.collect(Collectors.joining(", "));
			return "must be one of " + allowed + was;
		}
		if (type == ByteSize.class || type == FailureThreshold.class || type == Concurrency.class) {
			Throwable cause = rootCause(error);
			return (cause instanceof IllegalArgumentException && cause.getMessage() != null) ? cause.getMessage()
					: quote(value) + " is not a size";
		}
		if (type == Duration.class) {
			return quote(value) + " is not a duration: write a number and a unit, such as 900s, 15m or 12h";
		}
		if (type == Instant.class) {
			return quote(value) + " is not a date or time: write 2026-01-01 or 2026-01-01T00:00:00Z";
		}
		if (type == URI.class) {
			// No value: a URL may carry a password.
			return "is not a URL";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "must be true or false" + was;
		}
		if (type == int.class || type == long.class || Number.class.isAssignableFrom(type)) {
			return "must be a whole number" + was;
		}
		if (PropertyNames.isSection(type)) {
			return "must be a section of properties, not a single value";
		}
		return "cannot be read as " + type.getSimpleName() + was;
	}

	private static String constraintReason(FieldError error) {
		String message = String.valueOf(error.getDefaultMessage());
		if (JobSpecRules.CODE.equals(error.getCode())) {
			return message;
		}
		Object rejected = error.getRejectedValue();
		if (rejected == null && REQUIRED_CODES.contains(error.getCode())) {
			return "is required";
		}
		if (rejected instanceof Number || rejected instanceof Boolean || rejected instanceof Enum<?>
				|| rejected instanceof ByteSize || rejected instanceof Duration) {
			return message + " (was " + quote(rejected) + ")";
		}
		return message;
	}

	public static String enumName(Enum<?> constant) {
		return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private static String quote(@Nullable Object value) {
		String text;
		if (value instanceof Enum<?> constant) {
			text = enumName(constant);
		}
		else if (value instanceof Duration duration) {
			text = JobSpecRules.format(duration);
		}
		else {
			text = String.valueOf(value);
		}
		return "'" + ((text.length() > MAX_ECHO) ? text.substring(0, MAX_ECHO) + "..." : text) + "'";
	}

	private static Throwable rootCause(Throwable error) {
		Throwable cause = error;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		if (cause instanceof InvocationTargetException invocation && invocation.getTargetException() != null) {
			return invocation.getTargetException();
		}
		return cause;
	}

}
