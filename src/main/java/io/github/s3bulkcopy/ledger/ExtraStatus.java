package io.github.s3bulkcopy.ledger;

/**
 * What became of a destination object that no object of a run's plan maps to (an extra).
 */
public enum ExtraStatus {

	/**
	 * Found at the destination and not deleted (a verify run, or deletions refused by
	 * {@code copy.max-deletes}).
	 */
	FOUND,

	/** Deleted by a copy run with {@code copy.delete-extraneous}. */
	DELETED,

	/** A deletion was asked for and S3 refused it; the row says why. */
	DELETE_FAILED

}
