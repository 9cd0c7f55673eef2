package io.github.s3bulkcopy.batchops;

import java.util.List;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3control.model.JobManifestFieldName;
import software.amazon.awssdk.services.s3control.model.JobManifestFormat;

/**
 * A manifest object as CreateJob names it: where it is, the ETag S3 Control checks it
 * against, and its format.
 *
 * @param bucket the manifest's bucket
 * @param key the manifest's key (manifest.json of an inventory report, or the CSV)
 * @param etag its ETag without quotes, as HeadObject answered
 * @param versionId its version, when the bucket is versioned
 * @param format {@code S3BatchOperations_CSV_20180820} or
 * {@code S3InventoryReport_CSV_20161130}
 * @param fields the CSV's columns (Bucket, Key[, VersionId]); empty for an inventory
 * report, which names its own
 */
record ManifestObject(String bucket, String key, String etag, @Nullable String versionId, JobManifestFormat format,
		List<JobManifestFieldName> fields) {

	String location() {
		return "s3://" + this.bucket + "/" + this.key;
	}

}
