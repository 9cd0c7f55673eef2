package io.github.s3bulkcopy.batchops;

import java.time.Duration;

import io.github.s3bulkcopy.jobfile.JobFile;
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
 * Follows the run's Batch Operations job with DescribeJob until it ends (Complete, Failed
 * or Cancelled), one poll per transaction, backing off while nothing changes, and prints
 * a line whenever its status or counts change. Without {@code --wait} it looks once and,
 * unless the job has ended, stops the run: the next command resumes here and never
 * submits again, since the AWS job id is in the job execution context.
 */
class WaitTasklet implements Tasklet, StepExecutionListener {

	/** The job parameter that says whether to wait ({@code true}) or look once. */
	static final String WAIT = "wait";

	private final BatchJobControl control;

	private final JobFile jobFile;

	private final BatchProgress progress;

	private final Duration initial;

	private final Duration max;

	private PollBackoff backoff;

	private @Nullable JobSnapshot last;

	private long started;

	WaitTasklet(BatchJobControl control, JobFile jobFile, BatchProgress progress, Duration initial, Duration max) {
		Assert.notNull(control, "control is required");
		Assert.notNull(jobFile, "jobFile is required");
		Assert.notNull(progress, "progress is required");
		this.control = control;
		this.jobFile = jobFile;
		this.progress = progress;
		this.initial = initial;
		this.max = max;
		this.backoff = new PollBackoff(initial, max);
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.backoff = new PollBackoff(this.initial, this.max);
		this.last = null;
		this.started = System.nanoTime();
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws InterruptedException {
		StepExecution step = chunkContext.getStepContext().getStepExecution();
		JobExecution job = step.getJobExecution();
		String jobId = BatchJobState.jobId(job);
		if (jobId == null) {
			return RepeatStatus.FINISHED;
		}
		BatchOperation operation = BatchOperation.ofJobName(job.getJobInstance().getJobName());
		JobSnapshot snapshot = this.control.describe(operation, jobId);
		boolean changed = snapshot.differsFrom(this.last);
		if (changed) {
			this.progress.line(JobStatusLines.of(snapshot, this.jobFile.path().toString(),
					Duration.ofNanos(System.nanoTime() - this.started)));
		}
		this.last = snapshot;
		remember(job.getExecutionContext(), snapshot);
		if (snapshot.isTerminal()) {
			return RepeatStatus.FINISHED;
		}
		if (!"true".equals(step.getJobParameters().getString(WAIT))) {
			// The run stops (STOPPED, resumable); the next batch command picks up this
			// step where it is.
			step.setTerminateOnly();
			return RepeatStatus.CONTINUABLE;
		}
		Thread.sleep(this.backoff.next(changed).toMillis());
		return RepeatStatus.CONTINUABLE;
	}

	private static void remember(ExecutionContext context, JobSnapshot snapshot) {
		context.putString(BatchJobState.AWS_STATUS, snapshot.status());
		context.putString(BatchJobState.FAILURE_REASONS, String.join("; ", snapshot.failureReasons()));
		if (snapshot.reportBucket() != null) {
			context.putString(BatchJobState.REPORT_BUCKET, snapshot.reportBucket());
			context.putString(BatchJobState.REPORT_PREFIX,
					(snapshot.reportPrefix() != null) ? snapshot.reportPrefix() : "");
		}
	}

}
