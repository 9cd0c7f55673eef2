package io.github.s3bulkcopy.plan;

import java.util.function.Supplier;

import io.github.s3bulkcopy.jobfile.CopyVersions;
import io.github.s3bulkcopy.jobfile.JobSpec;
import io.github.s3bulkcopy.jobfile.ManifestType;
import io.github.s3bulkcopy.manifest.ManifestReader;
import io.github.s3bulkcopy.manifest.ManifestReaders;
import io.github.s3bulkcopy.manifest.VersionListingManifestReader;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Chooses the plan step's reader for the job's manifest, and whether it needs an S3
 * client: a listing, or a manifest stored in S3, does; a local file does not, so no
 * client (and no credentials) is made for it.
 */
public final class PlanReaders {

	private PlanReaders() {
	}

	public static ManifestReader reader(JobSpec spec, @Nullable String location, Supplier<S3Client> s3) {
		boolean needsS3 = spec.manifest().type() == ManifestType.LISTING
				|| (location != null && location.startsWith("s3://"));
		ManifestReader reader = (spec.manifest().type() == ManifestType.LISTING
				&& spec.copy().versions() == CopyVersions.ALL)
						? new VersionListingManifestReader(s3.get(), spec.source().bucket(), spec.source().prefix())
						: ManifestReaders.create(spec.manifest().type(), location, spec.source().bucket(),
								spec.source().prefix(), needsS3 ? s3.get() : null);
		reader.setName("manifest");
		return reader;
	}

}
