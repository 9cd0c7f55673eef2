package io.github.s3bulkcopy.batchops;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.s3bulkcopy.jobfile.BatchReportScope;
import io.github.s3bulkcopy.jobfile.JobSpec;
import io.github.s3bulkcopy.ledger.BatchLedger;
import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.ledger.ObjectOutcome;
import io.github.s3bulkcopy.ledger.ObjectStatus;
import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.verify.Verification;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.util.Assert;

/**
 * Folds the Batch Operations completion report into the ledger, so the run's report is
 * written from the ledger like a copy run's: each result row updates its object's row
 * (adding one when nothing was planned, as with a generated manifest). One block of rows
 * per transaction, its position saved with it, so a resume goes on where it stopped;
 * recording a row twice changes nothing. With a failed-tasks-only report of a Complete
 * job, planned objects the report does not list succeeded, and their rows say it was
 * inferred.
 */
class FoldTasklet implements Tasklet, StepExecutionListener {

	private static final int ROWS_PER_TRANSACTION = 1000;

	static final String FILE = "fold.file";

	static final String LINE = "fold.line";

	private final JobSpec spec;

	private final BatchOperationsClients clients;

	private final JdbcLedger ledger;

	private final BatchLedger batchLedger;

	private final BatchProgress progress;

	private @Nullable CompletionReport report;

	private int cachedFile = -1;

	private List<String> cachedLines = List.of();

	FoldTasklet(JobSpec spec, BatchOperationsClients clients, JdbcLedger ledger, BatchLedger batchLedger,
			BatchProgress progress) {
		Assert.notNull(spec.batchOperations(), "the job file has no batch-operations section");
		this.spec = spec;
		this.clients = clients;
		this.ledger = ledger;
		this.batchLedger = batchLedger;
		this.progress = progress;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.report = null;
		this.cachedFile = -1;
		this.cachedLines = List.of();
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		ExecutionContext step = chunkContext.getStepContext().getStepExecution().getExecutionContext();
		JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
		String jobId = BatchJobState.jobId(job);
		String status = BatchJobState.status(job);
		if (jobId == null || status == null) {
			return RepeatStatus.FINISHED;
		}
		BatchOperation operation = BatchOperation.ofJobName(job.getJobInstance().getJobName());
		long runId = job.getJobInstance().getInstanceId();
		if (this.report == null) {
			this.report = read(job, operation, jobId);
			if (this.report == null) {
				this.progress.line("batch job " + jobId + " wrote no completion report");
				return RepeatStatus.FINISHED;
			}
		}
		int file = step.getInt(FILE, 0);
		if (file < this.report.results().size()) {
			int line = step.getInt(LINE, 0);
			List<String> lines = lines(operation, file);
			int end = Math.min(lines.size(), line + ROWS_PER_TRANSACTION);
			fold(runId, operation, lines.subList(line, end));
			if (end >= lines.size()) {
				step.putInt(FILE, file + 1);
				step.putInt(LINE, 0);
			}
			else {
				step.putInt(LINE, end);
			}
			return RepeatStatus.CONTINUABLE;
		}
		if ("complete".equalsIgnoreCase(status)
				&& this.spec.batchOperations().report().scope() == BatchReportScope.FAILED_TASKS_ONLY
				&& operation == BatchOperation.COPY) {
			inferSuccesses(runId);
		}
		this.progress.line("completion report s3://" + this.report.bucket() + "/" + this.report.manifestKey()
				+ " read into the ledger");
		return RepeatStatus.FINISHED;
	}

	private @Nullable CompletionReport read(JobExecution job, BatchOperation operation, String jobId)
			throws java.io.IOException {
		ExecutionContext context = job.getExecutionContext();
		String bucketArn = BatchJobState.string(context, BatchJobState.REPORT_BUCKET);
		String bucket = (bucketArn != null) ? bucketArn.substring(bucketArn.lastIndexOf(':') + 1)
				: this.spec.batchOperations().report().bucket();
		String prefix = (bucketArn != null) ? BatchJobState.string(context, BatchJobState.REPORT_PREFIX)
				: this.spec.batchOperations().report().prefix();
		return CompletionReport.read(this.clients.objects(operation), bucket, prefix, jobId);
	}

	private List<String> lines(BatchOperation operation, int file) throws java.io.IOException {
		if (this.cachedFile != file) {
			this.cachedLines = CompletionReport.lines(this.clients.objects(operation), this.report.bucket(),
					this.report.results().get(file));
			this.cachedFile = file;
		}
		return this.cachedLines;
	}

	private void fold(long runId, BatchOperation operation, List<String> lines) {
		Instant at = (this.report.created() != null) ? this.report.created() : Instant.now();
		List<PlannedObject> added = new ArrayList<>();
		List<ObjectOutcome> outcomes = new ArrayList<>();
		long nextSeq = this.ledger.maxSeq(runId);
		for (String line : lines) {
			TaskResult result = TaskResults.parse(line);
			if (result == null) {
				continue;
			}
			Long seq = this.batchLedger.find(runId, result.key(), result.versionId());
			if (seq == null) {
				seq = ++nextSeq;
				String destinationKey = (operation == BatchOperation.COPY)
						? this.spec.destination().prefix() + result.key() : result.key();
				added.add(new PlannedObject(seq, result.bucket(), result.key(), result.versionId(), null, null, null,
						null, null, destinationKey));
			}
			outcomes.add(outcome(seq, operation, result, at));
		}
		if (!added.isEmpty()) {
			this.ledger.insertPlanned(runId, added);
		}
		this.ledger.recordOutcomes(runId, outcomes);
	}

	private static ObjectOutcome outcome(long seq, BatchOperation operation, TaskResult result, Instant at) {
		if (result.succeeded()) {
			String done = (operation == BatchOperation.COPY) ? "copied" : "replicated";
			return new ObjectOutcome(seq, ObjectStatus.COPIED, null, null, result.httpStatus(), result.message(),
					Verification.notVerified(done + " by S3 Batch Operations"
							+ ((result.message() != null) ? " (" + result.message() + ")" : "")
							+ "; this run compared nothing"),
					at, at);
		}
		String message = (result.message() != null) ? result.message()
				: (result.errorCode() != null) ? result.errorCode() : "the Batch Operations task failed";
		return new ObjectOutcome(seq, ObjectStatus.FAILED, null, result.errorCode(), result.httpStatus(), message,
				Verification.notVerified("the Batch Operations task failed"), at, at);
	}

	private void inferSuccesses(long runId) {
		Instant at = (this.report.created() != null) ? this.report.created() : Instant.now();
		List<ObjectOutcome> outcomes = new ArrayList<>();
		try (Stream<PlannedObject> pending = this.batchLedger.pendingUpTo(runId,
				this.spec.batchOperations().maxObjectSize().bytes())) {
			pending.forEach((object) -> outcomes.add(new ObjectOutcome(object.seq(), ObjectStatus.COPIED, null, null,
					null, null,
					Verification.notVerified("copied by S3 Batch Operations: inferred, the job is "
							+ "Complete and its failed-tasks-only report does not list it; this run compared nothing"),
					at, at)));
		}
		if (!outcomes.isEmpty()) {
			this.ledger.recordOutcomes(runId, outcomes);
		}
	}

}
