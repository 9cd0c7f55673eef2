package io.github.s3bulkcopy.jobfile;

/**
 * The verification methods a job can ask for; docs/integrity.md says what each proves and
 * costs.
 */
public enum VerifyMethod {

	/**
	 * The strongest cheap method valid for each object (checksum, then ETag); with
	 * {@code verify.require}, a full read of objects neither proves.
	 */
	AUTO,

	/**
	 * Compare the source's stored checksum with the CRC64NVME S3 computes for the copy
	 * (or, in verify runs, stores), only where both are of the same algorithm and type.
	 */
	CHECKSUM,

	/**
	 * Compare ETags, only where both are MD5s of the bytes (single part, no
	 * SSE-KMS/SSE-C).
	 */
	ETAG,

	/**
	 * Read both objects in full and compare CRC64NVMEs computed here: one GET per side
	 * and all the bytes.
	 */
	FULL_READ,

	/** No comparison: every object is recorded as not verified. */
	NONE

}
