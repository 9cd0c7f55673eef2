package io.github.s3bulkcopy.ledger;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a copy did not carry over from its source object, recorded per copied object as
 * bits of one number (the ledger's {@code NOT_CARRIED} column) so that a report can count
 * them. Each constant's bit is its ordinal: add new constants at the end only.
 */
public enum NotCarried {

	/**
	 * No HEAD or GET of the source was made, and the source bucket has no website
	 * configuration.
	 */
	WEBSITE_REDIRECT_NOT_LOOKED_UP,

	/**
	 * The destination bucket has no Object Lock enabled, and the source's lock was not
	 * looked up.
	 */
	OBJECT_LOCK_NOT_LOOKED_UP,

	/**
	 * The source had a retention or a legal hold, and the destination bucket has no
	 * Object Lock enabled.
	 */
	OBJECT_LOCK_DESTINATION_UNLOCKED,

	/**
	 * The source's retain-until date had passed: no retention was sent (a legal hold
	 * still is).
	 */
	RETENTION_EXPIRED,

	/**
	 * The destination's Object Lock configuration could not be read, so no lock was sent.
	 */
	OBJECT_LOCK_DESTINATION_UNREADABLE,

	/**
	 * The source had a checksum of another algorithm than CRC64NVME; the copy has a
	 * CRC64NVME.
	 */
	CHECKSUM_ALGORITHM_REPLACED;

	/** This constant's bit. */
	public int bit() {
		return 1 << ordinal();
	}

	/** Whether {@code bits} holds this constant. */
	public boolean in(int bits) {
		return (bits & bit()) != 0;
	}

	/** The constants {@code bits} holds. */
	public static Set<NotCarried> of(int bits) {
		Set<NotCarried> set = EnumSet.noneOf(NotCarried.class);
		for (NotCarried each : values()) {
			if (each.in(bits)) {
				set.add(each);
			}
		}
		return set;
	}

}
