package io.github.s3bulkcopy.jobfile;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;

/**
 * A manifest S3 generates when the Batch Operations job is created
 * ({@code S3JobManifestGenerator}), from the source bucket and these filters, instead of
 * the job's own manifest. Every filter is optional; they all apply together.
 *
 * @param eligibleForReplication only objects the bucket's replication configuration
 * applies to
 * @param objectReplicationStatuses only objects whose replication status is one of these
 * @param createdAfter only objects created after this instant (ISO-8601, e.g.
 * 2026-01-01T00:00:00Z)
 * @param createdBefore only objects created before this instant
 * @param keyPrefixes only keys starting with one of these
 * @param sizeGreaterThan only objects larger than this
 * @param sizeLessThan only objects smaller than this
 * @param storageClasses only objects of one of these storage classes (STANDARD, GLACIER,
 * ...)
 * @param manifestOutput also write the generated manifest to this location, to keep with
 * the audit trail
 */
public record ManifestGeneratorSpec(@Nullable Boolean eligibleForReplication,
		List<ObjectReplicationStatus> objectReplicationStatuses, @Nullable Instant createdAfter,
		@Nullable Instant createdBefore, List<String> keyPrefixes, @Nullable ByteSize sizeGreaterThan,
		@Nullable ByteSize sizeLessThan, List<String> storageClasses,
		@Nullable @Valid ManifestOutputSpec manifestOutput) {

	/** Absent lists are empty: no filter on that property. */
	@SuppressWarnings("ConstantValue")
	public ManifestGeneratorSpec {
		objectReplicationStatuses = (objectReplicationStatuses != null) ? List.copyOf(objectReplicationStatuses)
				: List.of();
		keyPrefixes = (keyPrefixes != null) ? List.copyOf(keyPrefixes) : List.of();
		storageClasses = (storageClasses != null) ? List.copyOf(storageClasses) : List.of();
	}

}
