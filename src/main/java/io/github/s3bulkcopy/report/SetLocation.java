package io.github.s3bulkcopy.report;

import java.util.Objects;

/**
 * Where a report set will be read from, so that the files that point at other files of
 * the set (the Batch Operations {@code manifest.json}) can name them the way their
 * readers look them up: a bucket and the key prefix the set's files are uploaded under,
 * or, for a set that stays on disk, no bucket and paths relative to the set's folder.
 *
 * @param bucket the bucket the set is uploaded to; empty for a set that is only written
 * locally
 * @param keyPrefix what precedes a file's path inside the set to make its key, ending in
 * {@code /} unless empty
 */
public record SetLocation(String bucket, String keyPrefix) {

	/**
	 * A set on disk only: Batch Operations results are named by their path relative to
	 * the set's folder.
	 */
	public static final SetLocation LOCAL = new SetLocation("", "");

	public SetLocation {
		Objects.requireNonNull(bucket, "bucket is required");
		Objects.requireNonNull(keyPrefix, "keyPrefix is required");
		if (!keyPrefix.isEmpty() && !keyPrefix.endsWith("/")) {
			throw new IllegalArgumentException("keyPrefix '" + keyPrefix + "' must end with '/'");
		}
	}

	/**
	 * The key of a file of the set, from its path relative to the set's folder (with
	 * {@code /} separators).
	 */
	public String key(String relativePath) {
		return this.keyPrefix + relativePath;
	}

}
