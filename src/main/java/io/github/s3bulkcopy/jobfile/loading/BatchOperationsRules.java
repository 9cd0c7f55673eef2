package io.github.s3bulkcopy.jobfile.loading;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.BiConsumer;

import io.github.s3bulkcopy.jobfile.BatchOperationsSpec;
import io.github.s3bulkcopy.jobfile.ByteSize;
import io.github.s3bulkcopy.jobfile.ManifestGeneratorSpec;

/**
 * The rules of the {@code batch-operations} section that span properties or need more
 * than a constraint: the endpoint, S3's limits on tags, sizes and time ranges. Which
 * manifest a command may use is checked when the command runs, since replicate and
 * batch-copy read the same file.
 */
final class BatchOperationsRules {

	static final String PATH = "batch-operations";

	/** S3 Batch Operations accepts at most this many job tags. */
	private static final int MAX_TAGS = 50;

	private BatchOperationsRules() {
	}

	static void check(BatchOperationsSpec batch, BiConsumer<String, String> reject) {
		Endpoints.check(PATH + ".endpoint", batch.endpoint(), batch.allowInsecureEndpoint(),
				PATH + ".allow-insecure-endpoint", reject);
		ByteSize max = batch.maxObjectSize();
		if (max != null && (max.bytes() < 1 || max.bytes() > BatchOperationsSpec.BATCH_COPY_LIMIT.bytes())) {
			reject.accept(PATH + ".max-object-size", "must be between 1 B and " + BatchOperationsSpec.BATCH_COPY_LIMIT
					+ ", the largest object Batch Operations copies (was " + max + ")");
		}
		tags(batch.tags(), reject);
		ManifestGeneratorSpec generator = batch.manifestGenerator();
		if (generator != null) {
			generator(generator, reject);
		}
	}

	private static void tags(Map<String, String> tags, BiConsumer<String, String> reject) {
		if (tags.size() > MAX_TAGS) {
			reject.accept(PATH + ".tags", "at most " + MAX_TAGS + " tags (was " + tags.size() + ")");
		}
		for (Map.Entry<String, String> tag : tags.entrySet()) {
			if (tag.getKey().length() > 128 || tag.getValue().length() > 256) {
				reject.accept(PATH + ".tags." + tag.getKey(), "tag keys are 1-128 characters and values at most 256");
			}
		}
	}

	private static void generator(ManifestGeneratorSpec generator, BiConsumer<String, String> reject) {
		String path = PATH + ".manifest-generator";
		Instant after = generator.createdAfter();
		Instant before = generator.createdBefore();
		if (after != null && before != null && !after.isBefore(before)) {
			reject.accept(path + ".created-before", "must be later than created-after: no object could match");
		}
		ByteSize greater = generator.sizeGreaterThan();
		ByteSize less = generator.sizeLessThan();
		if (greater != null && less != null && less.bytes() <= greater.bytes() + 1) {
			reject.accept(path + ".size-less-than", "must be more than size-greater-than + 1 B: no object could match");
		}
		for (String prefix : generator.keyPrefixes()) {
			if (prefix.isEmpty()) {
				reject.accept(path + ".key-prefixes",
						"must not hold an empty prefix: leave key-prefixes out to " + "match every key");
			}
		}
	}

	/**
	 * Reads an instant as a job file writes it: ISO-8601 with an offset
	 * ({@code 2026-01-01T00:00:00Z}) or a date, meaning its start in UTC.
	 */
	static Instant instant(String text) {
		String value = text.trim();
		try {
			if (value.length() == 10) {
				return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			return java.time.OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"'" + text + "' is not a date or time: write 2026-01-01 or " + "2026-01-01T00:00:00Z", ex);
		}
	}

}
