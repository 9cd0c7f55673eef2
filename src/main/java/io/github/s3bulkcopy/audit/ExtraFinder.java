package io.github.s3bulkcopy.audit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import io.github.s3bulkcopy.jobfile.FilterSpec;
import io.github.s3bulkcopy.jobfile.KeyGlob;
import io.github.s3bulkcopy.ledger.DestinationExtras;
import io.github.s3bulkcopy.ledger.ExtraObject;
import io.github.s3bulkcopy.verify.EtagVerifier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import org.springframework.util.Assert;

/**
 * Finds a run's extras: lists the destination under its prefix (ListObjectsV2, current
 * objects only, in S3's key order) and merges the listing with the plan's destination
 * keys ({@link PlannedKeyMerge}), recording each destination object the plan does not
 * name in {@link DestinationExtras}, a page at a time, so memory stays constant however
 * many keys either side has.
 * <p>
 * A destination object the plan does not name is an extra unless the job's filters left
 * its key out: its source key (the destination prefix replaced by the source prefix)
 * fails the {@code include}/{@code exclude} patterns, or, when the job also filters by
 * size, date or storage class (which only the source's manifest row can tell), the source
 * still has an object at that key (one HEAD of the source per such object). Those are
 * counted, not recorded.
 */
public class ExtraFinder {

	/**
	 * What a search found.
	 *
	 * @param extras destination objects recorded as extras
	 * @param leftOutByFilters destination objects the plan does not name whose keys the
	 * job's filters leave out
	 */
	public record Result(long extras, long leftOutByFilters) {
	}

	private static final int BATCH = 1000;

	private final S3Client destination;

	private final String destinationBucket;

	private final String destinationPrefix;

	private final String sourcePrefix;

	private final @Nullable SourceLookup source;

	private final List<KeyGlob> include;

	private final List<KeyGlob> exclude;

	private final boolean filtersBeyondKeys;

	private final DestinationExtras extras;

	/** Whether the source has an object (a current version) at a key. */
	@FunctionalInterface
	public interface SourceLookup {

		boolean exists(String sourceKey);

	}

	/**
	 * @param destination a blocking client of the destination
	 * @param destinationBucket the destination bucket
	 * @param destinationPrefix {@code destination.prefix}: only keys under it are listed
	 * @param sourcePrefix {@code source.prefix}, to map destination keys back to source
	 * keys
	 * @param filter the job's filters
	 * @param source asks the source whether it has a key; needed when the filter has
	 * rules beyond key patterns
	 * @param extras where extras are recorded
	 */
	public ExtraFinder(S3Client destination, String destinationBucket, String destinationPrefix, String sourcePrefix,
			FilterSpec filter, @Nullable SourceLookup source, DestinationExtras extras) {
		Assert.notNull(destination, "destination is required");
		Assert.notNull(destinationBucket, "destinationBucket is required");
		Assert.notNull(filter, "filter is required");
		Assert.notNull(extras, "extras is required");
		this.destination = destination;
		this.destinationBucket = destinationBucket;
		this.destinationPrefix = destinationPrefix;
		this.sourcePrefix = sourcePrefix;
		this.include = filter.include().stream().map(KeyGlob::compile).toList();
		this.exclude = filter.exclude().stream().map(KeyGlob::compile).toList();
		this.filtersBeyondKeys = filter.needsSize() || filter.needsLastModified() || !filter.storageClasses().isEmpty();
		Assert.isTrue(!this.filtersBeyondKeys || source != null,
				"a filter by size, date or storage class needs the source to tell extras apart");
		this.source = source;
		this.extras = extras;
	}

	/**
	 * Records the extras of a run, after forgetting any an interrupted search recorded.
	 */
	public Result find(long runId) {
		this.extras.clear(runId);
		long found = 0;
		long leftOut = 0;
		try (Stream<String> planned = this.extras.plannedDestinationKeys(runId)) {
			PlannedKeyMerge merge = new PlannedKeyMerge(planned.iterator());
			List<ExtraObject> batch = new ArrayList<>();
			for (Iterator<S3Object> listed = listing(); listed.hasNext();) {
				S3Object object = listed.next();
				if (!merge.isExtra(object.key())) {
					continue;
				}
				String sourceKey = sourceKey(object.key());
				if (!inScope(sourceKey)) {
					leftOut++;
					continue;
				}
				batch.add(ExtraObject.found(++found, object.key(), sourceKey, object.size(),
						EtagVerifier.unquote(object.eTag()), object.lastModified()));
				if (batch.size() == BATCH) {
					this.extras.insert(runId, batch);
					batch.clear();
				}
			}
			if (!batch.isEmpty()) {
				this.extras.insert(runId, batch);
			}
			// A plan out of order fails the search here, before anything could be deleted
			// on its word.
			merge.finish();
		}
		return new Result(found, leftOut);
	}

	/** The source key that maps to a destination key. */
	String sourceKey(String destinationKey) {
		return this.sourcePrefix + destinationKey.substring(this.destinationPrefix.length());
	}

	private boolean inScope(String sourceKey) {
		String relative = sourceKey.substring(this.sourcePrefix.length());
		if (!this.include.isEmpty() && this.include.stream().noneMatch((glob) -> glob.matches(relative))) {
			return false;
		}
		if (this.exclude.stream().anyMatch((glob) -> glob.matches(relative))) {
			return false;
		}
		// The source's own row would tell whether size, date or class left it out; it has
		// none in the plan, so ask the source: a key it still has is one the filters left
		// out (or one the manifest predates), never an extra.
		return !this.filtersBeyondKeys || !this.source.exists(sourceKey);
	}

	private Iterator<S3Object> listing() {
		ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(this.destinationBucket);
		if (!this.destinationPrefix.isEmpty()) {
			request.prefix(this.destinationPrefix);
		}
		return this.destination.listObjectsV2Paginator(request.build())
			.stream()
			.flatMap((ListObjectsV2Response page) -> page.contents().stream())
			.iterator();
	}

	/**
	 * A source lookup by HEAD through a blocking source client: 404 is "no", any other
	 * failure is thrown.
	 */
	public static SourceLookup headOf(S3Client sourceS3, String sourceBucket) {
		return (key) -> {
			try {
				sourceS3.headObject((head) -> head.bucket(sourceBucket).key(key));
				return true;
			}
			catch (S3Exception ex) {
				if (ex.statusCode() == 404) {
					return false;
				}
				throw ex;
			}
		};
	}

}
