package io.github.s3bulkcopy.manifest;

import java.util.Locale;

import io.github.s3bulkcopy.jobfile.ManifestSpec;
import io.github.s3bulkcopy.jobfile.ManifestType;
import io.github.s3bulkcopy.jobfile.SourceSpec;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds the reader for a job's manifest. Every reader yields only keys under the source
 * prefix: inventory and CSV readers skip other rows, the listing asks S3 for the prefix
 * alone.
 */
public final class ManifestReaders {

	private ManifestReaders() {
	}

	/**
	 * Builds the reader a job file's {@code manifest} and {@code source} sections
	 * describe.
	 * @param manifest the manifest section
	 * @param source the source section (bucket and prefix)
	 * @param s3Client lists the source bucket and reads {@code s3://} manifests; may be
	 * null only for local manifests
	 * @return an unopened reader
	 */
	public static ManifestReader create(ManifestSpec manifest, SourceSpec source, @Nullable S3Client s3Client) {
		Assert.notNull(manifest, "manifest is required");
		Assert.notNull(source, "source is required");
		return create(manifest.type(), manifest.location(), source.bucket(), source.prefix(), s3Client);
	}

	/**
	 * Builds the reader for a manifest.
	 * @param type the manifest format
	 * @param location manifest.json (INVENTORY) or the CSV file (CSV), as
	 * {@code s3://bucket/key} or a local path; ignored for LISTING
	 * @param sourceBucket the bucket objects are copied from; a manifest naming another
	 * is an error
	 * @param sourcePrefix only keys starting with this are read ("" for all)
	 * @param s3Client lists the source bucket and reads {@code s3://} manifests; may be
	 * null only for local manifests
	 * @return an unopened reader
	 * @throws ManifestException if a location is needed and missing, or malformed
	 */
	public static ManifestReader create(ManifestType type, @Nullable String location, String sourceBucket,
			String sourcePrefix, @Nullable S3Client s3Client) {
		Assert.notNull(type, "type is required");
		Assert.hasText(sourceBucket, "sourceBucket is required");
		Assert.notNull(sourcePrefix, "sourcePrefix is required");
		return switch (type) {
			case INVENTORY ->
				new InventoryManifestReader(locationOf(type, location), sourceBucket, sourcePrefix, s3Client);
			case CSV -> new CsvManifestReader(locationOf(type, location), sourceBucket, sourcePrefix, s3Client);
			case LISTING -> {
				Assert.notNull(s3Client, "s3Client is required to list the source bucket");
				yield new ListingManifestReader(s3Client, sourceBucket, sourcePrefix);
			}
		};
	}

	private static ManifestLocation locationOf(ManifestType type, @Nullable String location) {
		if (location == null || location.isBlank()) {
			throw new ManifestException("a " + type.name().toLowerCase(Locale.ROOT) + " manifest needs a location");
		}
		return ManifestLocation.parse(location);
	}

}
