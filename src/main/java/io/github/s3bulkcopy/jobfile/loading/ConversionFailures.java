package io.github.s3bulkcopy.jobfile.loading;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.convert.ConversionException;

/**
 * Records each value that cannot be converted and lets binding go on (the property falls
 * back to its default or null), so one run reports every bad value, not only the first.
 * Anything else is passed on.
 */
final class ConversionFailures extends AbstractBindHandler {

	/**
	 * One value that could not be converted.
	 *
	 * @param name the property
	 * @param target the type it was to become
	 * @param property the property as found, with its value and origin; null when not
	 * known
	 * @param error what the conversion said
	 */
	record Failure(ConfigurationPropertyName name, Bindable<?> target, @Nullable ConfigurationProperty property,
			ConversionException error) {
	}

	private final List<Failure> failures = new ArrayList<>();

	@Override
	public @Nullable Object onFailure(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
			Exception error) throws Exception {
		if (error instanceof ConversionException conversion) {
			this.failures.add(new Failure(name, target, context.getConfigurationProperty(), conversion));
			return null;
		}
		return super.onFailure(name, target, context, error);
	}

	List<Failure> failures() {
		return List.copyOf(this.failures);
	}

}
