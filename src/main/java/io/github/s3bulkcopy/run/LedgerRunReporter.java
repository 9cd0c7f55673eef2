package io.github.s3bulkcopy.run;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.github.s3bulkcopy.ExitCodes;
import io.github.s3bulkcopy.credentials.CallerIdentities;
import io.github.s3bulkcopy.jobfile.JobFile;
import io.github.s3bulkcopy.jobfile.JobSpec;
import io.github.s3bulkcopy.ledger.DestinationExtras;
import io.github.s3bulkcopy.ledger.ExtraCounts;
import io.github.s3bulkcopy.ledger.ExtraObject;
import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.ledger.LedgerCounts;
import io.github.s3bulkcopy.ledger.LedgerRow;
import io.github.s3bulkcopy.metrics.RequestCounter;
import io.github.s3bulkcopy.metrics.RetryCounter;
import io.github.s3bulkcopy.pacing.AdaptiveLimit;
import io.github.s3bulkcopy.plan.PlanFilter;
import io.github.s3bulkcopy.plan.PlanStep;
import io.github.s3bulkcopy.report.ReportService;
import io.github.s3bulkcopy.report.ReportUploader;
import io.github.s3bulkcopy.report.RunIndexWriter;
import io.github.s3bulkcopy.report.RunMetadata;
import io.github.s3bulkcopy.report.RunSummary;
import io.github.s3bulkcopy.report.SetLocation;
import io.github.s3bulkcopy.report.WrittenReport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.util.Assert;

/**
 * Writes a run's report set from its ledger rows, streamed in key order, into the job's
 * report location, and uploads it when that location is in S3. Also keeps the run's retry
 * and request counts: what this process's S3 clients retried and requested is added to
 * the job execution's context (once, however often a report is written), so a report
 * written later by another process counts the retries and requests of every execution of
 * the run.
 */
