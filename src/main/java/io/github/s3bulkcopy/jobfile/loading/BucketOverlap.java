package io.github.s3bulkcopy.jobfile.loading;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiConsumer;

import io.github.s3bulkcopy.jobfile.DestinationSpec;
import io.github.s3bulkcopy.jobfile.SourceSpec;
import org.jspecify.annotations.Nullable;

/**
 * A destination inside its own source: the same bucket on the same endpoint, with the
 * destination prefix under the source prefix. Every object would be copied onto itself,
 * or a later listing would find the copies and copy them again. S3 prefixes are plain
 * string prefixes, so {@code logs} contains {@code logs-copy/}.
 */
final class BucketOverlap {

	private BucketOverlap() {
	}

	static void check(SourceSpec source, DestinationSpec destination, BiConsumer<String, String> reject) {
		if (source.bucket() == null || !source.bucket().equals(destination.bucket())
				|| !sameEndpoint(source.endpoint(), destination.endpoint())) {
			return;
		}
		String sourcePrefix = Objects.requireNonNullElse(source.prefix(), "");
		String destinationPrefix = Objects.requireNonNullElse(destination.prefix(), "");
		if (destinationPrefix.equals(sourcePrefix)) {
			reject.accept(destinationPrefix.isEmpty() ? "destination.bucket" : "destination.prefix",
					"is the source bucket and prefix: every object would be copied onto itself");
		}
		else if (destinationPrefix.startsWith(sourcePrefix)) {
			String inside = sourcePrefix.isEmpty() ? "all of bucket " + source.bucket()
					: "bucket " + source.bucket() + ", prefix '" + sourcePrefix + "'";
			reject.accept("destination.prefix", "is inside the source (" + inside
					+ "): the copies would be copied again; use another bucket or a prefix outside source.prefix");
		}
	}

	/** Both absent (AWS itself), or the same scheme, host, port and path. */
	private static boolean sameEndpoint(@Nullable URI source, @Nullable URI destination) {
		if (source == null || destination == null) {
			return source == destination;
		}
		return normalize(source).equals(normalize(destination));
	}

	private static String normalize(URI endpoint) {
		String scheme = Objects.requireNonNullElse(endpoint.getScheme(), "").toLowerCase(Locale.ROOT);
		int port = endpoint.getPort();
		if (port == -1) {
			port = scheme.equals("http") ? 80 : 443;
		}
		String host = Objects.requireNonNullElse(endpoint.getHost(), "").toLowerCase(Locale.ROOT);
		String path = Objects.requireNonNullElse(endpoint.getPath(), "");
		while (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		return scheme + "://" + host + ":" + port + path;
	}

}
