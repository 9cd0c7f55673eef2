package io.github.s3bulkcopy.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.s3bulkcopy.verify.VerificationMethod;
import org.jspecify.annotations.Nullable;

/**
 * The content of {@code summary.json}: one run in numbers. Field order is fixed so that
 * summaries diff cleanly. Decimals have a fixed number of places and are written plainly
 * (never in exponent form).
 *
 * @param job the job's name
 * @param runId the run's number
 * @param status how the run ended, e.g. COMPLETED, COMPLETED_WITH_FAILURES, FAILED,
 * STOPPED (RUNNING while it goes on)
 * @param exitCode the process exit code
 * @param startTime when the run first started (ISO-8601, UTC)
 * @param endTime when it ended (ISO-8601, UTC)
 * @param durationSeconds {@code endTime - startTime}, to the millisecond (three
 * decimals); for a resumed run this includes the time between a failure and its resume
 * @param executions how many times the run was started or resumed
 * @param source the source bucket and prefix
 * @param destination the destination bucket and prefix
 * @param callerIdentities who acted on each side (role ARNs, never keys); null where not
 * known
 * @param manifest the manifest's type and location
 * @param jobFileSha256 the SHA-256 of the job file, as hex
 * @param objects the report's rows by outcome
 * @param bytes sizes added up (see {@link ReportTotals} for rows of unknown size)
 * @param verification finished rows by verdict
 * @param verificationByMethod finished rows by the comparison made, then by verdict
 * @param objectsPerSecond finished objects (copied, skipped or failed) per second of the
 * run, to two decimals; 0 for a run of no measurable duration
 * @param bytesPerSecond copied bytes per second of the run, to two decimals; 0 for a run
 * of no measurable duration
 * @param retries requests the S3 clients retried
 * @param reportFile the completion report's name, relative to the folder of
 * {@code summary.json}
 * @param toolVersion the version of this tool that ran
 * @param notCarried what the copies did not carry over from their sources, and why
 * ({@link NotCarriedList})
 * @param filteredOut objects the job file's {@code filter} section left out of the plan,
 * by filter name ({@code include}, {@code exclude}, {@code min-size}, {@code max-size},
 * {@code modified-after}, {@code modified-before}, {@code storage-classes}); each object
 * is counted under the first filter it fails; only the filters the job sets are listed,
 * so empty without filters
 * @param requests the S3 requests the run made, by side and operation
 * @param workers for a distributed run, the items (keys) each worker ({@code pid@host})
 * wrote to the ledger; left out of {@code summary.json} for a run copied in one process
 * @param concurrency the objects in flight ({@code copy.concurrency}) of the process that
 * copied and wrote the report: where they settled, and how low and high they went; left
 * out where that process copied nothing (a report written later, a distributed run)
 */
@JsonPropertyOrder({ "job", "runId", "status", "exitCode", "startTime", "endTime", "durationSeconds", "executions",
		"source", "destination", "callerIdentities", "manifest", "jobFileSha256", "objects", "bytes", "verification",
		"verificationByMethod", "objectsPerSecond", "bytesPerSecond", "retries", "reportFile", "toolVersion",
		"notCarried", "filteredOut", "requests", "workers", "concurrency" })
