package io.github.s3bulkcopy.ledger;

import java.time.Instant;
import java.util.Map;

/**
 * What the source itself says of one version of a key, for manifests that name versions
 * without dates (a Batch Operations CSV).
 *
 * @param lastModified when the version was written
 * @param latest whether it is the key's current version
 * @param deleteMarker whether it is a delete marker
 */
public record VersionFacts(Instant lastModified, boolean latest, boolean deleteMarker) {

	/** Looks up the versions of one key at the source. */
	@FunctionalInterface
	public interface Source {

		/**
		 * Every version of the key by version id; versions of other keys sharing its
		 * prefix are not included.
		 */
		Map<String, VersionFacts> versionsOf(String bucket, String key);

	}

}
