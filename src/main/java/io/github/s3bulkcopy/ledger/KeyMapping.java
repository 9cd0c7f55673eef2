package io.github.s3bulkcopy.ledger;

/**
 * Where a source key lands: the source prefix is cut from it and the destination prefix
 * put in front, so {@code 2026/01/a.log} under source prefix {@code 2026/} and
 * destination prefix {@code from-a/} becomes {@code from-a/01/a.log}.
 *
 * @param sourcePrefix the job's source prefix (may be empty)
 * @param destinationPrefix the job's destination prefix (may be empty)
 */
public record KeyMapping(String sourcePrefix, String destinationPrefix) {

	/**
	 * The destination key of a source key; empty for the source prefix itself when the
	 * destination prefix is.
	 */
	public String destinationKey(String sourceKey) {
		String relative = sourceKey.startsWith(this.sourcePrefix) ? sourceKey.substring(this.sourcePrefix.length())
				: sourceKey;
		return this.destinationPrefix.isEmpty() ? relative : this.destinationPrefix + relative;
	}

}
