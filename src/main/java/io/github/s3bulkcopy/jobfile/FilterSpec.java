package io.github.s3bulkcopy.jobfile;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Which of the manifest's objects {@code copy}, {@code verify} and {@code batch-copy}
 * plan, judged from the manifest's own columns, so filtering costs no request. Every
 * filter is optional; an object is planned when it passes them all. Patterns apply to the
 * key relative to {@code source.prefix} ({@link KeyGlob}).
 *
 * @param include keep only keys matching at least one of these patterns; empty keeps
 * every key
 * @param exclude leave out keys matching any of these patterns, even when they match an
 * include
 * @param minSize leave out objects smaller than this
 * @param maxSize leave out objects larger than this
 * @param modifiedAfter leave out objects last modified before this instant (one modified
 * at this instant is kept)
 * @param modifiedBefore leave out objects last modified at or after this instant
 * @param storageClasses keep only objects of one of these storage classes (STANDARD,
 * GLACIER, ...); empty keeps every class
 */
public record FilterSpec(List<String> include, List<String> exclude, @Nullable ByteSize minSize,
		@Nullable ByteSize maxSize, @Nullable Instant modifiedAfter, @Nullable Instant modifiedBefore,
		List<String> storageClasses) {

	/** Absent lists are empty: no filter on that property. */
	@SuppressWarnings("ConstantValue")
	public FilterSpec {
		include = (include != null) ? List.copyOf(include) : List.of();
		exclude = (exclude != null) ? List.copyOf(exclude) : List.of();
		storageClasses = (storageClasses != null) ? List.copyOf(storageClasses) : List.of();
	}

	/** No filter at all. */
	public static final FilterSpec NONE = new FilterSpec(null, null, null, null, null, null, null);

	/** Whether any filter is set. */
	public boolean isSet() {
		return !this.include.isEmpty() || !this.exclude.isEmpty() || this.minSize != null || this.maxSize != null
				|| this.modifiedAfter != null || this.modifiedBefore != null || !this.storageClasses.isEmpty();
	}

	/** Whether a filter needs each object's size. */
	public boolean needsSize() {
		return this.minSize != null || this.maxSize != null;
	}

	/** Whether a filter needs each object's last-modified time. */
	public boolean needsLastModified() {
		return this.modifiedAfter != null || this.modifiedBefore != null;
	}

}
