package io.github.s3bulkcopy.policies;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.s3bulkcopy.jobfile.JobSpec;
import io.github.s3bulkcopy.jobfile.loading.JobFileLoader;
import io.github.s3bulkcopy.testsupport.JobFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated policies: valid JSON, the job's ARNs, and nothing broader. */
class JobPoliciesTests {

	private static final String SOURCE_ROLE = "arn:aws:iam::222222222222:role/reader";

	private static final String DESTINATION_ROLE = "arn:aws:iam::333333333333:role/writer";

	private static final String RUNNER = "arn:aws:iam::111111111111:user/runner";

	@TempDir
	Path dir;

	@Test
	void aRolePerSideStreamedGetsTrustAndPermissionPoliciesOfExactlyTheJobsBuckets() throws IOException {
		JobSpec job = job("""
				source:
				  bucket: acme-logs
				  prefix: 2026/
				  credentials:
				    role-arn: %s
				destination:
				  bucket: acme-logs-b
				  prefix: copied/
				  sse-kms-key-id: arn:aws:kms:us-east-1:333333333333:key/1234abcd-12ab-34cd-56ef-1234567890ab
				  acl: bucket-owner-full-control
				  credentials:
				    role-arn: %s
				    external-id: acme-2026
				manifest:
				  type: inventory
				  location: s3://acme-inventory/inv/acme-logs/daily/2026-11-01T01-00Z/manifest.json
				""".formatted(SOURCE_ROLE, DESTINATION_ROLE));

		List<PolicyDocument> documents = JobPolicies.generate(job, RUNNER);

		assertThat(documents).extracting(PolicyDocument::title)
			.containsExactly("Trust policy of role reader", "Trust policy of role writer",
					"Permission policy of role reader (reads the source)",
					"Permission policy of role writer (writes the destination)",
					"Bucket policy of s3://acme-logs (only when its readers belong to another account than the bucket)",
					"Key policy statement for arn:aws:kms:us-east-1:333333333333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
					"Manifest read for role reader (it reads the manifest)");
		documents.forEach(JobPoliciesTests::assertLeastPrivilege);

		JsonNode writerTrust = parse(documents.get(1));
		JsonNode trust = writerTrust.get("Statement").get(0);
		assertThat(trust.get("Principal").get("AWS").asString()).isEqualTo(RUNNER);
		assertThat(trust.get("Action").asString()).isEqualTo("sts:AssumeRole");
		assertThat(trust.get("Condition").get("StringEquals").get("sts:ExternalId").asString()).isEqualTo("acme-2026");
		assertThat(parse(documents.get(0)).get("Statement").get(0).has("Condition")).isFalse();

		JsonNode read = parse(documents.get(2));
		assertThat(actions(read)).containsExactlyInAnyOrder("s3:ListBucket", "s3:GetObject", "s3:GetObjectTagging",
				"s3:GetObjectVersion", "s3:GetObjectVersionTagging", "s3:GetBucketWebsite", "s3:GetObjectRetention",
				"s3:GetObjectLegalHold");
		assertThat(statement(read, "ReadSourceWebsiteConfiguration").get("Resource").asString())
			.isEqualTo("arn:aws:s3:::acme-logs");
		assertThat(resources(read)).containsOnly("arn:aws:s3:::acme-logs", "arn:aws:s3:::acme-logs/2026/*");

		JsonNode write = parse(documents.get(3));
		assertThat(actions(write))
			.contains("s3:PutObject", "s3:PutObjectTagging", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts",
					"s3:PutObjectAcl", "s3:DeleteObject", "kms:GenerateDataKey", "kms:Decrypt",
					"s3:GetBucketObjectLockConfiguration", "s3:PutObjectRetention", "s3:PutObjectLegalHold")
			.doesNotContain("s3:GetObjectVersion");
		assertThat(statement(write, "ReadDestinationObjectLockConfiguration").get("Resource").asString())
			.isEqualTo("arn:aws:s3:::acme-logs-b");
		assertThat(resources(write)).containsOnly("arn:aws:s3:::acme-logs-b", "arn:aws:s3:::acme-logs-b/copied/*",
				"arn:aws:s3:::acme-logs-b/copied/.s3-bulk-copy-preflight-*",
				"arn:aws:kms:us-east-1:333333333333:key/1234abcd-12ab-34cd-56ef-1234567890ab");
		assertThat(statement(write, "PreflightWriteTest").get("Action").asString()).isEqualTo("s3:DeleteObject");

		JsonNode bucket = parse(documents.get(4));
		assertThat(bucket.get("Statement").get(0).get("Principal").get("AWS").asString()).isEqualTo(SOURCE_ROLE);
		JsonNode key = parse(documents.get(5));
		assertThat(key.get("Principal").get("AWS").asString()).isEqualTo(DESTINATION_ROLE);
		assertThat(resources(parse(documents.get(6))))
			.containsExactly("arn:aws:s3:::acme-inventory/inv/acme-logs/daily/*");
	}

