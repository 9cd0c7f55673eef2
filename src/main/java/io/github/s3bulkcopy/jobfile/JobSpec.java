package io.github.s3bulkcopy.jobfile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A job file ({@code jobs/*.yml}): what to copy from where to where, and how. Bound from
 * YAML and validated before any work starts.
 *
 * @param name identifies the job in the job repository and in report paths
 * @param source the bucket objects are copied from
 * @param destination the bucket objects are copied to
 * @param manifest which objects to copy
 * @param copy how to copy them
 * @param verify how to prove each copy arrived intact
 * @param report where the completion report goes
 * @param batchOperations how the job is handed to S3 Batch Operations (replicate,
 * batch-copy); absent when it is not
 * @param schedule when the {@code schedule} command runs the job; absent when it is run
 * by hand or an outside scheduler
 * @param filter which of the manifest's objects are planned; every object when absent
 */
public record JobSpec(@NotNull @Pattern(regexp = JobSpec.NAME_PATTERN,
		message = "must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit") String name,
		@NotNull @Valid SourceSpec source, @NotNull @Valid DestinationSpec destination,
		@NotNull @Valid ManifestSpec manifest, @DefaultValue @Valid CopySpec copy,
		@DefaultValue @Valid VerifySpec verify, @DefaultValue @Valid ReportSpec report,
		@Nullable @Valid BatchOperationsSpec batchOperations, @Nullable @Valid ScheduleSpec schedule,
		@DefaultValue FilterSpec filter) {

	/** What a job's name may be. */
	public static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

}
