package io.github.s3bulkcopy.batchops;

import java.util.List;
import java.util.Locale;

import io.github.s3bulkcopy.jobfile.BatchOperationsSpec;
import io.github.s3bulkcopy.jobfile.BatchReportScope;
import io.github.s3bulkcopy.jobfile.ByteSize;
import io.github.s3bulkcopy.jobfile.DestinationSpec;
import io.github.s3bulkcopy.jobfile.JobSpec;
import io.github.s3bulkcopy.jobfile.ManifestGeneratorSpec;
import io.github.s3bulkcopy.jobfile.ManifestOutputSpec;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3control.model.CreateJobRequest;
import software.amazon.awssdk.services.s3control.model.GeneratedManifestFormat;
import software.amazon.awssdk.services.s3control.model.JobManifest;
import software.amazon.awssdk.services.s3control.model.JobManifestGenerator;
import software.amazon.awssdk.services.s3control.model.JobManifestGeneratorFilter;
import software.amazon.awssdk.services.s3control.model.JobManifestLocation;
import software.amazon.awssdk.services.s3control.model.JobManifestSpec;
import software.amazon.awssdk.services.s3control.model.JobOperation;
import software.amazon.awssdk.services.s3control.model.JobReport;
import software.amazon.awssdk.services.s3control.model.JobReportFormat;
import software.amazon.awssdk.services.s3control.model.JobReportScope;
import software.amazon.awssdk.services.s3control.model.KeyNameConstraint;
import software.amazon.awssdk.services.s3control.model.S3CopyObjectOperation;
import software.amazon.awssdk.services.s3control.model.S3JobManifestGenerator;
import software.amazon.awssdk.services.s3control.model.S3ManifestOutputLocation;
import software.amazon.awssdk.services.s3control.model.S3MetadataDirective;
import software.amazon.awssdk.services.s3control.model.S3ReplicateObjectOperation;
import software.amazon.awssdk.services.s3control.model.S3Tag;

import org.springframework.util.Assert;

/**
 * Builds the CreateJob request of a run from the job file: the operation with the
 * destination's copy options, the manifest (an object, or S3's generator), the completion
 * report, role, priority, tags and the idempotency token. Plain code, so the request's
 * shape is tested without a server.
 */
final class CreateJobRequests {

	private CreateJobRequests() {
	}

	/**
	 * @param spec the job file
	 * @param operation replicate or copy
	 * @param region the region the job is created in (for the ARNs' partition)
	 * @param manifest the manifest object; null to let S3 generate it from
	 * {@code batch-operations.manifest-generator}
	 * @param token the run's client request token
	 * @param run the run number, for the default description
	 */
	static CreateJobRequest of(JobSpec spec, BatchOperation operation, String region, @Nullable ManifestObject manifest,
			String token, long run) {
		BatchOperationsSpec batch = spec.batchOperations();
		Assert.notNull(batch, "the job file has no batch-operations section");
		CreateJobRequest.Builder request = CreateJobRequest.builder()
			.accountId(batch.accountId())
			.clientRequestToken(token)
			.roleArn(batch.roleArn())
			.priority(batch.priority())
			.confirmationRequired(batch.confirmationRequired())
			.description((batch.description() != null) ? batch.description()
					: "s3-bulk-copy " + operation.command() + " of job " + spec.name() + ", run " + run)
			.operation(operation(spec, operation, region))
			.report(report(batch, region));
		if (manifest != null) {
			request.manifest(manifest(manifest, region));
		}
		else {
			Assert.notNull(batch.manifestGenerator(), "no manifest object and no manifest-generator");
			request.manifestGenerator(generator(spec, batch.manifestGenerator(), region));
		}
		if (!batch.tags().isEmpty()) {
			request.tags(batch.tags()
				.entrySet()
				.stream()
				.map((tag) -> S3Tag.builder().key(tag.getKey()).value(tag.getValue()).build())
				.toList());
		}
		return request.build();
	}

