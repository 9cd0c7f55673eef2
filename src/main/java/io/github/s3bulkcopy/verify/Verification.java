package io.github.s3bulkcopy.verify;

import org.jspecify.annotations.Nullable;

/**
 * How one object was verified.
 *
 * @param method the comparison that was made (NONE when none was)
 * @param sourceValue the source's value that was compared
 * @param destinationValue the destination's value that was compared
 * @param verdict VERIFIED, MISMATCH or NOT_VERIFIED
 * @param reason why it is not VERIFIED; null when it is
 */
public record Verification(VerificationMethod method, @Nullable String sourceValue, @Nullable String destinationValue,
		Verdict verdict, @Nullable String reason) {

	/** No comparison was made, for the reason given. */
	public static Verification notVerified(String reason) {
		return new Verification(VerificationMethod.NONE, null, null, Verdict.NOT_VERIFIED, reason);
	}

}
