package io.github.s3bulkcopy.verify;

/** The comparison that was made for one object, as recorded in the ledger and the report. */
public enum VerificationMethod {

	/** Source and destination ETags compared, both MD5s of the bytes. */
	ETAG,

	/**
	 * The destination read in full and its MD5 compared with the source's ETag, where that ETag is an MD5 of the
	 * bytes: the fallback for copies whose own ETag proves nothing (multipart copies) when verification is required.
	 */
	MD5_READ,

	/** No comparison made. */
	NONE

}
