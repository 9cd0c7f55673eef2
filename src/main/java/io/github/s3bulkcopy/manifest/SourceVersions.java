package io.github.s3bulkcopy.manifest;

import java.util.HashMap;
import java.util.Map;

import io.github.s3bulkcopy.ledger.VersionFacts;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

import org.springframework.util.Assert;

/**
 * The versions of one key as the source bucket lists them (ListObjectVersions with the
 * key as prefix), for manifests that name versions without saying when each was written.
 * Keys that merely start with the key are passed over; the listing stops at the first of
 * them, since S3 lists the key's own versions before any longer key.
 */
public class SourceVersions implements VersionFacts.Source {

	private final S3Client s3;

	public SourceVersions(S3Client s3) {
		Assert.notNull(s3, "s3 is required");
		this.s3 = s3;
	}

	@Override
	public Map<String, VersionFacts> versionsOf(String bucket, String key) {
		Map<String, VersionFacts> versions = new HashMap<>();
		String keyMarker = null;
		String versionMarker = null;
		try {
			while (true) {
				String keyFrom = keyMarker;
				String versionFrom = versionMarker;
				ListObjectVersionsResponse page = this.s3.listObjectVersions(
						(list) -> list.bucket(bucket).prefix(key).keyMarker(keyFrom).versionIdMarker(versionFrom));
				boolean past = false;
				for (ObjectVersion version : page.versions()) {
					if (version.key().equals(key)) {
						versions.put(version.versionId(), new VersionFacts(version.lastModified(),
								Boolean.TRUE.equals(version.isLatest()), false));
					}
					else {
						past = true;
					}
				}
				for (DeleteMarkerEntry marker : page.deleteMarkers()) {
					if (marker.key().equals(key)) {
						versions.put(marker.versionId(),
								new VersionFacts(marker.lastModified(), Boolean.TRUE.equals(marker.isLatest()), true));
					}
					else {
						past = true;
					}
				}
				if (past || !Boolean.TRUE.equals(page.isTruncated())) {
					return versions;
				}
				keyMarker = page.nextKeyMarker();
				versionMarker = page.nextVersionIdMarker();
			}
		}
		catch (SdkException ex) {
			throw new ManifestException("cannot list the versions of s3://" + bucket + "/" + key
					+ " to order them (copy.versions: all): " + ex.getMessage(), ex);
		}
	}

}