public record RunSummary(String job, long runId, String status, int exitCode, Instant startTime, Instant endTime,
		BigDecimal durationSeconds, int executions, Side source, Side destination, CallerIdentities callerIdentities,
		Manifest manifest, String jobFileSha256, ObjectCounts objects, ByteCounts bytes,
		VerificationCounts verification, Map<String, VerificationCounts> verificationByMethod,
		BigDecimal objectsPerSecond, BigDecimal bytesPerSecond, Retries retries, String reportFile, String toolVersion,
		List<NotCarriedEntry> notCarried, Map<String, Long> filteredOut, Requests requests,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> workers,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable ConcurrencyFigures concurrency) {

	/** A summary whose objects in flight are not known. */
	public RunSummary(String job, long runId, String status, int exitCode, Instant startTime, Instant endTime,
			BigDecimal durationSeconds, int executions, Side source, Side destination,
			CallerIdentities callerIdentities, Manifest manifest, String jobFileSha256, ObjectCounts objects,
			ByteCounts bytes, VerificationCounts verification, Map<String, VerificationCounts> verificationByMethod,
			BigDecimal objectsPerSecond, BigDecimal bytesPerSecond, Retries retries, String reportFile,
			String toolVersion, List<NotCarriedEntry> notCarried, Map<String, Long> filteredOut, Requests requests,
			Map<String, Long> workers) {
		this(job, runId, status, exitCode, startTime, endTime, durationSeconds, executions, source, destination,
				callerIdentities, manifest, jobFileSha256, objects, bytes, verification, verificationByMethod,
				objectsPerSecond, bytesPerSecond, retries, reportFile, toolVersion, notCarried, filteredOut, requests,
				workers, null);
	}

	/** A summary of a run copied in one process. */
	public RunSummary(String job, long runId, String status, int exitCode, Instant startTime, Instant endTime,
			BigDecimal durationSeconds, int executions, Side source, Side destination,
			CallerIdentities callerIdentities, Manifest manifest, String jobFileSha256, ObjectCounts objects,
			ByteCounts bytes, VerificationCounts verification, Map<String, VerificationCounts> verificationByMethod,
			BigDecimal objectsPerSecond, BigDecimal bytesPerSecond, Retries retries, String reportFile,
			String toolVersion, List<NotCarriedEntry> notCarried, Map<String, Long> filteredOut, Requests requests) {
		this(job, runId, status, exitCode, startTime, endTime, durationSeconds, executions, source, destination,
				callerIdentities, manifest, jobFileSha256, objects, bytes, verification, verificationByMethod,
				objectsPerSecond, bytesPerSecond, retries, reportFile, toolVersion, notCarried, filteredOut, requests,
				Map.of());
	}

	/** A summary of a run without filters that lists no requests. */
	public RunSummary(String job, long runId, String status, int exitCode, Instant startTime, Instant endTime,
			BigDecimal durationSeconds, int executions, Side source, Side destination,
			CallerIdentities callerIdentities, Manifest manifest, String jobFileSha256, ObjectCounts objects,
			ByteCounts bytes, VerificationCounts verification, Map<String, VerificationCounts> verificationByMethod,
			BigDecimal objectsPerSecond, BigDecimal bytesPerSecond, Retries retries, String reportFile,
			String toolVersion, List<NotCarriedEntry> notCarried) {
		this(job, runId, status, exitCode, startTime, endTime, durationSeconds, executions, source, destination,
				callerIdentities, manifest, jobFileSha256, objects, bytes, verification, verificationByMethod,
				objectsPerSecond, bytesPerSecond, retries, reportFile, toolVersion, notCarried, Map.of(),
				Requests.NONE);
	}

	/** A summary that lists nothing as not carried. */
	public RunSummary(String job, long runId, String status, int exitCode, Instant startTime, Instant endTime,
			BigDecimal durationSeconds, int executions, Side source, Side destination,
			CallerIdentities callerIdentities, Manifest manifest, String jobFileSha256, ObjectCounts objects,
			ByteCounts bytes, VerificationCounts verification, Map<String, VerificationCounts> verificationByMethod,
			BigDecimal objectsPerSecond, BigDecimal bytesPerSecond, Retries retries, String reportFile,
			String toolVersion) {
		this(job, runId, status, exitCode, startTime, endTime, durationSeconds, executions, source, destination,
				callerIdentities, manifest, jobFileSha256, objects, bytes, verification, verificationByMethod,
				objectsPerSecond, bytesPerSecond, retries, reportFile, toolVersion, List.of());
	}

	/**
	 * The summary of a run whose completion report added up to {@code totals}.
	 * @param run what is known about the run
	 * @param totals what {@link CompletionReportWriter} counted
	 * @param reportFile the completion report's name, relative to the summary's folder
	 */
	public static RunSummary of(RunMetadata run, ReportTotals totals, String reportFile) {
		return of(run,
				new RunFacts(totals, Map.of(), Map.of(), java.util.List.of(), totals.failed(), java.util.List.of()),
				reportFile);
	}

	/**
	 * The summary of a run from everything one pass over its rows found.
	 * @param run what is known about the run
	 * @param facts what the pass counted
	 * @param reportFile the completion report's name, relative to the summary's folder
	 */
	public static RunSummary of(RunMetadata run, RunFacts facts, String reportFile) {
		ReportTotals totals = facts.totals();
		long millis = Duration.between(run.startTime(), run.endTime()).toMillis();
		BigDecimal seconds = BigDecimal.valueOf(millis, 3);
		Map<String, VerificationCounts> byMethod = new LinkedHashMap<>();
		for (VerificationMethod method : VerificationMethod.values()) {
			RunFacts.VerdictCounts counts = facts.byMethod().get(method);
			if (counts != null) {
				byMethod.put(method.name(),
						new VerificationCounts(counts.verified(), counts.mismatch(), counts.notVerified()));
			}
		}
		long retried = run.retries().values().stream().mapToLong(Long::longValue).sum();
		return new RunSummary(run.job(), run.runId(), run.status(), run.exitCode(), run.startTime(), run.endTime(),
				seconds, run.executions(), run.source(), run.destination(), run.callerIdentities(), run.manifest(),
				run.jobFileSha256(),
				new ObjectCounts(totals.objects(), totals.copied(), totals.skipped(), totals.failed(), totals.pending(),
						totals.skippedInvalidKey(), totals.archived(), totals.restorePending(), totals.deleted(),
						totals.extras()),
				new ByteCounts(totals.bytesTotal(), totals.bytesCopied()),
				new VerificationCounts(totals.verified(), totals.mismatch(), totals.notVerified()), byMethod,
				rate(totals.finished(), millis), rate(totals.bytesCopied(), millis),
				new Retries(retried, run.retries()), reportFile, run.toolVersion(),
				NotCarriedList.of(facts, run.settings()), run.filteredOut(),
				Requests.of(run.requests(), run.requestRetries()), run.workers(), run.concurrency());
	}

	private static BigDecimal rate(long count, long millis) {
		return (millis > 0) ? BigDecimal.valueOf(count).divide(BigDecimal.valueOf(millis, 3), 2, RoundingMode.HALF_UP)
				: BigDecimal.ZERO.setScale(2);
	}

	/**
	 * One side of the copy.
	 *
	 * @param bucket the bucket
	 * @param prefix the key prefix ({@code ""} for the whole bucket)
	 */
	@JsonPropertyOrder({ "bucket", "prefix" })
	public record Side(String bucket, String prefix) {

	}

	/**
	 * Who acted on each side, as STS names them (an assumed role's ARN); never keys.
	 *
	 * @param source the identity that read the source, if known
	 * @param destination the identity that wrote the destination, if known
	 */
	@JsonPropertyOrder({ "source", "destination" })
	public record CallerIdentities(@Nullable String source, @Nullable String destination) {

		/** Neither side's identity known. */
		public static final CallerIdentities UNKNOWN = new CallerIdentities(null, null);

	}

	/**
	 * Where the list of objects came from.
	 *
	 * @param type the manifest type, e.g. INVENTORY, CSV, LISTING
	 * @param location a local path or {@code s3://} URI; null for a listing
	 */
	@JsonPropertyOrder({ "type", "location" })
	public record Manifest(String type, @Nullable String location) {

	}

	/**
	 * Objects by outcome;
	 * {@code total = copied + skipped + failed + pending + skippedInvalidKey + archived +
	 * restorePending}.
	 *
	 * @param total all objects of the run
	 * @param copied copied
	 * @param skipped already at the destination, unchanged
	 * @param failed not copied, or copied and found not to match
	 * @param pending not dealt with (an unfinished run)
	 * @param skippedInvalidKey not copied because the destination key would be empty (not
	 * a failure)
	 * @param archived not copied: the source is archived and not restored, and the job
	 * asks for no restores
	 * @param restorePending not copied yet: the source's restore has not finished; a
	 * later run copies it
	 * @param deleted not in {@code total}: destination objects under the destination
	 * prefix that no object of the plan maps to, deleted by a mirror
	 * ({@code copy.delete-extraneous})
	 * @param extraAtDestination not in {@code total}: such destination objects left in
	 * place (more than {@code copy.max-deletes}, or S3 refused the deletion)
	 */
	@JsonPropertyOrder({ "total", "copied", "skipped", "failed", "pending", "skippedInvalidKey", "archived",
			"restorePending", "deleted", "extraAtDestination" })
	public record ObjectCounts(long total, long copied, long skipped, long failed, long pending, long skippedInvalidKey,
			long archived, long restorePending, long deleted, long extraAtDestination) {

		/** Counts of a run that found no destination objects outside its plan. */
		public ObjectCounts(long total, long copied, long skipped, long failed, long pending, long skippedInvalidKey,
				long archived, long restorePending) {
			this(total, copied, skipped, failed, pending, skippedInvalidKey, archived, restorePending, 0, 0);
		}

	}

	/**
	 * Bytes.
	 *
	 * @param total the sizes of all objects whose size is known
	 * @param copied the sizes of the copied objects
	 */
	@JsonPropertyOrder({ "total", "copied" })
	public record ByteCounts(long total, long copied) {

	}

	/**
	 * Finished objects by verdict; pending objects have none.
	 *
	 * @param verified compared and equal
	 * @param mismatch compared and different
	 * @param notVerified no valid comparison made
	 */
	@JsonPropertyOrder({ "verified", "mismatch", "notVerified" })
	public record VerificationCounts(long verified, long mismatch, long notVerified) {

	}

	/**
	 * One property the copies did not carry over from their sources.
	 *
	 * @param what the property, e.g. {@code object lock}
	 * @param objects how many copied objects it concerns
	 * @param why why it was not carried
	 */
	@JsonPropertyOrder({ "what", "objects", "why" })
	public record NotCarriedEntry(String what, long objects, String why) {

	}

	/**
	 * Requests the S3 clients retried (each retried attempt once), counted in the
	 * processes that ran the run.
	 *
	 * @param total all retries
	 * @param byErrorCode retries by the error code of the attempt that failed (an S3
	 * error code such as {@code SlowDown}, {@code HTTP 503} where the answer had none, or
	 * the exception's name where there was no answer)
	 */
	@JsonPropertyOrder({ "total", "byErrorCode" })
	public record Retries(long total, Map<String, Long> byErrorCode) {

	}

	/**
	 * The S3 requests a run made, counted per attempt in the processes that ran it (every
	 * execution of a resumed run), by the side whose credentials made them and by
	 * operation.
	 *
	 * @param total every attempt, retries included
	 * @param retries the attempts among them that retried an earlier attempt of the same
	 * request
	 * @param bySide {@code source} and {@code destination} (and {@code other} for clients
	 * of neither side), each by operation name (e.g. {@code GetObject}), sorted
	 */
	@JsonPropertyOrder({ "total", "retries", "bySide" })
	public record Requests(long total, long retries, Map<String, Map<String, OperationCount>> bySide) {

		/** No requests counted. */
		public static final Requests NONE = new Requests(0, 0, Map.of());

		/**
		 * The requests from counts keyed {@code side/Operation}.
		 * @param attempts attempts, retries included
		 * @param retried the retried attempts among them
		 */
		public static Requests of(Map<String, Long> attempts, Map<String, Long> retried) {
			Map<String, Map<String, OperationCount>> bySide = new TreeMap<>();
			long total = 0;
			long retries = 0;
			for (Map.Entry<String, Long> entry : new TreeMap<>(attempts).entrySet()) {
				int slash = entry.getKey().indexOf('/');
				String side = (slash > 0) ? entry.getKey().substring(0, slash) : "other";
				String operation = entry.getKey().substring(slash + 1);
				long retriedHere = retried.getOrDefault(entry.getKey(), 0L);
				bySide.computeIfAbsent(side, (name) -> new TreeMap<>())
					.put(operation, new OperationCount(entry.getValue(), retriedHere));
				total += entry.getValue();
				retries += retriedHere;
			}
			return new Requests(total, retries, bySide);
		}

		/**
		 * Attempts of one operation on one side, retries included; 0 when none was made.
		 */
		public long attempts(String side, String operation) {
			OperationCount count = this.bySide.getOrDefault(side, Map.of()).get(operation);
			return (count != null) ? count.requests() : 0;
		}

	}

	/**
	 * One operation's requests.
	 *
	 * @param requests attempts, retries included
	 * @param retries the retried attempts among them
	 */
	@JsonPropertyOrder({ "requests", "retries" })
	public record OperationCount(long requests, long retries) {

	}

	/**
	 * The objects in flight of the process that copied ({@code copy.concurrency}).
	 *
	 * @param setting {@code auto} or the fixed number, as the job file says
	 * @param minimum the fewest it may have in flight ({@code copy.min-concurrency} with
	 * {@code auto}; 1 with a fixed number, which is cut down to it while S3 throttles)
	 * @param maximum the most ({@code copy.max-concurrency} with {@code auto}, else the
	 * fixed number)
	 * @param start the limit it started at
	 * @param settled the limit at the end of the copy: where it settled
	 * @param lowest the lowest the limit went
	 * @param highest the highest the limit went
	 * @param throttledAnswers answers that throttled (503 SlowDown and the like), each of
	 * which counts against the limit
	 * @param unansweredAttempts attempts that got no answer (timeouts, resets), which
	 * count against it too
	 */
	@JsonPropertyOrder({ "setting", "minimum", "maximum", "start", "settled", "lowest", "highest", "throttledAnswers",
			"unansweredAttempts" })
	public record ConcurrencyFigures(String setting, int minimum, int maximum, int start, int settled, int lowest,
			int highest, long throttledAnswers, long unansweredAttempts) {

	}

}
