package io.github.s3bulkcopy.jobfile;

/** The verification methods a job can ask for. */
public enum VerifyMethod {

	/** The strongest method valid for each object. */
	AUTO,

	/** Compare ETags, only where both are MD5s of the bytes (single part, no SSE-KMS/SSE-C). */
	ETAG,

	/** No comparison: every object is recorded as not verified. */
	NONE

}
