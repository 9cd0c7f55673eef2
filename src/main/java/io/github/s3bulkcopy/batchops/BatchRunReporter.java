package io.github.s3bulkcopy.batchops;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.stream.Stream;

import io.github.s3bulkcopy.jobfile.JobFile;
import io.github.s3bulkcopy.jobfile.JobSpec;
import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.ledger.LedgerCounts;
import io.github.s3bulkcopy.ledger.LedgerRow;
import io.github.s3bulkcopy.plan.PlanFilter;
import io.github.s3bulkcopy.report.ReportService;
import io.github.s3bulkcopy.report.RunMetadata;
import io.github.s3bulkcopy.report.RunSummary;
import io.github.s3bulkcopy.run.ToolVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.util.Assert;

/**
 * Writes a Batch Operations run's report set from its ledger, with the same
 * {@link ReportService} as a copy run, into
 * {@code <report.location>/<name>.<command>/<run>/}: the completion report (every object
 * once, what Batch Operations or this tool's copy step did with it) and summary.json.
 */
class BatchRunReporter {

	private final JobFile jobFile;

	private final JdbcLedger ledger;

	private final ReportService reports = new ReportService();

	BatchRunReporter(JobFile jobFile, JdbcLedger ledger) {
		Assert.notNull(jobFile, "jobFile is required");
		Assert.notNull(ledger, "ledger is required");
		this.jobFile = jobFile;
		this.ledger = ledger;
	}

	Path write(JobExecution execution) throws Exception {
		long runId = execution.getJobInstance().getInstanceId();
		LedgerCounts counts = this.ledger.counts(runId);
		String awsStatus = BatchJobState.status(execution);
		JobSpec spec = this.jobFile.spec();
		Instant start = instant(execution.getStartTime());
		Instant end = Instant.now();
		RunMetadata metadata = new RunMetadata(execution.getJobInstance().getJobName(),
				BatchRunLauncher.runNumber(execution), BatchRunResult.reportStatus(awsStatus, counts),
				BatchRunResult.exitCode(awsStatus, counts), start.isAfter(end) ? end : start, end, 1,
				new RunSummary.Side(spec.source().bucket(), spec.source().prefix()),
				new RunSummary.Side(spec.destination().bucket(), spec.destination().prefix()),
				RunSummary.CallerIdentities.UNKNOWN, manifest(execution), this.jobFile.sha256(), ToolVersion.get(),
				java.util.Map.of(), java.util.List.of(), PlanFilter.countsIn(execution.getExecutionContext()));
		try (Stream<LedgerRow> rows = this.ledger.streamByKey(runId)) {
			return this.reports.write(root(), metadata, rows).folder();
		}
	}

	Path directory(String jobName, long run) {
		return ReportService.runFolder(root(), jobName, run);
	}

	private RunSummary.Manifest manifest(JobExecution execution) {
		String location = BatchJobState.string(execution.getExecutionContext(), BatchJobState.MANIFEST);
		if (location == null) {
			return new RunSummary.Manifest("batch-operations-generated", null);
		}
		String format = BatchJobState.string(execution.getExecutionContext(), BatchJobState.MANIFEST_FORMAT);
		return new RunSummary.Manifest((format != null) ? "batch-operations-" + format
				: this.jobFile.spec().manifest().type().name().toLowerCase(java.util.Locale.ROOT), location);
	}

	private Path root() {
		return Path.of(this.jobFile.spec().report().location());
	}

	private static Instant instant(@Nullable LocalDateTime time) {
		return (time != null) ? time.atZone(ZoneId.systemDefault()).toInstant() : Instant.now();
	}

}
