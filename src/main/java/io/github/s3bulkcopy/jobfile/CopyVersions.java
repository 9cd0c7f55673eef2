package io.github.s3bulkcopy.jobfile;

/** Which versions of each key a run copies ({@code copy.versions}). */
public enum CopyVersions {

	/**
	 * Each key's current version only: manifest rows that say they are noncurrent
	 * ({@code IsLatest=false}) and delete markers are left out, and a manifest naming
	 * several versions of one key is refused.
	 */
	CURRENT,

	/**
	 * Every version of each key, oldest first and one at a time, so the destination's
	 * current version is the source's; a key whose current version is a delete marker is
	 * deleted at the destination last.
	 */
	ALL

}
