package io.github.s3bulkcopy.copy;

/**
 * How each object is copied.
 *
 * @param multipartThreshold objects larger than this many bytes are copied in parts (and
 * need a HEAD first)
 * @param skipExisting skip objects already at the destination with equal size and an
 * equal stored checksum (same algorithm and type) or, failing that, an equal valid MD5
 * ETag; never decided by modification time
 * @param everyVersion whether every version of each key is copied
 * ({@code copy.versions: all}): a version is then compared only with the destination
 * version an earlier run recorded for it, never with the destination's current one
 */
public record CopyOptions(long multipartThreshold, boolean skipExisting, boolean everyVersion) {

	/** Options of a run that copies each key's current version. */
	public CopyOptions(long multipartThreshold, boolean skipExisting) {
		this(multipartThreshold, skipExisting, false);
	}

}