public class LedgerRunReporter implements RunReporter, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LedgerRunReporter.class);

	/**
	 * Prefix of the execution context keys holding one execution's retries by error code.
	 */
	public static final String RETRIES_KEY = "s3bulkcopy.retries.";

	/**
	 * Prefix of the execution context keys holding one execution's request attempts by
	 * side and operation.
	 */
	public static final String REQUESTS_KEY = "s3bulkcopy.requests.";

	/**
	 * Prefix of the execution context keys holding one execution's retried attempts by
	 * side and operation.
	 */
	public static final String REQUEST_RETRIES_KEY = "s3bulkcopy.requestRetries.";

	private final JobFile jobFile;

	private final JdbcLedger ledger;

	private final ReportedCounts reported = new ReportedCounts();

	private final JobRepository jobRepository;

	private final RetryCounter retries;

	private final RequestCounter requests;

	private final @Nullable ReportUploader uploader;

	private final ReportService reports = new ReportService();

	private final CallerIdentities identities;

	private final @Nullable DestinationExtras extras;

	private final @Nullable AdaptiveLimit concurrency;

	/** A reporter of runs that find no destination objects outside their plan. */
	public LedgerRunReporter(JobFile jobFile, JdbcLedger ledger, JobRepository jobRepository, RetryCounter retries,
			@Nullable ReportUploader uploader, CallerIdentities identities, RequestCounter requests) {
		this(jobFile, ledger, jobRepository, retries, uploader, identities, requests, null);
	}

	/**
	 * @param jobFile the job whose runs are reported
	 * @param ledger the ledger rows come from
	 * @param jobRepository the runs' executions and their contexts
	 * @param retries what this process's S3 clients retried
	 * @param uploader uploads sets when the report location is in S3; null when it is a
	 * local folder
	 * @param identities who each side acts as, for the summary
	 * @param requests what this process's S3 clients requested
	 * @param extras a mirror's destination objects outside the plan, reported after the
	 * plan's objects; null when runs delete none
	 */
	public LedgerRunReporter(JobFile jobFile, JdbcLedger ledger, JobRepository jobRepository, RetryCounter retries,
			@Nullable ReportUploader uploader, CallerIdentities identities, RequestCounter requests,
			@Nullable DestinationExtras extras) {
		this(jobFile, ledger, jobRepository, retries, uploader, identities, requests, extras, null);
	}

	/**
	 * A reporter that also reports this process's objects in flight.
	 * @param concurrency the limit on this process's objects in flight; null when not
	 * known
	 */
	public LedgerRunReporter(JobFile jobFile, JdbcLedger ledger, JobRepository jobRepository, RetryCounter retries,
			@Nullable ReportUploader uploader, CallerIdentities identities, RequestCounter requests,
			@Nullable DestinationExtras extras, @Nullable AdaptiveLimit concurrency) {
		Assert.notNull(requests, "requests is required");
		this.concurrency = concurrency;
		this.extras = extras;
		this.requests = requests;
		Assert.notNull(jobFile, "jobFile is required");
		Assert.notNull(ledger, "ledger is required");
		Assert.notNull(jobRepository, "jobRepository is required");
		Assert.notNull(retries, "retries is required");
		Assert.notNull(identities, "identities is required");
		this.identities = identities;
		Assert.isTrue(!jobFile.spec().report().isS3() || uploader != null,
				"an s3:// report location needs an uploader");
		this.jobFile = jobFile;
		this.ledger = ledger;
		this.jobRepository = jobRepository;
		this.retries = retries;
		this.uploader = uploader;
	}

	@Override
	public Path write(JobExecution execution) throws Exception {
		long run = RunLauncher.runNumber(execution);
		SetLocation location = location(run);
		WrittenReport report = write(execution, directory(name(), run), location);
		new RunIndexWriter().write(report.folder().getParent(), run);
		if (this.uploader != null) {
			List<String> keys = this.uploader.upload(report, location);
			logger.info("Uploaded the report of run {} to s3://{}/{} ({} files)", run, location.bucket(),
					location.keyPrefix(), keys.size());
		}
		return report.folder();
	}

	/**
	 * Writes the set of a run into {@code folder}, to stay on disk (nothing is uploaded).
	 */
	public WrittenReport writeInto(JobExecution execution, Path folder) throws Exception {
		return write(execution, folder, SetLocation.LOCAL);
	}

	private WrittenReport write(JobExecution execution, Path folder, SetLocation location) throws Exception {
		long runId = execution.getJobInstance().getInstanceId();
		LedgerCounts counts = this.reported.kept(this.ledger, execution);
		List<JobExecution> executions = this.jobRepository.getJobExecutions(execution.getJobInstance());
		Map<String, Long> retried = retries(execution, executions);
		RequestCounter.Drained drained = this.requests.drain();
		Map<String, Long> requested = summed(execution, executions, REQUESTS_KEY, drained.attempts());
		Map<String, Long> requestRetries = summed(execution, executions, REQUEST_RETRIES_KEY, drained.retries());
		Instant start = executions.stream()
			.map(JobExecution::getStartTime)
			.filter((time) -> time != null)
			.min(LocalDateTime::compareTo)
			.map((time) -> instant(time, Instant.now()))
			.orElse(instant(execution.getStartTime(), Instant.now()));
		Instant end = instant(execution.getEndTime(), Instant.now());
		if (end.isBefore(start)) {
			end = start;
		}
		ExtraCounts extraCounts = extras(runId);
		String status = status(execution.getStatus(), counts);
		if ("COMPLETED".equals(status) && extraCounts.failed() > 0) {
			status = "COMPLETED_WITH_FAILURES";
		}
		// A completed mirror leaves extras FOUND only when it refused to delete them
		// (copy.max-deletes).
		int exitCode = ("COMPLETED".equals(status) && extraCounts.found() > 0) ? ExitCodes.DELETES_REFUSED
				: exitCode(status);
		JobSpec spec = this.jobFile.spec();
		String sha = execution.getJobParameters().getString(RunLauncher.JOB_FILE_SHA256);
		if (sha != null && !sha.equals(this.jobFile.sha256())) {
			logger.warn(
					"The job file changed since run {} started: the report records the SHA-256 of the file the "
							+ "run started with and the settings of the file as it is now",
					RunLauncher.runNumber(execution));
		}
		RunMetadata metadata = new RunMetadata(spec.name(), RunLauncher.runNumber(execution), status, exitCode, start,
				end, Math.max(1, executions.size()),
				new RunSummary.Side(spec.source().bucket(), spec.source().prefix()),
				new RunSummary.Side(spec.destination().bucket(), spec.destination().prefix()),
				new RunSummary.CallerIdentities(this.identities.of("source", spec.source()),
						this.identities.of("destination", spec.destination())),
				new RunSummary.Manifest(spec.manifest().type().name().toLowerCase(Locale.ROOT),
						RunLauncher.manifestOf(execution, spec.manifest().location())),
				(sha != null) ? sha : this.jobFile.sha256(), ToolVersion.get(), retried, JobSettings.of(spec),
				PlanFilter.countsIn(execution.getExecutionContext()), requested, requestRetries,
				this.ledger.workerShares(runId), concurrency(spec));
		boolean planInKeyOrder = PlanStep.inKeyOrder(execution.getExecutionContext());
		if (this.extras == null || extraCounts.total() == 0) {
			try (Stream<LedgerRow> rows = this.ledger.streamByKey(runId, planInKeyOrder)) {
				return this.reports.writeInto(folder, location, metadata, rows.iterator());
			}
		}
		// The plan's objects by key, then the destination objects outside it in listing
		// order.
		try (Stream<LedgerRow> rows = this.ledger.streamByKey(runId, planInKeyOrder);
				Stream<ExtraObject> extraRows = this.extras.stream(runId)) {
			String sourceBucket = spec.source().bucket();
			return this.reports.writeInto(folder, location, metadata,
					Stream.concat(rows, extraRows.map((extra) -> ExtraRows.ledgerRow(extra, sourceBucket))).iterator());
		}
	}

	/**
	 * This process's objects in flight, when it copied (or was throttled): a report
	 * written by a process that copied nothing would show a limit that never moved.
	 */
	private RunSummary.@Nullable ConcurrencyFigures concurrency(JobSpec spec) {
		AdaptiveLimit limit = this.concurrency;
		if (limit == null || (limit.finishedObjects() == 0 && limit.throttledAnswers() == 0)) {
			return null;
		}
		return figures(spec.copy().concurrency().toString(), limit);
	}

	/** The figures of a limit on objects in flight, for {@code summary.json}. */
	public static RunSummary.ConcurrencyFigures figures(String setting, AdaptiveLimit limit) {
		return new RunSummary.ConcurrencyFigures(setting, limit.minimum(), limit.maximum(), limit.start(),
				limit.current(), limit.lowest(), limit.highest(), limit.throttledAnswers(), limit.unansweredAttempts());
	}

	@Override
	public ExtraCounts extras(long runId) {
		return (this.extras != null) ? this.extras.counts(runId) : ExtraCounts.NONE;
	}

	/**
	 * The run's status as the report names it. A run still marked started with objects
	 * pending is RUNNING (or was killed and not yet resumed); one marked started with
	 * none pending is in its report step, about to complete.
	 */
	static String status(BatchStatus batchStatus, LedgerCounts counts) {
		if (batchStatus == BatchStatus.STOPPED || batchStatus == BatchStatus.STOPPING) {
			return "STOPPED";
		}
		if (batchStatus == BatchStatus.FAILED || batchStatus == BatchStatus.ABANDONED
				|| batchStatus == BatchStatus.UNKNOWN) {
			return batchStatus.name();
		}
		if (batchStatus.isRunning() && counts.pending() > 0) {
			return "RUNNING";
		}
		return (counts.failed() > 0) ? "COMPLETED_WITH_FAILURES" : "COMPLETED";
	}

	private static int exitCode(String status) {
		return switch (status) {
			case "COMPLETED" -> ExitCodes.OK;
			case "COMPLETED_WITH_FAILURES" -> ExitCodes.OBJECTS_FAILED;
			default -> ExitCodes.RESUMABLE;
		};
	}

	/**
	 * Adds what this process retried to this execution's context, then sums the retries
	 * of every execution of the run. Each execution's counts are kept under a key of
	 * their own, and a restarted execution inherits its predecessor's context, so keys
	 * are summed once each whichever context they are found in.
	 */
	private Map<String, Long> retries(JobExecution execution, List<JobExecution> executions) {
		return summed(execution, executions, RETRIES_KEY, this.retries.drain());
	}

	/**
	 * Adds {@code drained} to this execution's counts under {@code prefix}, then sums the
	 * counts under that prefix of every execution of the run (see {@link #retries}).
	 */
	private Map<String, Long> summed(JobExecution execution, List<JobExecution> executions, String prefix,
			Map<String, Long> drained) {
		if (!drained.isEmpty()) {
			ExecutionContext context = execution.getExecutionContext();
			String key = prefix + execution.getId();
			HashMap<String, Long> mine = new HashMap<>(countsAt(context, key));
			drained.forEach((code, count) -> mine.merge(code, count, Long::sum));
			context.put(key, mine);
			this.jobRepository.updateExecutionContext(execution);
		}
		Map<String, Map<String, Long>> byExecution = new TreeMap<>();
		for (JobExecution each : executions) {
			ExecutionContext context = (each.getId() == execution.getId()) ? execution.getExecutionContext()
					: each.getExecutionContext();
			for (Map.Entry<String, Object> entry : context.entrySet()) {
				if (entry.getKey().startsWith(prefix)) {
					byExecution.putIfAbsent(entry.getKey(), countsAt(context, entry.getKey()));
				}
			}
			// The workers of a distributed run record theirs in the contexts of the
			// partitions they ran.
			for (StepExecution step : each.getStepExecutions()) {
				ExecutionContext stepContext = step.getExecutionContext();
				for (Map.Entry<String, Object> entry : stepContext.entrySet()) {
					if (entry.getKey().startsWith(prefix)) {
						byExecution.putIfAbsent(entry.getKey(), countsAt(stepContext, entry.getKey()));
					}
				}
			}
		}
		Map<String, Long> total = new TreeMap<>();
		byExecution.values().forEach((counts) -> counts.forEach((code, count) -> total.merge(code, count, Long::sum)));
		return total;
	}

	/**
	 * The counts under a key, read whatever number types the context's serializer gave
	 * back.
	 */
	private static Map<String, Long> countsAt(ExecutionContext context, String key) {
		Map<String, Long> counts = new TreeMap<>();
		if (context.get(key) instanceof Map<?, ?> map) {
			map.forEach((code, count) -> {
				if (code instanceof String name && count instanceof Number number) {
					counts.put(name, number.longValue());
				}
			});
		}
		return counts;
	}

	/** Closes the uploader's client, if there is one. */
	@Override
	public void close() {
		if (this.uploader != null) {
			this.uploader.close();
		}
	}

	@Override
	public Path directory(String jobName, long run) {
		return ReportService.runFolder(this.jobFile.spec().report().localRoot(), jobName, run);
	}

	private SetLocation location(long run) {
		if (!this.jobFile.spec().report().isS3()) {
			return SetLocation.LOCAL;
		}
		return new SetLocation(this.jobFile.spec().report().bucket(),
				this.jobFile.spec().report().prefix() + name() + "/" + run + "/");
	}

	private String name() {
		return this.jobFile.spec().name();
	}

	private static Instant instant(@Nullable LocalDateTime time, Instant fallback) {
		return (time != null) ? time.atZone(ZoneId.systemDefault()).toInstant() : fallback;
	}

	@Override
	public Optional<LedgerCounts> reportedCounts(JobExecution execution) {
		return this.reported.of(execution);
	}

}
