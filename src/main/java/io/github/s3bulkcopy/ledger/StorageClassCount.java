package io.github.s3bulkcopy.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * The planned objects of a run of one source storage class, as the manifest stated it.
 *
 * @param storageClass the storage class, or null for objects whose manifest row named
 * none
 * @param objects how many objects
 * @param bytes their bytes, where the manifest stated sizes
 */
public record StorageClassCount(@Nullable String storageClass, long objects, long bytes) {

	/**
	 * Counts planned objects by storage class as they go by, for a pass over a run's rows
	 * made for another sum as well: the same counts as
	 * {@link JdbcLedger#storageClassCounts(long)}, without a second pass.
	 */
	public static final class Tally {

		private final Map<@Nullable String, long[]> byClass = new TreeMap<>(
				Comparator.nullsFirst(Comparator.naturalOrder()));

		public void add(PlannedObject object) {
			long[] count = this.byClass.computeIfAbsent(object.storageClass(), (storageClass) -> new long[2]);
			count[0]++;
			count[1] += (object.size() != null) ? object.size() : 0;
		}

		/** The counts so far, in class order (objects that named no class first). */
		public List<StorageClassCount> counts() {
			List<StorageClassCount> counts = new ArrayList<>();
			this.byClass
				.forEach((storageClass, count) -> counts.add(new StorageClassCount(storageClass, count[0], count[1])));
			return counts;
		}

	}

}
