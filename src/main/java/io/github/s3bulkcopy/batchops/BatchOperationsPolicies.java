package io.github.s3bulkcopy.batchops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.jobfile.BatchOperationsSpec;
import io.github.s3bulkcopy.jobfile.JobSpec;
import io.github.s3bulkcopy.manifest.ManifestLocation;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

/**
 * The IAM policy documents of the role S3 Batch Operations assumes
 * ({@code batch-operations.role-arn}) for a job file: its trust policy
 * (batchoperations.s3.amazonaws.com may assume it) and its permission policy for
 * replicate or batch-copy (read the sources, write the copies, read the manifest, write
 * the report). Plain code, for a {@code policies} command to print.
 */
public final class BatchOperationsPolicies {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private BatchOperationsPolicies() {
	}

	/** The role's trust policy. */
	public static String trust() {
		return json(Map.of("Version", "2012-10-17", "Statement", List.of(statement("Allow",
				Map.of("Service", "batchoperations.s3.amazonaws.com"), List.of("sts:AssumeRole"), null))));
	}

	/**
	 * The role's permission policy for the operation, with the job file's buckets in it.
	 */
	public static String permissions(JobSpec spec, BatchOperation operation, String region) {
		BatchOperationsSpec batch = spec.batchOperations();
		Assert.notNull(batch, "the job file has no batch-operations section");
		String source = S3Arns.bucket(region, spec.source().bucket());
		String report = S3Arns.bucket(region, batch.report().bucket());
		List<Map<String, Object>> statements = new ArrayList<>();
		if (operation == BatchOperation.COPY) {
			String destination = S3Arns.bucket(region, spec.destination().bucket());
			statements.add(statement(
					"Allow", null, List.of("s3:GetObject", "s3:GetObjectVersion", "s3:GetObjectAcl",
							"s3:GetObjectTagging", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"),
					List.of(source + "/*")));
			statements.add(statement("Allow", null, List.of("s3:ListBucket", "s3:GetBucketLocation"),
					List.of(source, destination)));
			statements.add(statement("Allow", null, List.of("s3:PutObject", "s3:PutObjectAcl", "s3:PutObjectTagging"),
					List.of(destination + "/*")));
			if (spec.destination().sseKmsKeyId() != null) {
				statements.add(statement("Allow", null, List.of("kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"),
						List.of(spec.destination().sseKmsKeyId())));
			}
		}
		else {
			statements.add(statement("Allow", null, List.of("s3:InitiateReplication"), List.of(source + "/*")));
			statements.add(statement("Allow", null,
					List.of("s3:GetReplicationConfiguration", "s3:PutInventoryConfiguration"), List.of(source)));
		}
		List<String> manifests = new ArrayList<>(List.of(report + "/*"));
		String location = spec.manifest().location();
		if (location != null && location.startsWith("s3://")) {
			ManifestLocation manifest = ManifestLocation.parse(location);
			manifests.add(S3Arns.bucket(region, manifest.bucket()) + "/*");
		}
		statements.add(statement("Allow", null, List.of("s3:GetObject", "s3:GetObjectVersion"), manifests));
		statements.add(statement("Allow", null, List.of("s3:PutObject", "s3:GetBucketLocation"),
				List.of(report, report + "/*")));
		return json(Map.of("Version", "2012-10-17", "Statement", statements));
	}

	private static Map<String, Object> statement(String effect, Map<String, String> principal, List<String> actions,
			List<String> resources) {
		Map<String, Object> statement = new LinkedHashMap<>();
		statement.put("Effect", effect);
		if (principal != null) {
			statement.put("Principal", principal);
		}
		statement.put("Action", actions);
		if (resources != null) {
			statement.put("Resource", resources);
		}
		return statement;
	}

	private static String json(Map<String, Object> document) {
		Map<String, Object> ordered = new LinkedHashMap<>();
		ordered.put("Version", document.get("Version"));
		ordered.put("Statement", document.get("Statement"));
		return JSON.writeValueAsString(ordered);
	}

}
