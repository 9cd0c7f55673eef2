package io.github.s3bulkcopy.report;

import io.github.s3bulkcopy.ledger.ObjectStatus;

/**
 * Adds up {@link ReportRow}s as they are written. Not thread-safe: one report, one
 * thread.
 */
final class TotalsCounter {

	private long objects;

	private long copied;

	private long skipped;

	private long failed;

	private long pending;

	private long bytesTotal;

	private long bytesCopied;

	private long verified;

	private long mismatch;

	private long notVerified;

	private long skippedInvalidKey;

	private long archived;

	private long restorePending;

	private long deleted;

	private long extras;

	void add(ReportRow row) {
		if (row.outcome().isExtra()) {
			// Not an object of the manifest: counted apart, so the object counts stay the
			// plan's.
			if (row.outcome() == ObjectStatus.DELETED) {
				this.deleted++;
			}
			else {
				this.extras++;
			}
			return;
		}
		this.objects++;
		long size = (row.size() != null) ? row.size() : 0;
		this.bytesTotal += size;
		switch (row.outcome()) {
			case COPIED -> {
				this.copied++;
				this.bytesCopied += size;
			}
			case SKIPPED_UNCHANGED -> this.skipped++;
			case FAILED -> this.failed++;
			case PENDING -> this.pending++;
			case SKIPPED_INVALID_KEY -> this.skippedInvalidKey++;
			case SKIPPED_ARCHIVED -> this.archived++;
			case RESTORE_PENDING -> this.restorePending++;
			case DELETED, EXTRA_AT_DESTINATION -> {
			}
		}
		if (row.verified() != null) {
			switch (row.verified()) {
				case VERIFIED -> this.verified++;
				case MISMATCH -> this.mismatch++;
				case NOT_VERIFIED -> this.notVerified++;
			}
		}
	}

	ReportTotals totals() {
		return new ReportTotals(this.objects, this.copied, this.skipped, this.failed, this.pending, this.bytesTotal,
				this.bytesCopied, this.verified, this.mismatch, this.notVerified, this.skippedInvalidKey, this.archived,
				this.restorePending, this.deleted, this.extras);
	}

}