	@Test
	void oneRoleServerSideGetsOneCombinedPolicyAndNoVersionsForAListing() throws IOException {
		JobSpec job = job("""
				source:
				  bucket: acme-logs
				  credentials:
				    role-arn: %s
				destination:
				  bucket: acme-logs-b
				  credentials:
				    role-arn: %s
				manifest:
				  type: listing
				""".formatted(DESTINATION_ROLE, DESTINATION_ROLE));

		List<PolicyDocument> documents = JobPolicies.generate(job, null);

		assertThat(documents).extracting(PolicyDocument::title)
			.containsExactly("Trust policy of role writer",
					"Permission policy of role writer (reads the source, writes the destination)",
					"Bucket policy of s3://acme-logs (only when its readers belong to another account than the bucket)");
		documents.forEach(JobPoliciesTests::assertLeastPrivilege);
		assertThat(parse(documents.get(0)).get("Statement").get(0).get("Principal").get("AWS").asString())
			.isEqualTo(JobPolicies.RUNNER_PLACEHOLDER);
		JsonNode permissions = parse(documents.get(1));
		assertThat(actions(permissions)).contains("s3:GetObject", "s3:PutObject")
			.doesNotContain("s3:GetObjectVersion", "s3:PutObjectAcl", "kms:GenerateDataKey");
		assertThat(resources(parse(documents.get(2)))).containsOnly("arn:aws:s3:::acme-logs",
				"arn:aws:s3:::acme-logs/*");
	}

	@Test
	void restoresAddRestoreObjectOnTheSourceForTheSourcesPrincipalOnly() throws IOException {
		JobSpec job = job("""
				source:
				  bucket: acme-logs
				  prefix: 2026/
				  credentials:
				    role-arn: %s
				destination:
				  bucket: acme-logs-b
				  credentials:
				    role-arn: %s
				manifest:
				  type: listing
				copy:
				  mode: server-side
				  restore:
				    days: 3
				    tier: bulk
				""".formatted(SOURCE_ROLE, DESTINATION_ROLE));

		List<PolicyDocument> documents = JobPolicies.generate(job, RUNNER);

		documents.forEach(JobPoliciesTests::assertLeastPrivilege);
		JsonNode read = parse(documents.get(2));
		assertThat(statement(read, "RestoreSourceObjects").get("Action").asString()).isEqualTo("s3:RestoreObject");
		assertThat(statement(read, "RestoreSourceObjects").get("Resource").asString())
			.isEqualTo("arn:aws:s3:::acme-logs/2026/*");
		// The destination's principal makes the server-side copies but requests no
		// restores.
		assertThat(actions(parse(documents.get(3)))).contains("s3:GetObject", "s3:PutObject")
			.doesNotContain("s3:RestoreObject");
		JsonNode restore = statement(parse(documents.get(4)), "S3BulkCopyRestore");
		assertThat(restore.get("Principal").get("AWS").asString()).isEqualTo(SOURCE_ROLE);
		assertThat(restore.get("Action").asString()).isEqualTo("s3:RestoreObject");
	}

	@Test
	void aMirrorMayDeleteDestinationObjectsAndOtherJobsMayNot() throws IOException {
		String sides = """
				source:
				  bucket: acme-logs
				  credentials:
				    role-arn: %s
				destination:
				  bucket: acme-logs-b
				  prefix: from-a/
				  credentials:
				    role-arn: %s
				manifest:
				  type: listing
				copy:
				  mode: server-side
				""".formatted(SOURCE_ROLE, DESTINATION_ROLE);

		List<PolicyDocument> mirror = JobPolicies.generate(job(sides + "  delete-extraneous: true\n"), RUNNER);
		List<PolicyDocument> copy = JobPolicies.generate(job(sides), RUNNER);

		mirror.forEach(JobPoliciesTests::assertLeastPrivilege);
		JsonNode delete = statement(parse(mirror.get(3)), "DeleteExtraneousObjects");
		assertThat(delete.get("Action").asString()).isEqualTo("s3:DeleteObject");
		assertThat(delete.get("Resource").asString()).isEqualTo("arn:aws:s3:::acme-logs-b/from-a/*");
		assertThat(parse(copy.get(3)).get("Statement")).noneSatisfy(
				(statement) -> assertThat(statement.get("Sid").asString()).isEqualTo("DeleteExtraneousObjects"));
	}

