package io.github.s3bulkcopy.batchops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.github.s3bulkcopy.batchops.BatchOperationsPreflight.Check;
import io.github.s3bulkcopy.batchops.BatchOperationsPreflight.Verdict;
import io.github.s3bulkcopy.jobfile.JobSpec;
import io.github.s3bulkcopy.jobfile.loading.JobFileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.GetBucketReplicationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketReplicationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.ReplicationRule;
import software.amazon.awssdk.services.s3.model.S3Exception;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class BatchOperationsPoliciesAndPreflightTests {

	@TempDir
	Path dir;

	@Test
	void trustPolicyLetsBatchOperationsAssumeTheRole() {
		JsonNode trust = JsonMapper.builder().build().readTree(BatchOperationsPolicies.trust());

		assertThat(trust.get("Version").asString()).isEqualTo("2012-10-17");
		JsonNode statement = trust.get("Statement").get(0);
		assertThat(statement.get("Effect").asString()).isEqualTo("Allow");
		assertThat(statement.get("Principal").get("Service").asString()).isEqualTo("batchoperations.s3.amazonaws.com");
		assertThat(statement.get("Action").get(0).asString()).isEqualTo("sts:AssumeRole");
	}

	@Test
	void copyPermissionsNameTheJobsBuckets() throws IOException {
		String policy = BatchOperationsPolicies.permissions(spec(), BatchOperation.COPY, "us-east-1");

		assertThat(policy).contains("\"arn:aws:s3:::acme-logs/*\"")
			.contains("\"arn:aws:s3:::acme-logs-b/*\"")
			.contains("s3:PutObject")
			.contains("\"arn:aws:s3:::acme-reports/*\"")
			.contains("\"arn:aws:s3:::acme-manifests/*\"")
			.doesNotContain("s3:InitiateReplication");
		assertThat(BatchOperationsPolicies.permissions(spec(), BatchOperation.REPLICATE, "us-east-1"))
			.contains("s3:InitiateReplication")
			.contains("s3:GetReplicationConfiguration");
	}

	@Test
	void preflightChecksVersioningReplicationAndTheReportBucketAndSaysWhatItCannot() throws IOException {
		List<String> written = new ArrayList<>();
		S3Client source = new StubS3(BucketVersioningStatus.ENABLED, true, written::add);
		S3Client destination = new StubS3(BucketVersioningStatus.SUSPENDED, false, written::add);

		List<Check> checks = new BatchOperationsPreflight(source, destination, source).check(spec(),
				BatchOperation.REPLICATE);

		assertThat(checks).extracting(Check::name, Check::verdict)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("source bucket versioning", Verdict.PASS),
					org.assertj.core.groups.Tuple.tuple("destination bucket versioning", Verdict.FAIL),
					org.assertj.core.groups.Tuple.tuple("source replication configuration", Verdict.PASS),
					org.assertj.core.groups.Tuple.tuple("report bucket writable", Verdict.PASS),
					org.assertj.core.groups.Tuple.tuple("role trust and permissions", Verdict.NOT_CHECKED));
		assertThat(written).singleElement().asString().startsWith("put batch/s3-bulk-copy/preflight-");
		assertThat(checks.get(4).detail()).contains("needs IAM");

		List<Check> noReplication = new BatchOperationsPreflight(destination, destination, destination).check(spec(),
				BatchOperation.REPLICATE);
		assertThat(noReplication.get(2).verdict()).isEqualTo(Verdict.FAIL);
		assertThat(new BatchOperationsPreflight(source, destination, source).check(spec(), BatchOperation.COPY))
			.extracting(Check::name)
			.containsExactly("report bucket writable", "role trust and permissions");
	}

	private JobSpec spec() throws IOException {
		Path file = Files.writeString(this.dir.resolve("job.yml"), """
				name: acme
				source:
				  bucket: acme-logs
				destination:
				  bucket: acme-logs-b
				manifest:
				  type: csv
				  location: s3://acme-manifests/m.csv
				batch-operations:
				  account-id: "123456789012"
				  role-arn: arn:aws:iam::123456789012:role/batch
				  report:
				    bucket: acme-reports
				    prefix: batch
				""");
		return new JobFileLoader().load(file).spec();
	}

	/**
	 * The S3 calls the preflight makes; every other call is the interface's default
	 * (unsupported).
	 */
	private record StubS3(BucketVersioningStatus versioning, boolean replication,
			Consumer<String> writes) implements S3Client {

		@Override
		public GetBucketVersioningResponse getBucketVersioning(GetBucketVersioningRequest request) {
			return GetBucketVersioningResponse.builder().status(this.versioning).build();
		}

		@Override
		public GetBucketReplicationResponse getBucketReplication(GetBucketReplicationRequest request) {
			if (!this.replication) {
				throw S3Exception.builder().statusCode(404).message("ReplicationConfigurationNotFoundError").build();
			}
			return GetBucketReplicationResponse.builder()
				.replicationConfiguration((config) -> config.role("r").rules(ReplicationRule.builder().build()))
				.build();
		}

		@Override
		public PutObjectResponse putObject(PutObjectRequest request, RequestBody body) {
			this.writes.accept("put " + request.key());
			return PutObjectResponse.builder().build();
		}

		@Override
		public DeleteObjectResponse deleteObject(DeleteObjectRequest request) {
			return DeleteObjectResponse.builder().build();
		}

		@Override
		public String serviceName() {
			return "s3";
		}

		@Override
		public void close() {
		}

	}

}
