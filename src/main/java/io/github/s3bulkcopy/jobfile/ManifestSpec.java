package io.github.s3bulkcopy.jobfile;

import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;

/**
 * Which objects to copy.
 *
 * @param type the manifest format
 * @param location the manifest: a local path or {@code s3://bucket/key} (manifest.json of
 * an inventory report, or a Batch Operations CSV); not used by {@code listing}
 * @param requesterPays the bucket of an {@code s3://} manifest is requester pays (its
 * reads say the source's credentials pay); when absent, {@code source.requester-pays} if
 * the manifest is in the source bucket, else false
 */
public record ManifestSpec(@NotNull ManifestType type, @Nullable String location, @Nullable Boolean requesterPays) {

	private static final String S3_SCHEME = "s3://";

	/** The bucket of an {@code s3://} location; null for a local file or a listing. */
	public @Nullable String s3Bucket() {
		if (this.location == null || !this.location.startsWith(S3_SCHEME)) {
			return null;
		}
		String rest = this.location.substring(S3_SCHEME.length());
		int slash = rest.indexOf('/');
		return (slash > 0) ? rest.substring(0, slash) : null;
	}

	/**
	 * Whether reads of the manifest say the requester pays: as set, else as the source's
	 * bucket when it is that.
	 */
	public boolean requesterPays(SourceSpec source) {
		if (this.requesterPays != null) {
			return this.requesterPays;
		}
		return source.requesterPays() && source.bucket().equals(s3Bucket());
	}

}
