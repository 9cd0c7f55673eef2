package io.github.s3bulkcopy.plan;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.s3bulkcopy.jobfile.CopyVersions;
import io.github.s3bulkcopy.jobfile.FilterSpec;
import io.github.s3bulkcopy.jobfile.FilterStorageClasses;
import io.github.s3bulkcopy.jobfile.KeyGlob;
import io.github.s3bulkcopy.manifest.ManifestEntry;
import io.github.s3bulkcopy.manifest.ManifestException;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.util.Assert;

/**
 * The plan step's choice of objects: first the versions {@code copy.versions} asks for
 * ({@link VersionFilter}, which keeps its meaning), then the job file's {@code filter}
 * section, judged from the manifest's own columns. Counts the objects each filter leaves
 * out, in the step's execution context (saved with each chunk, so a resumed plan goes on
 * counting) and, once the step ends, in the job execution's context, where the dry run
 * and the report read them.
 * <p>
 * An object is counted under the first filter it fails, in the order {@link #NAMES}, so
 * the counts add up to the objects left out. A filter on a column the manifest does not
 * state (an inventory report configured without Size, LastModifiedDate or StorageClass)
 * stops the plan with a {@link ManifestException} at the first object, rather than
 * letting every object through or none. Delete markers have no size or storage class:
 * only the key and date filters apply to them.
 */
public class PlanFilter implements ItemProcessor<ManifestEntry, ManifestEntry>, ItemStream, StepExecutionListener {

	/** The filters in the order objects are judged, as the job file names them. */
	public static final List<String> NAMES = List.of("include", "exclude", "min-size", "max-size", "modified-after",
			"modified-before", "storage-classes");

	/** Prefix of the execution context keys holding the count of each filter. */
	static final String COUNT_KEY = "s3bulkcopy.filteredOut.";

	private final CopyVersions versions;

	private final FilterSpec filter;

	private final String sourcePrefix;

	private final List<KeyGlob> include;

	private final List<KeyGlob> exclude;

	private final Set<String> storageClasses;

	private final Map<String, Long> counts = new LinkedHashMap<>();

	/**
	 * @param versions the versions the run copies
	 * @param filter the job file's filters
	 * @param sourcePrefix {@code source.prefix}: patterns match the key after it
	 */
	public PlanFilter(CopyVersions versions, FilterSpec filter, String sourcePrefix) {
		Assert.notNull(versions, "versions is required");
		Assert.notNull(filter, "filter is required");
		Assert.notNull(sourcePrefix, "sourcePrefix is required");
		this.versions = versions;
		this.filter = filter;
		this.sourcePrefix = sourcePrefix;
		this.include = filter.include().stream().map(KeyGlob::compile).toList();
		this.exclude = filter.exclude().stream().map(KeyGlob::compile).toList();
		this.storageClasses = filter.storageClasses()
			.stream()
			.map(FilterStorageClasses::normalize)
			.collect(Collectors.toUnmodifiableSet());
		resetCounts();
	}

	@Override
	public @Nullable ManifestEntry process(ManifestEntry entry) {
		if (!VersionFilter.keep(this.versions, entry)) {
			return null;
		}
		String failed = firstFailed(entry);
		if (failed != null) {
			this.counts.merge(failed, 1L, Long::sum);
			return null;
		}
		return entry;
	}

	/** The name of the first filter the entry fails, or null when it passes them all. */
	@Nullable String firstFailed(ManifestEntry entry) {
		String key = relative(entry.key());
		if (!this.include.isEmpty() && this.include.stream().noneMatch((glob) -> glob.matches(key))) {
			return "include";
		}
		if (this.exclude.stream().anyMatch((glob) -> glob.matches(key))) {
			return "exclude";
		}
		if (this.filter.needsSize() && !entry.deleteMarker()) {
			long size = stated(entry.size(), entry, this.filter.minSize() != null ? "min-size" : "max-size", "size",
					"Size");
			if (this.filter.minSize() != null && size < this.filter.minSize().bytes()) {
				return "min-size";
			}
			if (this.filter.maxSize() != null && size > this.filter.maxSize().bytes()) {
				return "max-size";
			}
		}
		if (this.filter.needsLastModified()) {
			Instant modified = stated(entry.lastModified(), entry,
					this.filter.modifiedAfter() != null ? "modified-after" : "modified-before", "last-modified time",
					"LastModifiedDate");
			if (this.filter.modifiedAfter() != null && modified.isBefore(this.filter.modifiedAfter())) {
				return "modified-after";
			}
			if (this.filter.modifiedBefore() != null && !modified.isBefore(this.filter.modifiedBefore())) {
				return "modified-before";
			}
		}
		if (!this.storageClasses.isEmpty() && !entry.deleteMarker()) {
			String storageClass = stated(entry.storageClass(), entry, "storage-classes", "storage class",
					"StorageClass");
			if (!this.storageClasses.contains(FilterStorageClasses.normalize(storageClass))) {
				return "storage-classes";
			}
		}
		return null;
	}

	private static <T> T stated(@Nullable T value, ManifestEntry entry, String filter, String what, String field) {
		if (value == null) {
			throw new ManifestException("filter." + filter + " needs each object's " + what + ", and the manifest "
					+ "does not state it at " + entry.origin() + " (an inventory report needs the " + field
					+ " field in its configuration); add the field to the inventory, use a listing manifest, or remove "
					+ "the filter");
		}
		return value;
	}

	private String relative(String key) {
		return key.startsWith(this.sourcePrefix) ? key.substring(this.sourcePrefix.length()) : key;
	}

	/**
	 * Objects left out by each filter that is set, in {@link #NAMES} order; empty when no
	 * filter is set.
	 */
	public Map<String, Long> counts() {
		return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(this.counts));
	}

	@Override
	public void open(ExecutionContext context) {
		resetCounts();
		this.counts.replaceAll((name, count) -> context.getLong(COUNT_KEY + name, 0L));
	}

	@Override
	public void update(ExecutionContext context) {
		this.counts.forEach((name, count) -> context.putLong(COUNT_KEY + name, count));
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		// the counts are read back in open(), which the step calls with its own context
	}

	@Override
	public @Nullable ExitStatus afterStep(StepExecution stepExecution) {
		ExecutionContext job = stepExecution.getJobExecution().getExecutionContext();
		this.counts.forEach((name, count) -> job.putLong(COUNT_KEY + name, count));
		return null;
	}

	/**
	 * The counts a plan step left in {@code context}, in {@link #NAMES} order; empty when
	 * no filter was set.
	 */
	public static Map<String, Long> countsIn(ExecutionContext context) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String name : NAMES) {
			if (context.containsKey(COUNT_KEY + name) && context.get(COUNT_KEY + name) instanceof Number number) {
				counts.put(name, number.longValue());
			}
		}
		return counts;
	}

	private void resetCounts() {
		this.counts.clear();
		FilterSpec f = this.filter;
		put("include", !f.include().isEmpty());
		put("exclude", !f.exclude().isEmpty());
		put("min-size", f.minSize() != null);
		put("max-size", f.maxSize() != null);
		put("modified-after", f.modifiedAfter() != null);
		put("modified-before", f.modifiedBefore() != null);
		put("storage-classes", !f.storageClasses().isEmpty());
	}

	private void put(String name, boolean set) {
		if (set) {
			this.counts.put(name, 0L);
		}
	}

}
