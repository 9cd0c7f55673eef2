package io.github.s3bulkcopy.report;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.s3bulkcopy.verify.VerificationMethod;
import io.github.s3bulkcopy.verify.VerifyFinding;

/**
 * The content of a verify run's {@code summary.json}. Every finding and method is listed,
 * with 0 where none occurred, so summaries of different runs line up.
 *
 * @param job the verify job's name ({@code <job>.verify})
 * @param runId the run's number
 * @param status COMPLETED (all verified), COMPLETED_WITH_FAILURES, FAILED or STOPPED
 * @param exitCode the process exit code
 * @param startTime when the run started
 * @param endTime when it ended
 * @param source the source bucket and prefix
 * @param destination the destination bucket and prefix
 * @param manifest the manifest's type and location
 * @param method the job's {@code verify.method}
 * @param required the job's {@code verify.require}
 * @param jobFileSha256 the SHA-256 of the job file, as hex
 * @param objects how many objects of each finding
 * @param methods how many objects each comparison was made for
 * @param reportFile the report's name, relative to the summary's folder
 * @param toolVersion the version of this tool that ran
 * @param filteredOut objects the job file's {@code filter} section left out of the plan,
 * by filter name (as in a copy run's summary); empty without filters
 * @param destinationLeftOutByFilters destination objects no object of the plan maps to
 * that the job's filters leave out (not counted as EXTRA_AT_DESTINATION)
 */
@JsonPropertyOrder({ "job", "runId", "status", "exitCode", "startTime", "endTime", "source", "destination", "manifest",
		"method", "required", "jobFileSha256", "objects", "methods", "reportFile", "toolVersion", "filteredOut",
		"destinationLeftOutByFilters" })
public record VerifySummary(String job, long runId, String status, int exitCode, Instant startTime, Instant endTime,
		RunSummary.Side source, RunSummary.Side destination, RunSummary.Manifest manifest, String method,
		boolean required, String jobFileSha256, Map<VerifyFinding, Long> objects, Map<VerificationMethod, Long> methods,
		String reportFile, String toolVersion, Map<String, Long> filteredOut, long destinationLeftOutByFilters) {

	/** The summary of a run that found nothing at the destination outside its plan. */
	public VerifySummary(String job, long runId, String status, int exitCode, Instant startTime, Instant endTime,
			RunSummary.Side source, RunSummary.Side destination, RunSummary.Manifest manifest, String method,
			boolean required, String jobFileSha256, Map<VerifyFinding, Long> objects,
			Map<VerificationMethod, Long> methods, String reportFile, String toolVersion,
			Map<String, Long> filteredOut) {
		this(job, runId, status, exitCode, startTime, endTime, source, destination, manifest, method, required,
				jobFileSha256, objects, methods, reportFile, toolVersion, filteredOut, 0);
	}

	/** All objects of the run, destination objects outside the plan included. */
	public long total() {
		return this.objects.values().stream().mapToLong(Long::longValue).sum();
	}

}