	@Test
	void theCommandPrintsEachDocumentWithWhereItGoes() throws IOException {
		Path file = jobFile("""
				source:
				  bucket: acme-logs
				  credentials:
				    role-arn: %s
				destination:
				  bucket: acme-logs-b
				  credentials:
				    role-arn: %s
				manifest:
				  type: listing
				""".formatted(SOURCE_ROLE, DESTINATION_ROLE));
		JobFixture.Result result = JobFixture.runCommand("policies", "--job", file.toString(), "--principal", RUNNER);

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).contains("# IAM policies for job policies-job (copy mode: stream)")
			.contains("# 1. Trust policy of role reader")
			.contains(
					"#    Where: IAM > Roles > reader > Trust relationships > Edit trust policy, in account 222222222222")
			.contains("\"sts:AssumeRole\"");
		// Every document between the titles parses.
		String[] blocks = result.out().split("(?m)^# \\d+\\. .*\\n#    Where: .*\\n");
		assertThat(blocks).hasSize(6);
		for (int i = 1; i < blocks.length; i++) {
			assertThat(JsonMapper.builder().build().readTree(blocks[i].strip()).isObject()).isTrue();
		}
	}

	@Test
	void theCommandSaysWhoPaysForARequesterPaysBucket() throws IOException {
		Path file = jobFile("""
				source:
				  bucket: acme-logs
				  requester-pays: true
				  credentials:
				    role-arn: %s
				destination:
				  bucket: acme-logs-b
				  credentials:
				    role-arn: %s
				manifest:
				  type: csv
				  location: s3://acme-manifests/keys.csv
				  requester-pays: true
				""".formatted(SOURCE_ROLE, DESTINATION_ROLE));
		JobFixture.Result result = JobFixture.runCommand("policies", "--job", file.toString(), "--principal", RUNNER);

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out())
			.contains("# Who pays: s3://acme-logs is requester pays: the account of the " + "source's credentials pays")
			.contains("# Who pays: s3://acme-manifests (the manifest) is requester pays")
			.doesNotContain("s3://acme-logs-b is requester pays");
	}

	/** No wildcard action, and no S3 statement on every resource. */
	private static void assertLeastPrivilege(PolicyDocument document) {
		JsonNode json = parse(document);
		List<JsonNode> statements = new ArrayList<>();
		if (json.has("Statement")) {
			json.get("Statement").forEach(statements::add);
		}
		else {
			statements.add(json);
		}
		for (JsonNode statement : statements) {
			List<String> actions = values(statement.get("Action"));
			assertThat(actions).as(document.title()).noneMatch((action) -> action.endsWith("*"));
			if (actions.stream().anyMatch((action) -> action.startsWith("s3:"))) {
				assertThat(values(statement.get("Resource"))).as(document.title())
					.allMatch((resource) -> resource.startsWith("arn:aws:s3:::acme-"));
			}
		}
	}

	private static JsonNode parse(PolicyDocument document) {
		// Through the printed text, as a user pastes it.
		return JsonMapper.builder().build().readTree(JobPolicies.json(document));
	}

	private static JsonNode statement(JsonNode policy, String sid) {
		for (JsonNode statement : policy.get("Statement")) {
			if (statement.get("Sid").asString().equals(sid)) {
				return statement;
			}
		}
		throw new AssertionError("no statement " + sid);
	}

	private static List<String> actions(JsonNode policy) {
		List<String> actions = new ArrayList<>();
		policy.get("Statement").forEach((statement) -> actions.addAll(values(statement.get("Action"))));
		return actions;
	}

	private static List<String> resources(JsonNode policy) {
		List<String> resources = new ArrayList<>();
		policy.get("Statement").forEach((statement) -> resources.addAll(values(statement.get("Resource"))));
		return resources;
	}

	private static List<String> values(JsonNode node) {
		List<String> values = new ArrayList<>();
		if (node.isArray()) {
			node.forEach((value) -> values.add(value.asString()));
		}
		else {
			values.add(node.asString());
		}
		return values;
	}

	private JobSpec job(String sides) throws IOException {
		return new JobFileLoader().load(jobFile(sides)).spec();
	}

	private Path jobFile(String sides) throws IOException {
		return Files.writeString(this.dir.resolve("policies-job.yml"), "name: policies-job\n" + sides,
				StandardCharsets.UTF_8);
	}

}
