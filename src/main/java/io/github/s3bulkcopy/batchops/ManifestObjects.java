package io.github.s3bulkcopy.batchops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.s3bulkcopy.jobfile.JobSpec;
import io.github.s3bulkcopy.jobfile.ManifestSpec;
import io.github.s3bulkcopy.jobfile.ManifestType;
import io.github.s3bulkcopy.manifest.ManifestException;
import io.github.s3bulkcopy.manifest.ManifestLocation;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3control.model.JobManifestFieldName;
import software.amazon.awssdk.services.s3control.model.JobManifestFormat;

/**
 * Turns a manifest in S3 into what CreateJob names: HeadObject for its ETag (S3 Control
 * refuses a manifest whose ETag is not given, so a manifest changed after submission is
 * noticed) and version, its format, and for a CSV whether its rows carry version ids.
 */
final class ManifestObjects {

	private ManifestObjects() {
	}

	/**
	 * The job file's own manifest, which Batch Operations must be able to read: an S3
	 * Inventory manifest.json or a Batch Operations CSV, in S3.
	 * @throws ManifestException if the job's manifest is not such an object, or does not
	 * exist
	 */
	static ManifestObject ofJob(JobSpec spec, S3Client s3) {
		ManifestSpec manifest = spec.manifest();
		if (manifest.type() == ManifestType.LISTING || manifest.location() == null) {
			throw new ManifestException("replicate needs a manifest object in S3 (manifest.type csv or inventory "
					+ "with an s3:// location) or batch-operations.manifest-generator; a listing is this tool's own");
		}
		ManifestLocation location = ManifestLocation.parse(manifest.location());
		if (!location.isS3()) {
			throw new ManifestException("Batch Operations reads its manifest from S3: upload " + location
					+ " and set manifest.location to its s3:// location");
		}
		JobManifestFormat format = (manifest.type() == ManifestType.INVENTORY)
				? JobManifestFormat.S3_INVENTORY_REPORT_CSV_20161130
				: JobManifestFormat.S3_BATCH_OPERATIONS_CSV_20180820;
		List<JobManifestFieldName> fields = (manifest.type() == ManifestType.CSV)
				? fields(hasVersionIds(s3, location.bucket(), location.path())) : List.of();
		return head(s3, location.bucket(), location.path(), format, fields);
	}

	/** A Batch Operations CSV this tool wrote. */
	static ManifestObject ofCsv(S3Client s3, String bucket, String key, boolean withVersionIds) {
		return head(s3, bucket, key, JobManifestFormat.S3_BATCH_OPERATIONS_CSV_20180820, fields(withVersionIds));
	}

	static List<JobManifestFieldName> fields(boolean withVersionIds) {
		return withVersionIds
				? List.of(JobManifestFieldName.BUCKET, JobManifestFieldName.KEY, JobManifestFieldName.VERSION_ID)
				: List.of(JobManifestFieldName.BUCKET, JobManifestFieldName.KEY);
	}

	private static ManifestObject head(S3Client s3, String bucket, String key, JobManifestFormat format,
			List<JobManifestFieldName> fields) {
		HeadObjectResponse head;
		try {
			head = s3.headObject((request) -> request.bucket(bucket).key(key));
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				throw new ManifestException("manifest not found: s3://" + bucket + "/" + key, ex);
			}
			throw ex;
		}
		return new ManifestObject(bucket, key, head.eTag().replace("\"", ""), head.versionId(), format, fields);
	}

	/** Whether the CSV's rows name versions: its first row has a third field. */
	private static boolean hasVersionIds(S3Client s3, String bucket, String key) {
		try (InputStream in = s3.getObject((request) -> request.bucket(bucket).key(key).range("bytes=0-8191"))) {
			String start = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int end = start.indexOf('\n');
			String first = (end >= 0) ? start.substring(0, end) : start;
			return TaskResults.fields(first.strip()).size() >= 3;
		}
		catch (IOException ex) {
			throw new ManifestException("cannot read s3://" + bucket + "/" + key + ": " + ex.getMessage(), ex);
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				throw new ManifestException("manifest not found: s3://" + bucket + "/" + key, ex);
			}
			throw ex;
		}
	}

}
