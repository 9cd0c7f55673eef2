package io.github.s3bulkcopy.report;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * What the report needs to know about a run besides its ledger rows.
 *
 * @param job the job's name (its report folder's name)
 * @param runId the run's number (its report subfolder's name)
 * @param status how the run ended, e.g. COMPLETED, COMPLETED_WITH_FAILURES, FAILED,
 * STOPPED, or RUNNING for a report of a run still going on
 * @param exitCode the process exit code the run ends with
 * @param startTime when the run first started
 * @param endTime when it ended (or stopped, or now for a running run); not before
 * {@code startTime}
 * @param executions how many times the run was started or resumed
 * @param source the source bucket and prefix
 * @param destination the destination bucket and prefix; its bucket is written on every
 * report row
 * @param callerIdentities who acted on each side, where known
 * @param manifest the manifest's type and location
 * @param jobFileSha256 the SHA-256 of the job file as hex, tying the report to the exact
 * file that was run
 * @param toolVersion the version of this tool that ran
 * @param retries requests the S3 clients retried, by the error code of the failed attempt
 * @param settings the job's settings as {@code property = value} lines, in the job file's
 * order
 * @param filteredOut objects the job file's filters left out of the plan, by filter name
 * in the order they apply; empty when no filter is set
 * @param requests request attempts the S3 clients made, retries included, by
 * {@code side/Operation} (e.g. {@code source/GetObject})
 * @param requestRetries the retried attempts among {@code requests}, by
 * {@code side/Operation}
 * @param workers for a distributed run, the items (keys) each worker wrote to the ledger,
 * by worker id; empty for a run copied in one process
 * @param concurrency the objects in flight of the process that wrote the report, where it
 * copied; null where it copied none (a report written later, a distributed run's manager)
 */
public record RunMetadata(String job, long runId, String status, int exitCode, Instant startTime, Instant endTime,
		int executions, RunSummary.Side source, RunSummary.Side destination,
		RunSummary.CallerIdentities callerIdentities, RunSummary.Manifest manifest, String jobFileSha256,
		String toolVersion, Map<String, Long> retries, List<Setting> settings, Map<String, Long> filteredOut,
		Map<String, Long> requests, Map<String, Long> requestRetries, Map<String, Long> workers,
		RunSummary.@Nullable ConcurrencyFigures concurrency) {

	public RunMetadata {
		Objects.requireNonNull(job, "job is required");
		Objects.requireNonNull(status, "status is required");
		Objects.requireNonNull(startTime, "startTime is required");
		Objects.requireNonNull(endTime, "endTime is required");
		Objects.requireNonNull(source, "source is required");
		Objects.requireNonNull(destination, "destination is required");
		Objects.requireNonNull(callerIdentities, "callerIdentities is required");
		Objects.requireNonNull(manifest, "manifest is required");
		Objects.requireNonNull(jobFileSha256, "jobFileSha256 is required");
		Objects.requireNonNull(toolVersion, "toolVersion is required");
		if (endTime.isBefore(startTime)) {
			throw new IllegalArgumentException("endTime " + endTime + " is before startTime " + startTime);
		}
		retries = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(retries, "retries is required")));
		settings = List.copyOf(Objects.requireNonNull(settings, "settings is required"));
		filteredOut = Collections
			.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(filteredOut, "filteredOut is required")));
		requests = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(requests, "requests is required")));
		requestRetries = Collections
			.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(requestRetries, "requestRetries is required")));
		workers = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(workers, "workers is required")));
	}

	/** A run whose objects in flight are not known here. */
	public RunMetadata(String job, long runId, String status, int exitCode, Instant startTime, Instant endTime,
			int executions, RunSummary.Side source, RunSummary.Side destination,
			RunSummary.CallerIdentities callerIdentities, RunSummary.Manifest manifest, String jobFileSha256,
			String toolVersion, Map<String, Long> retries, List<Setting> settings, Map<String, Long> filteredOut,
			Map<String, Long> requests, Map<String, Long> requestRetries, Map<String, Long> workers) {
		this(job, runId, status, exitCode, startTime, endTime, executions, source, destination, callerIdentities,
				manifest, jobFileSha256, toolVersion, retries, settings, filteredOut, requests, requestRetries, workers,
				null);
	}

	/** A run copied in one process (no workers of a distributed run). */
	public RunMetadata(String job, long runId, String status, int exitCode, Instant startTime, Instant endTime,
			int executions, RunSummary.Side source, RunSummary.Side destination,
			RunSummary.CallerIdentities callerIdentities, RunSummary.Manifest manifest, String jobFileSha256,
			String toolVersion, Map<String, Long> retries, List<Setting> settings, Map<String, Long> filteredOut,
			Map<String, Long> requests, Map<String, Long> requestRetries) {
		this(job, runId, status, exitCode, startTime, endTime, executions, source, destination, callerIdentities,
				manifest, jobFileSha256, toolVersion, retries, settings, filteredOut, requests, requestRetries,
				Map.of());
	}

	/** A run with no requests counted. */
	public RunMetadata(String job, long runId, String status, int exitCode, Instant startTime, Instant endTime,
			int executions, RunSummary.Side source, RunSummary.Side destination,
			RunSummary.CallerIdentities callerIdentities, RunSummary.Manifest manifest, String jobFileSha256,
			String toolVersion, Map<String, Long> retries, List<Setting> settings, Map<String, Long> filteredOut) {
		this(job, runId, status, exitCode, startTime, endTime, executions, source, destination, callerIdentities,
				manifest, jobFileSha256, toolVersion, retries, settings, filteredOut, Map.of(), Map.of());
	}

	/** A run whose job sets no filter. */
	public RunMetadata(String job, long runId, String status, int exitCode, Instant startTime, Instant endTime,
			int executions, RunSummary.Side source, RunSummary.Side destination,
			RunSummary.CallerIdentities callerIdentities, RunSummary.Manifest manifest, String jobFileSha256,
			String toolVersion, Map<String, Long> retries, List<Setting> settings, Map<String, Long> requests,
			Map<String, Long> requestRetries) {
		this(job, runId, status, exitCode, startTime, endTime, executions, source, destination, callerIdentities,
				manifest, jobFileSha256, toolVersion, retries, settings, Map.of(), requests, requestRetries);
	}

	/** A run whose job sets no filter, with no requests counted. */
	public RunMetadata(String job, long runId, String status, int exitCode, Instant startTime, Instant endTime,
			int executions, RunSummary.Side source, RunSummary.Side destination,
			RunSummary.CallerIdentities callerIdentities, RunSummary.Manifest manifest, String jobFileSha256,
			String toolVersion, Map<String, Long> retries, List<Setting> settings) {
		this(job, runId, status, exitCode, startTime, endTime, executions, source, destination, callerIdentities,
				manifest, jobFileSha256, toolVersion, retries, settings, Map.of(), Map.of(), Map.of());
	}

	/**
	 * A run started once, with no retries counted, no known identities and no settings
	 * listed.
	 */
	public RunMetadata(String job, long runId, String status, int exitCode, Instant startTime, Instant endTime,
			RunSummary.Side source, RunSummary.Side destination, RunSummary.Manifest manifest, String jobFileSha256,
			String toolVersion) {
		this(job, runId, status, exitCode, startTime, endTime, 1, source, destination,
				RunSummary.CallerIdentities.UNKNOWN, manifest, jobFileSha256, toolVersion, Map.of(), List.of());
	}

	/**
	 * One setting of the job, as the report lists it.
	 *
	 * @param property the job file property, e.g. {@code copy.concurrency}
	 * @param value its value as text; empty when unset
	 */
	public record Setting(String property, String value) {
	}

}
