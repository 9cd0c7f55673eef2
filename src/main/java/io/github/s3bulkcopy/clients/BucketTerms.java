package io.github.s3bulkcopy.clients;

import org.jspecify.annotations.Nullable;

/**
 * What every request to one bucket must say: that the requester pays
 * ({@code x-amz-request-payer: requester}) and which account must own the bucket
 * ({@code x-amz-expected-bucket-owner}).
 *
 * @param requesterPays the bucket is requester pays: requests say the requester pays for
 * them, else S3 refuses them
 * @param expectedOwner the 12-digit account id that must own the bucket, or null to send
 * none
 */
public record BucketTerms(boolean requesterPays, @Nullable String expectedOwner) {

	/** Nothing to add. */
	public static final BucketTerms NONE = new BucketTerms(false, null);

	/**
	 * These terms and {@code other}'s: requester pays when either says so, the expected
	 * owner either names.
	 */
	BucketTerms and(BucketTerms other) {
		return new BucketTerms(this.requesterPays || other.requesterPays,
				(this.expectedOwner != null) ? this.expectedOwner : other.expectedOwner);
	}

	boolean isNone() {
		return !this.requesterPays && this.expectedOwner == null;
	}

}
