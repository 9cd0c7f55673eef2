package io.github.s3bulkcopy.report;

/**
 * What a completion report adds up to, counted while it is written so the summary needs
 * no second pass over the ledger.
 *
 * @param objects every row of the report
 * @param copied rows with outcome COPIED
 * @param skipped rows with outcome SKIPPED_UNCHANGED
 * @param failed rows with outcome FAILED
 * @param pending rows still PENDING (only in a report of an unfinished run)
 * @param bytesTotal the sizes of all rows whose size is known (as copied, else as the
 * manifest stated it); rows of unknown size, such as pending rows of a manifest without
 * sizes, add nothing
 * @param bytesCopied the sizes of the COPIED rows
 * @param verified finished rows whose verdict is VERIFIED
 * @param mismatch finished rows whose verdict is MISMATCH
 * @param notVerified finished rows whose verdict is NOT_VERIFIED; pending rows have no
 * verdict yet and are not counted in any of the three, so
 * {@code verified + mismatch + notVerified == objects - pending}
 * @param skippedInvalidKey rows with outcome SKIPPED_INVALID_KEY (destination key would
 * be empty)
 * @param archived rows with outcome SKIPPED_ARCHIVED
 * @param restorePending rows with outcome RESTORE_PENDING
 * @param deleted destination objects the plan does not name, deleted (rows with outcome
 * DELETED; not in {@code objects})
 * @param extras destination objects the plan does not name, not deleted (rows with
 * outcome EXTRA_AT_DESTINATION; not in {@code objects})
 */
public record ReportTotals(long objects, long copied, long skipped, long failed, long pending, long bytesTotal,
		long bytesCopied, long verified, long mismatch, long notVerified, long skippedInvalidKey, long archived,
		long restorePending, long deleted, long extras) {

	/** The totals of a run with no objects. */
	public static final ReportTotals EMPTY = new ReportTotals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

	/**
	 * The totals of a run that neither found nor deleted destination objects the plan
	 * does not name.
	 */
	public ReportTotals(long objects, long copied, long skipped, long failed, long pending, long bytesTotal,
			long bytesCopied, long verified, long mismatch, long notVerified, long skippedInvalidKey, long archived,
			long restorePending) {
		this(objects, copied, skipped, failed, pending, bytesTotal, bytesCopied, verified, mismatch, notVerified,
				skippedInvalidKey, archived, restorePending, 0, 0);
	}

	/** The totals of a run without invalid keys or archived objects. */
	public ReportTotals(long objects, long copied, long skipped, long failed, long pending, long bytesTotal,
			long bytesCopied, long verified, long mismatch, long notVerified) {
		this(objects, copied, skipped, failed, pending, bytesTotal, bytesCopied, verified, mismatch, notVerified, 0, 0,
				0);
	}

	/** The totals of a run without archived objects. */
	public ReportTotals(long objects, long copied, long skipped, long failed, long pending, long bytesTotal,
			long bytesCopied, long verified, long mismatch, long notVerified, long skippedInvalidKey) {
		this(objects, copied, skipped, failed, pending, bytesTotal, bytesCopied, verified, mismatch, notVerified,
				skippedInvalidKey, 0, 0);
	}

	/**
	 * Rows that need no more work in this run: copied, skipped (either way), failed,
	 * archived or being restored.
	 */
	public long finished() {
		return this.copied + this.skipped + this.failed + this.skippedInvalidKey + this.archived + this.restorePending;
	}

}
