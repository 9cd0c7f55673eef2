package io.github.s3bulkcopy.verify;

import org.springframework.util.Assert;

/**
 * Which comparisons a job allows and what happens when none proves an object: the job
 * file's {@code verify.method} and {@code verify.require}, in the terms the
 * {@link Verifier} works with.
 *
 * @param checksum compare checksums (stored ones, and one computed while streaming)
 * @param etag compare ETags where both are MD5s of the bytes
 * @param fullRead when to read both objects and compare CRC64NVMEs computed here
 * @param required whether an object no comparison proved counts as failed
 */
public record VerificationPolicy(boolean checksum, boolean etag, FullRead fullRead, boolean required) {

	/** When the objects are read in full. */
	public enum FullRead {

		/** Never. */
		NEVER,

		/** Only for an object no cheap comparison proved. */
		WHEN_UNPROVEN,

		/** For every object, instead of any cheap comparison. */
		ALWAYS

	}

	public VerificationPolicy {
		Assert.notNull(fullRead, "fullRead is required");
	}

	/**
	 * {@code auto}: checksums, then ETags; with {@code require}, a full read of what
	 * neither proved.
	 */
	public static VerificationPolicy auto(boolean required) {
		return new VerificationPolicy(true, true, required ? FullRead.WHEN_UNPROVEN : FullRead.NEVER, required);
	}

	/** {@code checksum}: checksums only. */
	public static VerificationPolicy checksumOnly(boolean required) {
		return new VerificationPolicy(true, false, FullRead.NEVER, required);
	}

	/** {@code etag}: ETags only. */
	public static VerificationPolicy etagOnly(boolean required) {
		return new VerificationPolicy(false, true, FullRead.NEVER, required);
	}

	/** {@code full-read}: every object read in full. */
	public static VerificationPolicy fullReadOnly(boolean required) {
		return new VerificationPolicy(false, false, FullRead.ALWAYS, required);
	}

	/** {@code none}: nothing compared. */
	public static VerificationPolicy none(boolean required) {
		return new VerificationPolicy(false, false, FullRead.NEVER, required);
	}

	/** Whether anything is compared at all. */
	public boolean enabled() {
		return this.checksum || this.etag || this.fullRead != FullRead.NEVER;
	}

}
