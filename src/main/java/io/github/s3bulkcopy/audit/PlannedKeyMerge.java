package io.github.s3bulkcopy.audit;

import java.util.Iterator;

import io.github.s3bulkcopy.ledger.KeyOrder;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Tells which keys of a destination listing the plan does not name, by merging two
 * sequences in the order S3 lists keys ({@link KeyOrder}): the listing's keys, handed in
 * one at a time, and the plan's destination keys, read as needed. Each side is read once,
 * so a plan of millions of keys takes constant memory. Either side out of order would
 * make the merge report keys wrongly, so it is checked and refused rather than trusted:
 * the listing as it comes, the plan as it is read, and the plan's keys the listing never
 * reached by {@link #finish()}, so the answers are trustworthy only once {@code finish}
 * returned.
 */
class PlannedKeyMerge {

	private final Iterator<String> planned;

	private @Nullable String plannedKey;

	private @Nullable String lastListed;

	/**
	 * @param planned the plan's destination keys in {@link KeyOrder}; a key may come more
	 * than once
	 */
	public PlannedKeyMerge(Iterator<String> planned) {
		Assert.notNull(planned, "planned is required");
		this.planned = planned;
		this.plannedKey = nextPlanned(null);
	}

	/**
	 * Whether the plan names no object at this destination key.
	 * @param listed the next key of the listing: greater than the one before
	 * @throws IllegalStateException when the listing or the plan is not in
	 * {@link KeyOrder}
	 */
	public boolean isExtra(String listed) {
		Assert.notNull(listed, "listed is required");
		if (this.lastListed != null && KeyOrder.compare(this.lastListed, listed) >= 0) {
			throw new IllegalStateException(
					"the destination listing is not in key order: '" + listed + "' after '" + this.lastListed + "'");
		}
		this.lastListed = listed;
		while (this.plannedKey != null && KeyOrder.compare(this.plannedKey, listed) < 0) {
			this.plannedKey = nextPlanned(this.plannedKey);
		}
		return this.plannedKey == null || !this.plannedKey.equals(listed);
	}

	/**
	 * Reads the plan's remaining keys to check their order.
	 * @throws IllegalStateException when the plan is not in {@link KeyOrder}
	 */
	public void finish() {
		while (this.plannedKey != null) {
			this.plannedKey = nextPlanned(this.plannedKey);
		}
	}

	private @Nullable String nextPlanned(@Nullable String previous) {
		if (!this.planned.hasNext()) {
			return null;
		}
		String next = this.planned.next();
		if (previous != null && KeyOrder.compare(previous, next) > 0) {
			throw new IllegalStateException(
					"the plan's destination keys are not in key order: '" + next + "' after '" + previous + "'");
		}
		return next;
	}

}
