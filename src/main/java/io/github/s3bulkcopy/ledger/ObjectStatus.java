package io.github.s3bulkcopy.ledger;

/** Where one object of a run stands. */
public enum ObjectStatus {

	/** Planned, not yet copied. */
	PENDING,

	/** Copied (and verified as far as the verification says). */
	COPIED,

	/** Already at the destination with equal size and a valid equal checksum or ETag. */
	SKIPPED_UNCHANGED,

	/** Not copied, or copied and found not to match; the row says why. */
	FAILED,

	/**
	 * Not copied because its destination key would be empty (a "folder" marker whose key is the source prefix, with
	 * no destination prefix), which S3 cannot store; not a failure: the row says why.
	 */
	SKIPPED_INVALID_KEY;

	/** Whether the object needs no more work in this run. */
	public boolean isDone() {
		return this != PENDING;
	}

}
