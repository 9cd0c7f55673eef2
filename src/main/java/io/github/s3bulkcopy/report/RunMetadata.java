package io.github.s3bulkcopy.report;

import java.time.Instant;
import java.util.Objects;

/**
 * What the report needs to know about a run besides its ledger rows.
 *
 * @param job the job's name (its report folder's name)
 * @param runId the run's id (its report subfolder's name)
 * @param status how the run ended, e.g. COMPLETED, COMPLETED_WITH_FAILURES, FAILED, STOPPED
 * @param exitCode the process exit code the run ends with
 * @param startTime when the run started
 * @param endTime when it ended (or stopped); not before {@code startTime}
 * @param source the source bucket and prefix
 * @param destination the destination bucket and prefix; its bucket is written on every report row
 * @param manifest the manifest's type and location
 * @param jobFileSha256 the SHA-256 of the job file as hex, tying the report to the exact file that was run
 * @param toolVersion the version of this tool that ran
 */
public record RunMetadata(String job, long runId, String status, int exitCode, Instant startTime, Instant endTime,
		RunSummary.Side source, RunSummary.Side destination, RunSummary.Manifest manifest, String jobFileSha256,
		String toolVersion) {

	public RunMetadata {
		Objects.requireNonNull(job, "job is required");
		Objects.requireNonNull(status, "status is required");
		Objects.requireNonNull(startTime, "startTime is required");
		Objects.requireNonNull(endTime, "endTime is required");
		Objects.requireNonNull(source, "source is required");
		Objects.requireNonNull(destination, "destination is required");
		Objects.requireNonNull(manifest, "manifest is required");
		Objects.requireNonNull(jobFileSha256, "jobFileSha256 is required");
		Objects.requireNonNull(toolVersion, "toolVersion is required");
		if (endTime.isBefore(startTime)) {
			throw new IllegalArgumentException("endTime " + endTime + " is before startTime " + startTime);
		}
	}

}
