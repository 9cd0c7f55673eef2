package io.github.s3bulkcopy.copy;

/**
 * How each object is copied.
 *
 * @param multipartThreshold objects larger than this many bytes are copied in parts
 * @param skipExisting skip objects already at the destination with equal size and a valid equal ETag
 * @param verify whether to verify copies (false: every object is recorded NOT_VERIFIED)
 * @param requireVerification count an object that no valid method verified as failed
 */
public record CopyOptions(long multipartThreshold, boolean skipExisting, boolean verify,
		boolean requireVerification) {

}
