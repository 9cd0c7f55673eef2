package io.github.s3bulkcopy.copy;

import software.amazon.awssdk.services.s3.model.Tier;

import org.springframework.util.Assert;

/**
 * How archived source objects are restored ({@code copy.restore}).
 *
 * @param days how long a restored copy of a Glacier Flexible Retrieval or Deep Archive
 * object stays readable (Intelligent-Tiering archive tiers take no number of days: a
 * restored object stays in the Frequent Access tier)
 * @param tier the retrieval tier: bulk, standard or expedited (Deep Archive has no
 * expedited)
 */
public record RestoreOptions(int days, Tier tier) {

	public RestoreOptions {
		Assert.isTrue(days >= 1, "days must be at least 1");
		Assert.notNull(tier, "tier is required");
	}

	/** The tier as a job file names it: bulk, standard or expedited. */
	public String tierName() {
		return this.tier.toString().toLowerCase(java.util.Locale.ROOT);
	}

}
