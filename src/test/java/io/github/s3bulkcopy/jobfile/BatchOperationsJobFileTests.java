package io.github.s3bulkcopy.jobfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import io.github.s3bulkcopy.jobfile.loading.JobFileException;
import io.github.s3bulkcopy.jobfile.loading.JobFileLoader;
import io.github.s3bulkcopy.jobfile.loading.JobFileProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The job file's {@code batch-operations} section: binding, defaults and validation. */
class BatchOperationsJobFileTests {

	private static final String JOB = """
			name: replicate-logs
			source:
			  bucket: acme-logs
			destination:
			  bucket: acme-logs-b
			  region: eu-west-1
			manifest:
			  type: csv
			  location: s3://acme-manifests/logs.csv
			""";

	private final JobFileLoader loader = new JobFileLoader();

	@TempDir
	Path dir;

	@Test
	void sectionIsOptional() throws IOException {
		assertThat(this.loader.load(write(JOB)).spec().batchOperations()).isNull();
	}

	@Test
	void minimalSectionGetsDefaults() throws IOException {
		BatchOperationsSpec batch = load("""
				batch-operations:
				  account-id: "123456789012"
				  role-arn: arn:aws:iam::123456789012:role/batch-ops
				  report:
				    bucket: acme-reports
				""");

		assertThat(batch.accountId()).isEqualTo("123456789012");
		assertThat(batch.region()).isNull();
		assertThat(batch.endpoint()).isNull();
		assertThat(batch.credentials()).isNull();
		assertThat(batch.priority()).isEqualTo(10);
		assertThat(batch.confirmationRequired()).isFalse();
		assertThat(batch.tags()).isEmpty();
		assertThat(batch.report().prefix()).isEmpty();
		assertThat(batch.report().scope()).isEqualTo(BatchReportScope.ALL_TASKS);
		assertThat(batch.manifestGenerator()).isNull();
		assertThat(batch.maxObjectSize()).isEqualTo(BatchOperationsSpec.BATCH_COPY_LIMIT);
	}

	@Test
	void everyPropertyBinds() throws IOException {
		BatchOperationsSpec batch = load("""
				batch-operations:
				  account-id: "123456789012"
				  region: eu-west-1
				  endpoint: http://127.0.0.1:9999
				  credentials:
				    profile: batch-admin
				  role-arn: arn:aws:iam::123456789012:role/batch-ops
				  priority: 42
				  description: Move acme logs
				  confirmation-required: true
				  tags:
				    project: acme
				    cost-center: "17"
				  report:
				    bucket: acme-reports
				    prefix: batch/
				    scope: failed-tasks-only
				  manifest-generator:
				    eligible-for-replication: true
				    object-replication-statuses: [none, failed]
				    created-after: 2026-01-01
				    created-before: 2026-06-30T12:00:00Z
				    key-prefixes: [logs/, audit/]
				    size-greater-than: 1KiB
				    size-less-than: 1GiB
				    storage-classes: [STANDARD, GLACIER_IR]
				    manifest-output:
				      bucket: acme-reports
				      prefix: generated/
				  max-object-size: 1GiB
				""");

		assertThat(batch.region()).isEqualTo("eu-west-1");
		assertThat(batch.endpoint()).hasToString("http://127.0.0.1:9999");
		assertThat(batch.credentials().profile()).isEqualTo("batch-admin");
		assertThat(batch.priority()).isEqualTo(42);
		assertThat(batch.description()).isEqualTo("Move acme logs");
		assertThat(batch.confirmationRequired()).isTrue();
		assertThat(batch.tags()).containsExactly(java.util.Map.entry("project", "acme"),
				java.util.Map.entry("cost-center", "17"));
		assertThat(batch.report().prefix()).isEqualTo("batch/");
		assertThat(batch.report().scope()).isEqualTo(BatchReportScope.FAILED_TASKS_ONLY);
		ManifestGeneratorSpec generator = batch.manifestGenerator();
		assertThat(generator.eligibleForReplication()).isTrue();
		assertThat(generator.objectReplicationStatuses()).containsExactly(ObjectReplicationStatus.NONE,
				ObjectReplicationStatus.FAILED);
		assertThat(generator.createdAfter()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
		assertThat(generator.createdBefore()).isEqualTo(Instant.parse("2026-06-30T12:00:00Z"));
		assertThat(generator.keyPrefixes()).containsExactly("logs/", "audit/");
		assertThat(generator.sizeGreaterThan()).isEqualTo(new ByteSize(1024));
		assertThat(generator.sizeLessThan()).isEqualTo(ByteSize.ofMebibytes(1024));
		assertThat(generator.storageClasses()).containsExactly("STANDARD", "GLACIER_IR");
		assertThat(generator.manifestOutput().bucket()).isEqualTo("acme-reports");
		assertThat(generator.manifestOutput().prefix()).isEqualTo("generated/");
		assertThat(batch.maxObjectSize()).isEqualTo(ByteSize.ofMebibytes(1024));
	}

	@Test
	void everyProblemIsReportedWithItsProperty() throws IOException {
		Path file = write(JOB + """
				batch-operations:
				  account-id: "12345"
				  endpoint: http://s3-control.example.com
				  credentials:
				    external-id: only-with-a-role
				  role-arn: batch-ops
				  priority: -1
				  report:
				    scope: everything
				  manifest-generator:
				    created-after: last tuesday
				    size-greater-than: 10MiB
				    size-less-than: 10MiB
				  max-object-size: 6GiB
				""");

		assertThatExceptionOfType(JobFileException.class).isThrownBy(() -> this.loader.load(file))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(JobFileProblem::toString)
				.anySatisfy((line) -> assertThat(line).contains("batch-operations.account-id: must be a 12-digit"))
				.anySatisfy((line) -> assertThat(line).contains("batch-operations.endpoint: plain http is only")
					.contains("batch-operations.allow-insecure-endpoint"))
				.anySatisfy((line) -> assertThat(line)
					.contains("batch-operations.credentials.external-id: only used with role-arn"))
				.anySatisfy((line) -> assertThat(line).contains("batch-operations.role-arn: must look like"))
				.anySatisfy((line) -> assertThat(line).contains("batch-operations.priority:"))
				.anySatisfy((line) -> assertThat(line)
					.contains("batch-operations.report.scope: must be one of all-tasks, failed-tasks-only"))
				.anySatisfy((line) -> assertThat(line).contains(
						"batch-operations.manifest-generator.created-after: 'last tuesday' is not a date or time"))
				.anySatisfy((line) -> assertThat(line)
					.contains("batch-operations.manifest-generator.size-less-than: must be more than"))
				.anySatisfy((line) -> assertThat(line)
					.contains("batch-operations.max-object-size: must be between 1 B and 5 GiB")));
	}

	private BatchOperationsSpec load(String section) throws IOException {
		return this.loader.load(write(JOB + section)).spec().batchOperations();
	}

	private Path write(String yaml) throws IOException {
		return Files.writeString(this.dir.resolve("job.yml"), yaml, StandardCharsets.UTF_8);
	}

}
