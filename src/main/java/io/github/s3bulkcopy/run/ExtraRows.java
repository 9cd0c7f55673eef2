package io.github.s3bulkcopy.run;

import java.time.Instant;

import io.github.s3bulkcopy.ledger.ExtraObject;
import io.github.s3bulkcopy.ledger.ExtraStatus;
import io.github.s3bulkcopy.ledger.LedgerRow;
import io.github.s3bulkcopy.ledger.ObjectOutcome;
import io.github.s3bulkcopy.ledger.ObjectStatus;
import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.verify.Verification;

/** A mirror's destination objects outside the plan as rows of the completion report. */
final class ExtraRows {

	private ExtraRows() {
	}

	/**
	 * The report row of an extra: DELETED, or EXTRA_AT_DESTINATION (not deleted, with
	 * S3's reason when it refused the deletion). Its source is the key that would map to
	 * it, which the plan does not name.
	 */
	static LedgerRow ledgerRow(ExtraObject extra, String sourceBucket) {
		PlannedObject planned = new PlannedObject(extra.seq(), sourceBucket, extra.sourceKey(), null, extra.size(),
				extra.etag(), null, null, null, extra.destinationKey());
		if (extra.status() == ExtraStatus.FOUND) {
			return new LedgerRow(planned, ObjectStatus.EXTRA_AT_DESTINATION, null);
		}
		Instant at = (extra.finishedAt() != null) ? extra.finishedAt() : Instant.EPOCH;
		Verification none = Verification.notVerified("not an object of the plan");
		if (extra.status() == ExtraStatus.DELETED) {
			return new LedgerRow(planned, ObjectStatus.DELETED,
					new ObjectOutcome(extra.seq(), ObjectStatus.DELETED, extra.size(), null, null, null, none, at, at));
		}
		return new LedgerRow(planned, ObjectStatus.EXTRA_AT_DESTINATION,
				new ObjectOutcome(extra.seq(), ObjectStatus.EXTRA_AT_DESTINATION, extra.size(), extra.errorCode(), null,
						"Not deleted: S3 refused the deletion: " + extra.message(), none, at, at));
	}

}
