package io.github.s3bulkcopy.jobfile;

/**
 * The retrieval tier of the restores {@code copy.restore} requests; S3's prices and times
 * differ by tier and archive.
 */
public enum RestoreTier {

	/**
	 * The cheapest and slowest: within 5-12 hours from Glacier Flexible Retrieval, 48
	 * hours from Deep Archive.
	 */
	BULK,

	/**
	 * S3's default: 3-5 hours from Glacier Flexible Retrieval, 12 hours from Deep
	 * Archive.
	 */
	STANDARD,

	/**
	 * 1-5 minutes from Glacier Flexible Retrieval and Intelligent-Tiering's Archive
	 * Access tier; Deep Archive and Deep Archive Access have no expedited retrieval, so
	 * their objects are not restored with it.
	 */
	EXPEDITED

}
