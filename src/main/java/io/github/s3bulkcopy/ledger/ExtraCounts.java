package io.github.s3bulkcopy.ledger;

/**
 * A run's extras (destination objects no object of its plan maps to) by what became of
 * them.
 *
 * @param found extras found and not deleted
 * @param deleted extras deleted
 * @param failed extras whose deletion S3 refused
 */
public record ExtraCounts(long found, long deleted, long failed) {

	/** No extras. */
	public static final ExtraCounts NONE = new ExtraCounts(0, 0, 0);

	/** Every extra of the run, whatever became of it. */
	public long total() {
		return this.found + this.deleted + this.failed;
	}

}
