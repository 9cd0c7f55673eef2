package io.github.s3bulkcopy.job;

import io.github.s3bulkcopy.jobfile.CopyVersions;
import io.github.s3bulkcopy.manifest.ManifestEntry;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.util.Assert;

/**
 * The plan step's choice of versions ({@code copy.versions}): with {@code current}, rows the manifest marks as
 * noncurrent and delete markers are left out; with {@code all}, every row is planned, delete markers included.
 */
public class VersionFilter implements ItemProcessor<ManifestEntry, ManifestEntry> {

	private final CopyVersions versions;

	public VersionFilter(CopyVersions versions) {
		Assert.notNull(versions, "versions is required");
		this.versions = versions;
	}

	@Override
	public @Nullable ManifestEntry process(ManifestEntry entry) {
		return keep(this.versions, entry) ? entry : null;
	}

	/** Whether a run copying {@code versions} plans the entry. */
	public static boolean keep(CopyVersions versions, ManifestEntry entry) {
		return versions == CopyVersions.ALL || (!entry.deleteMarker() && !entry.noncurrent());
	}

}
