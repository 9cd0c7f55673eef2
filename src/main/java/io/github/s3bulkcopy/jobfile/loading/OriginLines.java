package io.github.s3bulkcopy.jobfile.loading;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.OriginProvider;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.PropertySource;

/** The line a YAML value came from, as Spring Boot's origin tracking records it. */
final class OriginLines {

	private OriginLines() {
	}

	/**
	 * The 1-based line of an origin, or 0 when it has none (an empty section such as
	 * {@code credentials: {}}).
	 */
	static int of(@Nullable Origin origin) {
		if (origin instanceof TextResourceOrigin text) {
			return (text.getLocation() != null) ? text.getLocation().getLine() + 1 : 0;
		}
		// A property read through a ConfigurationPropertySource carries the YAML origin
		// inside its own.
		if (origin instanceof OriginProvider provider && provider.getOrigin() != origin) {
			return of(provider.getOrigin());
		}
		return 0;
	}

	/** The 1-based line of a property by the name it has in the YAML, or 0. */
	@SuppressWarnings("unchecked")
	static int of(PropertySource<?> properties, String name) {
		if (properties instanceof OriginLookup<?> lookup) {
			return of(((OriginLookup<String>) lookup).getOrigin(name));
		}
		return 0;
	}

}
