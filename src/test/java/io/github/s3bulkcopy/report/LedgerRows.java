package io.github.s3bulkcopy.report;

import java.time.Instant;

import io.github.s3bulkcopy.ledger.LedgerRow;
import io.github.s3bulkcopy.ledger.ObjectOutcome;
import io.github.s3bulkcopy.ledger.ObjectStatus;
import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.verify.Verdict;
import io.github.s3bulkcopy.verify.Verification;
import io.github.s3bulkcopy.verify.VerificationMethod;
import org.jspecify.annotations.Nullable;

/** Ledger rows as the copy step leaves them, for the report tests. */
final class LedgerRows {

	static final String SOURCE = "src-bucket";

	static final Instant STARTED = Instant.parse("2025-03-01T10:15:30.123Z");

	static final Instant FINISHED = Instant.parse("2025-03-01T10:15:31.456Z");

	private LedgerRows() {
	}

	static PlannedObject planned(long seq, String key, @Nullable Long size) {
		return new PlannedObject(seq, SOURCE, key, null, size, null, null, null, null, "copy/" + key);
	}

	static LedgerRow copied(long seq, String key, long size) {
		String etag = "etag-" + seq;
		return done(planned(seq, key, size), ObjectStatus.COPIED, size, null, null, null,
				new Verification(VerificationMethod.ETAG, etag, etag, Verdict.VERIFIED, null));
	}

	static LedgerRow skipped(long seq, String key, long size) {
		String etag = "etag-" + seq;
		return done(planned(seq, key, size), ObjectStatus.SKIPPED_UNCHANGED, size, null, null, null,
				new Verification(VerificationMethod.ETAG, etag, etag, Verdict.VERIFIED, null));
	}

	static LedgerRow failed(long seq, String key, @Nullable Long size, String errorCode, @Nullable Integer httpStatus,
			String message) {
		return done(planned(seq, key, size), ObjectStatus.FAILED, null, errorCode, httpStatus, message,
				Verification.notVerified("copy failed"));
	}

	static LedgerRow mismatch(long seq, String key, long size) {
		return done(planned(seq, key, size), ObjectStatus.FAILED, size, "ChecksumMismatch", null,
				"destination ETag differs from source",
				new Verification(VerificationMethod.ETAG, "aaa", "bbb", Verdict.MISMATCH, "ETags differ"));
	}

	static LedgerRow copiedNotVerified(long seq, String key, long size, String reason) {
		return done(planned(seq, key, size), ObjectStatus.COPIED, size, null, null, null,
				Verification.notVerified(reason));
	}

	static LedgerRow pending(long seq, String key, @Nullable Long size) {
		return new LedgerRow(planned(seq, key, size), ObjectStatus.PENDING, null);
	}

	private static LedgerRow done(PlannedObject planned, ObjectStatus status, @Nullable Long size,
			@Nullable String errorCode, @Nullable Integer httpStatus, @Nullable String message,
			Verification verification) {
		return new LedgerRow(planned, status, new ObjectOutcome(planned.seq(), status, size, errorCode, httpStatus,
				message, verification, STARTED, FINISHED));
	}

}
