package io.github.s3bulkcopy.plan;

import io.github.s3bulkcopy.jobfile.CopyVersions;
import io.github.s3bulkcopy.manifest.ManifestEntry;

/**
 * The plan's choice of versions ({@code copy.versions}): with {@code current}, rows the
 * manifest marks as noncurrent and delete markers are left out; with {@code all}, every
 * row is planned, delete markers included. Applied by {@link PlanFilter} before the job
 * file's filters.
 */
final class VersionFilter {

	private VersionFilter() {
	}

	/** Whether a run copying {@code versions} plans the entry. */
	static boolean keep(CopyVersions versions, ManifestEntry entry) {
		return versions == CopyVersions.ALL || (!entry.deleteMarker() && !entry.noncurrent());
	}

}
