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
	 * Not copied because its destination key would be empty (a "folder" marker whose key
	 * is the source prefix, with no destination prefix), which S3 cannot store; not a
	 * failure: the row says why.
	 */
	SKIPPED_INVALID_KEY,

	/**
	 * Not copied: the source is archived (S3 Glacier Flexible Retrieval, Deep Archive, or
	 * an Intelligent-Tiering archive tier) and not restored, and the job asks for no
	 * restores ({@code copy.restore}). Not a failure.
	 */
	SKIPPED_ARCHIVED,

	/**
	 * Not copied yet: the source is archived and a restore of it was requested (by this
	 * run or earlier) and has not finished; a later run copies it once it has. Not a
	 * failure.
	 */
	RESTORE_PENDING,

	/**
	 * Not an object of the plan: a destination object under the destination prefix that
	 * no planned object maps to, deleted by a mirror ({@code copy.delete-extraneous}).
	 * Only in reports, never in the ledger's own rows.
	 */
	DELETED,

	/**
	 * Not an object of the plan: a destination object under the destination prefix that
	 * no planned object maps to, not deleted (deletions refused by
	 * {@code copy.max-deletes}, or refused by S3: the row says why). Only in reports,
	 * never in the ledger's own rows.
	 */
	EXTRA_AT_DESTINATION;

	/**
	 * Whether the row is a destination object the plan does not name, rather than an
	 * object of the plan.
	 */
	public boolean isExtra() {
		return this == DELETED || this == EXTRA_AT_DESTINATION;
	}

	/** Whether the object needs no more work in this run. */
	public boolean isDone() {
		return this != PENDING;
	}

}
