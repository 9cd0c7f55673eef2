package io.github.s3bulkcopy.batchops;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.github.s3bulkcopy.jobfile.BatchOperationsSpec;
import io.github.s3bulkcopy.jobfile.JobSpec;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.S3Exception;

import org.springframework.util.Assert;

/**
 * What can be checked before handing a job to S3 Batch Operations, with the S3 API alone:
 * versioning on both buckets and a replication configuration on the source (replicate),
 * and that the report bucket takes writes. Whether the role trusts
 * {@code batchoperations.s3.amazonaws.com} and holds the permissions needs IAM (GetRole,
 * SimulatePrincipalPolicy), which this tool does not call: that check is reported as not
 * made, with {@link BatchOperationsPolicies} to compare against. Plain code, for a
 * {@code preflight} command to run.
 */
public final class BatchOperationsPreflight {

	/**
	 * One check.
	 *
	 * @param name what was checked
	 * @param verdict PASS, FAIL or NOT_CHECKED
	 * @param detail what was found, or why nothing could be
	 */
	public record Check(String name, Verdict verdict, String detail) {
	}

	/** How a check came out. */
	public enum Verdict {

		PASS, FAIL, NOT_CHECKED

	}

	private final S3Client source;

	private final S3Client destination;

	private final S3Client batchObjects;

	/**
	 * @param source a client of the source side
	 * @param destination a client of the destination side
	 * @param batchObjects a client of the Batch Operations side (the report bucket)
	 */
	public BatchOperationsPreflight(S3Client source, S3Client destination, S3Client batchObjects) {
		Assert.notNull(source, "source is required");
		Assert.notNull(destination, "destination is required");
		Assert.notNull(batchObjects, "batchObjects is required");
		this.source = source;
		this.destination = destination;
		this.batchObjects = batchObjects;
	}

	public List<Check> check(JobSpec spec, BatchOperation operation) {
		BatchOperationsSpec batch = spec.batchOperations();
		Assert.notNull(batch, "the job file has no batch-operations section");
		List<Check> checks = new ArrayList<>();
		if (operation == BatchOperation.REPLICATE) {
			checks.add(versioning("source", this.source, spec.source().bucket()));
			checks.add(versioning("destination", this.destination, spec.destination().bucket()));
			checks.add(replication(spec.source().bucket()));
		}
		checks.add(reportWritable(batch.report().bucket(), batch.report().prefix()));
		checks.add(new Check("role trust and permissions", Verdict.NOT_CHECKED, batch.roleArn()
				+ ": reading a role's trust policy needs IAM, which this tool does not call; compare the role with "
				+ "the policies printed for this job (trust: batchoperations.s3.amazonaws.com may sts:AssumeRole)"));
		return checks;
	}

	private static Check versioning(String side, S3Client s3, String bucket) {
		String name = side + " bucket versioning";
		try {
			BucketVersioningStatus status = s3.getBucketVersioning((request) -> request.bucket(bucket)).status();
			return (status == BucketVersioningStatus.ENABLED) ? new Check(name, Verdict.PASS, bucket + ": Enabled")
					: new Check(name, Verdict.FAIL, bucket + ": " + ((status != null) ? status : "never enabled")
							+ "; Batch Replication needs versioning on both buckets");
		}
		catch (S3Exception ex) {
			return new Check(name, Verdict.NOT_CHECKED, bucket + ": " + reason(ex));
		}
	}

	private Check replication(String bucket) {
		String name = "source replication configuration";
		try {
			int rules = this.source.getBucketReplication((request) -> request.bucket(bucket))
				.replicationConfiguration()
				.rules()
				.size();
			return new Check(name, Verdict.PASS, bucket + ": " + rules + " rule(s)");
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return new Check(name, Verdict.FAIL, bucket + ": no replication configuration; Batch Replication "
						+ "replicates by the source bucket's rules");
			}
			return new Check(name, Verdict.NOT_CHECKED, bucket + ": " + reason(ex));
		}
	}

	/**
	 * Writes and deletes a small object under the report prefix: the only proof a bucket
	 * takes writes.
	 */
	private Check reportWritable(String bucket, String prefix) {
		String name = "report bucket writable";
		String key = CompletionReport.join(prefix, "s3-bulk-copy/preflight-" + UUID.randomUUID() + ".txt");
		try {
			this.batchObjects.putObject((request) -> request.bucket(bucket).key(key),
					RequestBody.fromString("s3-bulk-copy preflight; safe to delete"));
			this.batchObjects.deleteObject((request) -> request.bucket(bucket).key(key));
			return new Check(name, Verdict.PASS, "s3://" + bucket + "/" + key + " written and deleted");
		}
		catch (S3Exception ex) {
			return new Check(name, Verdict.FAIL, "s3://" + bucket + "/" + key + ": " + reason(ex));
		}
	}

	private static String reason(S3Exception ex) {
		String code = (ex.awsErrorDetails() != null) ? ex.awsErrorDetails().errorCode() : null;
		return ((code != null) ? code : "HTTP " + ex.statusCode()) + " (" + ex.statusCode() + ")";
	}

}
