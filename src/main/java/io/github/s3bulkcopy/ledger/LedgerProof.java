package io.github.s3bulkcopy.ledger;

import java.util.Objects;

import io.github.s3bulkcopy.verify.EtagVerifier;
import io.github.s3bulkcopy.verify.Verdict;
import io.github.s3bulkcopy.verify.VerificationMethod;
import org.jspecify.annotations.Nullable;

/**
 * A verified copy an earlier run of the job recorded for an object: which source it was
 * made of and what the destination object it made looked like. While a HEAD of each side
 * still finds both as recorded, the destination holds the bytes that run verified,
 * whatever checksums the store keeps (S3Proxy keeps none for a multipart copy; an SSE-KMS
 * ETag says nothing of the bytes), so a skip check may rely on it instead of copying
 * again.
 *
 * @param run the run (numbered as {@code status} and the reports number them) that
 * verified the copy
 * @param sourceEtag the source's ETag when it was copied, without quotes
 * @param size the object's size in bytes
 * @param destinationEtag the ETag of the copy the run made or found, without quotes
 * @param destinationVersionId the copy's destination version, on a versioned destination
 */
public record LedgerProof(long run, String sourceEtag, long size, String destinationEtag,
		@Nullable String destinationVersionId) {

	/**
	 * The proof a run's outcome makes for later runs: a copy it made or found and
	 * verified by comparing the two objects (a skip that relied on an earlier proof
	 * proves nothing new), when both ETags and the size are known; else null.
	 */
	public static @Nullable LedgerProof of(long run, ObjectOutcome outcome) {
		boolean done = outcome.status() == ObjectStatus.COPIED || outcome.status() == ObjectStatus.SKIPPED_UNCHANGED;
		VerificationMethod method = outcome.verification().method();
		String source = EtagVerifier.unquote(outcome.sourceEtag());
		String destination = EtagVerifier.unquote(outcome.destinationEtag());
		if (!done || outcome.verification().verdict() != Verdict.VERIFIED || method == VerificationMethod.LEDGER
				|| method == VerificationMethod.DELETE_MARKER || source == null || destination == null
				|| outcome.size() == null) {
			return null;
		}
		return new LedgerProof(run, source, outcome.size(), destination, outcome.destinationVersionId());
	}

	/**
	 * Whether the source and destination a HEAD of each found are the objects this proof
	 * was made of: the same source ETag and size, and the same destination ETag (and
	 * version, when one was recorded).
	 */
	public boolean holdsFor(@Nullable String sourceEtag, @Nullable Long sourceSize, @Nullable String destinationEtag,
			@Nullable String destinationVersionId) {
		return sourceSize != null && sourceSize == this.size && this.sourceEtag.equals(EtagVerifier.unquote(sourceEtag))
				&& this.destinationEtag.equals(EtagVerifier.unquote(destinationEtag))
				&& (this.destinationVersionId == null
						|| Objects.equals(this.destinationVersionId, destinationVersionId));
	}

	/** What the report says of an object skipped on this proof. */
	public String evidence() {
		return "LEDGER: verified in run " + this.run;
	}

}
