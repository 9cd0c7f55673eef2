package io.github.s3bulkcopy.verify;

/** The comparison that was made for one object, as recorded in the ledger and the report. */
public enum VerificationMethod {

	/** Source and destination ETags compared, both MD5s of the bytes. */
	ETAG,

	/** No comparison made. */
	NONE

}
