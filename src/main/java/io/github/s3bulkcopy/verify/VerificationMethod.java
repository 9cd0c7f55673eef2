package io.github.s3bulkcopy.verify;

/**
 * The comparison that was made for one object, as recorded in the ledger (by name) and
 * the report. docs/integrity.md says what each proves and costs.
 */
public enum VerificationMethod {

	/**
	 * Stored checksums of the same algorithm and type compared: the source's (HEAD with
	 * checksum mode) with the CRC64NVME the destination computed for the copy (its copy
	 * response) or, in verify runs and skip checks, stores.
	 */
	CHECKSUM,

	/**
	 * The CRC64NVME this process computed over the bytes it streamed to the destination,
	 * compared with the full-object CRC64NVME the destination stored for them.
	 */
	STREAMED_CHECKSUM,

	/**
	 * Source and destination ETags compared, both MD5s of the bytes (single part, no
	 * SSE-KMS or SSE-C).
	 */
	ETAG,

	/** Both objects read in full and a CRC64NVME of each computed here. */
	FULL_READ,

	/**
	 * Sizes compared; recorded only when they differ, since equal sizes prove nothing.
	 */
	SIZE,

	/**
	 * The destination read in full and its MD5 compared with the source's MD5 ETag. Made
	 * by earlier versions as the fallback of {@code verify.require}, replaced by
	 * {@link #FULL_READ}; kept so their ledgers still read.
	 */
	MD5_READ,

	/** No comparison made. */
	NONE,

	/**
	 * A delete marker replayed: the destination key was found to have no current object
	 * (HEAD answered 404) after the delete, as the source key has none.
	 */
	DELETE_MARKER,

	/**
	 * Not compared in this run: an earlier run of the job copied (or found) the object
	 * and verified it, and a HEAD of each side still finds the source ETag and size and
	 * the destination ETag (and version) that run recorded ({@code ledger.LedgerProof}).
	 * Used only by skip checks, whatever checksums the store keeps.
	 */
	LEDGER

}
