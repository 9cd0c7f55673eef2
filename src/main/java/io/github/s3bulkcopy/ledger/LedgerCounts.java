package io.github.s3bulkcopy.ledger;

import java.util.Map;

import io.github.s3bulkcopy.verify.Verdict;

/**
 * A run's totals, counted by the database from the ledger.
 *
 * @param total objects planned
 * @param pending objects not yet dealt with
 * @param copied objects copied
 * @param skipped objects skipped as unchanged
 * @param failed objects failed
 * @param totalBytes bytes of all planned objects whose size is known
 * @param copiedBytes bytes of the copied objects
 * @param doneBytes bytes of all objects no longer pending
 * @param verified objects whose copy was verified
 * @param mismatched objects whose comparison found a difference
 * @param notVerified objects dealt with but not verified
 * @param skippedInvalidKey objects skipped because their destination key would be empty
 * (not failures)
 * @param archived objects not copied because their source is archived and not restored
 * (SKIPPED_ARCHIVED)
 * @param restorePending objects whose source is being restored, for a later run to copy
 * (RESTORE_PENDING)
 */
public record LedgerCounts(long total, long pending, long copied, long skipped, long failed, long totalBytes,
		long copiedBytes, long doneBytes, long verified, long mismatched, long notVerified, long skippedInvalidKey,
		long archived, long restorePending) {

	/** Counts of a run without invalid keys or archived objects. */
	public LedgerCounts(long total, long pending, long copied, long skipped, long failed, long totalBytes,
			long copiedBytes, long doneBytes, long verified, long mismatched, long notVerified) {
		this(total, pending, copied, skipped, failed, totalBytes, copiedBytes, doneBytes, verified, mismatched,
				notVerified, 0, 0, 0);
	}

	/** Counts of a run without archived objects. */
	public LedgerCounts(long total, long pending, long copied, long skipped, long failed, long totalBytes,
			long copiedBytes, long doneBytes, long verified, long mismatched, long notVerified,
			long skippedInvalidKey) {
		this(total, pending, copied, skipped, failed, totalBytes, copiedBytes, doneBytes, verified, mismatched,
				notVerified, skippedInvalidKey, 0, 0);
	}

	static LedgerCounts of(Map<ObjectStatus, long[]> byStatus, Map<Verdict, Long> byVerdict) {
		long[] none = { 0, 0 };
		long[] pending = byStatus.getOrDefault(ObjectStatus.PENDING, none);
		long[] copied = byStatus.getOrDefault(ObjectStatus.COPIED, none);
		long[] skipped = byStatus.getOrDefault(ObjectStatus.SKIPPED_UNCHANGED, none);
		long[] failed = byStatus.getOrDefault(ObjectStatus.FAILED, none);
		long[] invalidKey = byStatus.getOrDefault(ObjectStatus.SKIPPED_INVALID_KEY, none);
		long[] archived = byStatus.getOrDefault(ObjectStatus.SKIPPED_ARCHIVED, none);
		long[] restorePending = byStatus.getOrDefault(ObjectStatus.RESTORE_PENDING, none);
		long total = pending[0] + copied[0] + skipped[0] + failed[0] + invalidKey[0] + archived[0] + restorePending[0];
		long totalBytes = pending[1] + copied[1] + skipped[1] + failed[1] + invalidKey[1] + archived[1]
				+ restorePending[1];
		return new LedgerCounts(total, pending[0], copied[0], skipped[0], failed[0], totalBytes, copied[1],
				totalBytes - pending[1], byVerdict.getOrDefault(Verdict.VERIFIED, 0L),
				byVerdict.getOrDefault(Verdict.MISMATCH, 0L), byVerdict.getOrDefault(Verdict.NOT_VERIFIED, 0L),
				invalidKey[0], archived[0], restorePending[0]);
	}

	/** Objects no longer pending. */
	public long done() {
		return this.total - this.pending;
	}

}
