package io.github.s3bulkcopy.verify;

import org.jspecify.annotations.Nullable;

/**
 * Decides whether two checksums can prove a copy intact, and compares them. Only values
 * of the same algorithm and the same type are compared: a CRC32 says nothing about a
 * CRC64NVME, and a composite value (a checksum of part checksums) changes with the part
 * sizes, so it is never held against a full-object value. Two composite values that
 * differ may still describe equal bytes split differently, so they are reported as not
 * verified rather than as a mismatch.
 */
public final class ChecksumVerifier {

	private ChecksumVerifier() {
	}

	/**
	 * Compares the checksums.
	 * @param method how the values were obtained ({@link VerificationMethod#CHECKSUM} for
	 * two stored values, {@link VerificationMethod#STREAMED_CHECKSUM} for a value
	 * computed while streaming)
	 * @param source the source's value, or null when it has none
	 * @param destination the destination's value, or null when it has none the server
	 * computed
	 * @return VERIFIED when equal, MISMATCH when two full-object values differ,
	 * NOT_VERIFIED with the reason otherwise
	 */
	public static Verification verify(VerificationMethod method, @Nullable Checksum source,
			@Nullable Checksum destination) {
		if (source == null) {
			return Verification.notVerified("the source has no stored checksum");
		}
		if (destination == null) {
			return Verification.notVerified("the destination has no checksum computed by the server (none stored, "
					+ "or the server did not compute the " + Checksum.CRC64NVME + " asked for on the copy)");
		}
		if (!source.algorithm().equals(destination.algorithm())) {
			return Verification.notVerified("the source's checksum is " + source.algorithm() + " and the destination's "
					+ destination.algorithm() + ": checksums of different algorithms are not compared");
		}
		if (source.type() != destination.type()) {
			return Verification
				.notVerified("the source's " + source.algorithm() + " is " + source.type() + " and the destination's "
						+ destination.type() + ": a composite checksum is not compared with a full-object one");
		}
		if (source.value().equals(destination.value())) {
			return new Verification(method, source.toString(), destination.toString(), Verdict.VERIFIED, null);
		}
		if (source.type() == Checksum.Type.COMPOSITE) {
			return Verification.notVerified("the composite " + source.algorithm() + " values differ, which equal "
					+ "bytes in other part sizes also give: no proof either way");
		}
		return new Verification(method, source.toString(), destination.toString(), Verdict.MISMATCH,
				"the destination's " + source.algorithm() + " differs from the source's");
	}

}