	private static JobOperation operation(JobSpec spec, BatchOperation operation, String region) {
		if (operation == BatchOperation.REPLICATE) {
			return JobOperation.builder().s3ReplicateObject(S3ReplicateObjectOperation.builder().build()).build();
		}
		DestinationSpec destination = spec.destination();
		BatchOperationsSpec batch = spec.batchOperations();
		// COPY keeps the source's metadata and content headers, as this tool's own copy
		// does.
		S3CopyObjectOperation.Builder copy = S3CopyObjectOperation.builder()
			.targetResource(S3Arns.bucket(region, destination.bucket()))
			.metadataDirective(S3MetadataDirective.COPY)
			.targetKeyPrefix(emptyToNull(destination.prefix()))
			.storageClass(destination.storageClass())
			.sseAwsKmsKeyId(destination.sseKmsKeyId())
			.cannedAccessControlList(destination.acl());
		if (batch != null) {
			copy.bucketKeyEnabled(batch.bucketKeyEnabled()).checksumAlgorithm(batch.checksumAlgorithm());
		}
		if (spec.source().requesterPays() || destination.requesterPays()) {
			// Each task's CopyObject reads the one bucket and writes the other: it says
			// the requester pays if either bucket is requester pays. The job's role pays.
			// (No expected bucket owner: the operation has none.)
			copy.requesterPays(true);
		}
		return JobOperation.builder().s3PutObjectCopy(copy.build()).build();
	}

	private static JobReport report(BatchOperationsSpec batch, String region) {
		return JobReport.builder()
			.enabled(true)
			.bucket(S3Arns.bucket(region, batch.report().bucket()))
			.format(JobReportFormat.REPORT_CSV_20180820)
			.prefix(emptyToNull(batch.report().prefix()))
			.reportScope((batch.report().scope() == BatchReportScope.FAILED_TASKS_ONLY)
					? JobReportScope.FAILED_TASKS_ONLY : JobReportScope.ALL_TASKS)
			.build();
	}

	private static JobManifest manifest(ManifestObject manifest, String region) {
		JobManifestSpec.Builder spec = JobManifestSpec.builder().format(manifest.format());
		if (!manifest.fields().isEmpty()) {
			spec.fields(manifest.fields());
		}
		return JobManifest.builder()
			.spec(spec.build())
			.location(JobManifestLocation.builder()
				.objectArn(S3Arns.object(region, manifest.bucket(), manifest.key()))
				.eTag(manifest.etag())
				.objectVersionId(manifest.versionId())
				.build())
			.build();
	}

	private static JobManifestGenerator generator(JobSpec spec, ManifestGeneratorSpec generator, String region) {
		JobManifestGeneratorFilter.Builder filter = JobManifestGeneratorFilter.builder()
			.eligibleForReplication(generator.eligibleForReplication())
			.createdAfter(generator.createdAfter())
			.createdBefore(generator.createdBefore())
			.objectSizeGreaterThanBytes(bytes(generator.sizeGreaterThan()))
			.objectSizeLessThanBytes(bytes(generator.sizeLessThan()));
		if (!generator.objectReplicationStatuses().isEmpty()) {
			filter.objectReplicationStatusesWithStrings(generator.objectReplicationStatuses()
				.stream()
				.map((status) -> status.name().toUpperCase(Locale.ROOT))
				.toList());
		}
		List<String> prefixes = generator.keyPrefixes();
		if (prefixes.isEmpty() && !spec.source().prefix().isEmpty()) {
			// The job's source prefix limits what it copies everywhere else; the
			// generated manifest too.
			prefixes = List.of(spec.source().prefix());
		}
		if (!prefixes.isEmpty()) {
			filter.keyNameConstraint(KeyNameConstraint.builder().matchAnyPrefix(prefixes).build());
		}
		if (!generator.storageClasses().isEmpty()) {
			filter.matchAnyStorageClassWithStrings(generator.storageClasses());
		}
		ManifestOutputSpec output = generator.manifestOutput();
		S3JobManifestGenerator.Builder s3 = S3JobManifestGenerator.builder()
			.sourceBucket(S3Arns.bucket(region, spec.source().bucket()))
			.enableManifestOutput(output != null)
			.filter(filter.build());
		if (output != null) {
			s3.manifestOutputLocation(S3ManifestOutputLocation.builder()
				.bucket(S3Arns.bucket(region, output.bucket()))
				.manifestPrefix(emptyToNull(output.prefix()))
				.manifestFormat(GeneratedManifestFormat.S3_INVENTORY_REPORT_CSV_20211130)
				.build());
		}
		return JobManifestGenerator.builder().s3JobManifestGenerator(s3.build()).build();
	}

	private static @Nullable Long bytes(@Nullable ByteSize size) {
		return (size != null) ? size.bytes() : null;
	}

	private static @Nullable String emptyToNull(@Nullable String text) {
		return (text == null || text.isEmpty()) ? null : text;
	}

}
