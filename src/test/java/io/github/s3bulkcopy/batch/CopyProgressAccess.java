package io.github.s3bulkcopy.batch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.s3bulkcopy.ledger.ObjectOutcome;
import io.github.s3bulkcopy.ledger.ObjectStatus;
import io.github.s3bulkcopy.verify.Verification;

/** Lets tests of other packages feed a {@link CopyProgress} as the chunk writer does. */
public final class CopyProgressAccess {

	private CopyProgressAccess() {
	}

	/**
	 * Records {@code objects} outcomes of {@code size} bytes each, the last
	 * {@code failed} of them failed.
	 */
	public static void record(CopyProgress progress, long runId, int objects, long size, int failed) {
		List<ObjectOutcome> outcomes = new ArrayList<>();
		for (int i = 0; i < objects; i++) {
			boolean fail = i >= objects - failed;
			outcomes.add(new ObjectOutcome(i, fail ? ObjectStatus.FAILED : ObjectStatus.COPIED, size,
					fail ? "AccessDenied" : null, fail ? 403 : null, null, Verification.notVerified("test"),
					Instant.EPOCH, Instant.EPOCH));
		}
		progress.record(runId, outcomes);
	}

}
