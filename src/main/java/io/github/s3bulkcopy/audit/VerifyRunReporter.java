package io.github.s3bulkcopy.audit;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.github.s3bulkcopy.ExitCodes;
import io.github.s3bulkcopy.batch.FindExtrasTasklet;
import io.github.s3bulkcopy.jobfile.JobFile;
import io.github.s3bulkcopy.jobfile.JobSpec;
import io.github.s3bulkcopy.ledger.DestinationExtras;
import io.github.s3bulkcopy.ledger.ExtraObject;
import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.ledger.LedgerCounts;
import io.github.s3bulkcopy.ledger.LedgerRow;
import io.github.s3bulkcopy.ledger.ObjectStatus;
import io.github.s3bulkcopy.ledger.OutcomeCount;
import io.github.s3bulkcopy.plan.PlanFilter;
import io.github.s3bulkcopy.report.ReportService;
import io.github.s3bulkcopy.report.RunMetadata;
import io.github.s3bulkcopy.report.RunSummary;
import io.github.s3bulkcopy.report.VerifyReportWriter;
import io.github.s3bulkcopy.run.ReportedCounts;
import io.github.s3bulkcopy.run.RunLauncher;
import io.github.s3bulkcopy.run.RunReporter;
import io.github.s3bulkcopy.run.ToolVersion;
import io.github.s3bulkcopy.verify.VerifyFinding;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.util.Assert;

/**
 * Writes a verify run's report ({@code verify-report.csv}, {@code summary.json}) from its
 * ledger rows.
 */
class VerifyRunReporter implements RunReporter {

	private final JobFile jobFile;

	private final JdbcLedger ledger;

	private final ReportedCounts reported = new ReportedCounts();

	private final VerifyReportWriter writer = new VerifyReportWriter();

	private final DestinationExtras extras;

	public VerifyRunReporter(JobFile jobFile, JdbcLedger ledger, DestinationExtras extras) {
		Assert.notNull(extras, "extras is required");
		this.extras = extras;
		Assert.notNull(jobFile, "jobFile is required");
		Assert.notNull(ledger, "ledger is required");
		this.jobFile = jobFile;
		this.ledger = ledger;
	}

	@Override
	public Path write(JobExecution execution) throws Exception {
		long runId = execution.getJobInstance().getInstanceId();
		LedgerCounts counts = this.reported.count(this.ledger, execution);
		BatchStatus batchStatus = execution.getStatus();
		String status;
		int exitCode;
		if (batchStatus == BatchStatus.STOPPED || batchStatus == BatchStatus.STOPPING) {
			status = "STOPPED";
			exitCode = ExitCodes.RESUMABLE;
		}
		else if (batchStatus == BatchStatus.FAILED || batchStatus == BatchStatus.ABANDONED) {
			status = batchStatus.name();
			exitCode = ExitCodes.RESUMABLE;
		}
		else {
			// Objects at the destination that the source does not have are a discrepancy
			// like missing ones.
			boolean findings = counts.failed() > 0 || this.extras.counts(runId).total() > 0;
			status = findings ? "COMPLETED_WITH_FAILURES" : "COMPLETED";
			exitCode = findings ? ExitCodes.OBJECTS_FAILED : ExitCodes.OK;
		}
		Instant start = instant(execution.getStartTime(), Instant.now());
		Instant end = instant(execution.getEndTime(), Instant.now());
		JobSpec spec = this.jobFile.spec();
		String jobName = execution.getJobInstance().getJobName();
		RunMetadata metadata = new RunMetadata(jobName, RunLauncher.runNumber(execution), status, exitCode, start,
				end.isBefore(start) ? start : end, 1,
				new RunSummary.Side(spec.source().bucket(), spec.source().prefix()),
				new RunSummary.Side(spec.destination().bucket(), spec.destination().prefix()),
				RunSummary.CallerIdentities.UNKNOWN,
				new RunSummary.Manifest(spec.manifest().type().name().toLowerCase(Locale.ROOT),
						RunLauncher.manifestOf(execution, spec.manifest().location())),
				this.jobFile.sha256(), ToolVersion.get(), Map.of(), List.of(),
				PlanFilter.countsIn(execution.getExecutionContext()));
		String method = spec.verify().method().name().toLowerCase(Locale.ROOT).replace('_', '-');
		try (Stream<LedgerRow> rows = this.ledger.streamByKey(runId);
				Stream<ExtraObject> extraRows = this.extras.stream(runId)) {
			this.writer.write(root(), metadata, method, spec.verify().require(), rows.iterator(), extraRows.iterator(),
					FindExtrasTasklet.leftOutByFilters(execution.getExecutionContext()));
		}
		return directory(jobName, metadata.runId());
	}

	@Override
	public Path directory(String jobName, long run) {
		return ReportService.runFolder(root(), jobName, run);
	}

	/** How many objects of a run have each finding, counted by the database. */
	public Map<VerifyFinding, Long> findings(long runId) {
		Map<VerifyFinding, Long> findings = new EnumMap<>(VerifyFinding.class);
		for (OutcomeCount count : this.ledger.outcomeCounts(runId)) {
			VerifyFinding finding = VerifyFinding.of(count.status() == ObjectStatus.PENDING,
					count.status() == ObjectStatus.FAILED, count.errorCode(), count.verdict());
			findings.merge(finding, count.objects(), Long::sum);
		}
		long extras = this.extras.counts(runId).total();
		if (extras > 0) {
			findings.put(VerifyFinding.EXTRA_AT_DESTINATION, extras);
		}
		return findings;
	}

	private Path root() {
		return Path.of(this.jobFile.spec().report().location());
	}

	private static Instant instant(@Nullable LocalDateTime time, Instant fallback) {
		return (time != null) ? time.atZone(ZoneId.systemDefault()).toInstant() : fallback;
	}

	@Override
	public Optional<LedgerCounts> reportedCounts(JobExecution execution) {
		return this.reported.of(execution);
	}

}
