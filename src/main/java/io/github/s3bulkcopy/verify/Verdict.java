package io.github.s3bulkcopy.verify;

/**
 * The result of verifying one copy. Only a comparison that was made and matched is
 * VERIFIED.
 */
public enum Verdict {

	/** Source and destination values of a valid method were compared and are equal. */
	VERIFIED,

	/** Source and destination values of a valid method were compared and differ. */
	MISMATCH,

	/** No valid comparison was made; the reason says why. */
	NOT_VERIFIED

}
