package io.github.s3bulkcopy.job;

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
import io.github.s3bulkcopy.report.ReportService;
import io.github.s3bulkcopy.report.RunMetadata;
import io.github.s3bulkcopy.report.RunSummary;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.util.Assert;

/** Writes a run's report set from its ledger rows, streamed in key order. */
public class LedgerRunReporter implements RunReporter {

	private final JobFile jobFile;

	private final JdbcLedger ledger;

	private final ReportService reports = new ReportService();

	public LedgerRunReporter(JobFile jobFile, JdbcLedger ledger) {
		Assert.notNull(jobFile, "jobFile is required");
		Assert.notNull(ledger, "ledger is required");
		this.jobFile = jobFile;
		this.ledger = ledger;
	}

	@Override
	public Path write(JobExecution execution) throws Exception {
		long runId = execution.getJobInstance().getInstanceId();
		LedgerCounts counts = this.ledger.counts(runId);
		String status;
		int exitCode;
		BatchStatus batchStatus = execution.getStatus();
		if (batchStatus == BatchStatus.STOPPED || batchStatus == BatchStatus.STOPPING) {
			status = "STOPPED";
			exitCode = ExitCodes.RESUMABLE;
		}
		else if (batchStatus == BatchStatus.FAILED || batchStatus == BatchStatus.ABANDONED) {
			status = batchStatus.name();
			exitCode = ExitCodes.RESUMABLE;
		}
		else if (counts.failed() > 0) {
			status = "COMPLETED_WITH_FAILURES";
			exitCode = ExitCodes.OBJECTS_FAILED;
		}
		else {
			status = "COMPLETED";
			exitCode = ExitCodes.OK;
		}
		Instant start = instant(execution.getStartTime(), Instant.now());
		Instant end = instant(execution.getEndTime(), Instant.now());
		if (end.isBefore(start)) {
			end = start;
		}
		JobSpec spec = this.jobFile.spec();
		RunMetadata metadata = new RunMetadata(spec.name(), RunLauncher.runNumber(execution), status, exitCode, start,
				end, new RunSummary.Side(spec.source().bucket(), spec.source().prefix()),
				new RunSummary.Side(spec.destination().bucket(), spec.destination().prefix()),
				new RunSummary.Manifest(spec.manifest().type().name().toLowerCase(java.util.Locale.ROOT),
						RunLauncher.manifestOf(execution, spec.manifest().location())),
				this.jobFile.sha256(), ToolVersion.get());
		try (Stream<LedgerRow> rows = this.ledger.streamByKey(runId)) {
			return this.reports.write(root(), metadata, rows).folder();
		}
	}

	@Override
	public Path directory(String jobName, long run) {
		return ReportService.runFolder(root(), jobName, run);
	}

	private Path root() {
		return Path.of(this.jobFile.spec().report().location());
	}

	private static Instant instant(@Nullable LocalDateTime time, Instant fallback) {
		return (time != null) ? time.atZone(ZoneId.systemDefault()).toInstant() : fallback;
	}

}
