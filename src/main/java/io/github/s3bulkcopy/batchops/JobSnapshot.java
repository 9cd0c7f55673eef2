package io.github.s3bulkcopy.batchops;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3control.model.JobDescriptor;
import software.amazon.awssdk.services.s3control.model.JobProgressSummary;
import software.amazon.awssdk.services.s3control.model.JobReport;
import software.amazon.awssdk.services.s3control.model.JobTimers;

import org.springframework.util.Assert;

/**
 * A Batch Operations job as one DescribeJob saw it.
 *
 * @param jobId the AWS job id
 * @param status New, Preparing, Suspended, Ready, Active, Pausing, Paused, Completing,
 * Complete, Failing, Failed, Cancelling or Cancelled
 * @param total tasks in the job, once known
 * @param succeeded tasks that succeeded so far
 * @param failed tasks that failed so far
 * @param activeSeconds seconds the job has been active
 * @param failureReasons {@code code: reason} of a failed job
 * @param statusUpdateReason why the status last changed, when S3 says
 * @param suspendedCause why the job is suspended, when it is
 * @param reportBucket the completion report's bucket ARN, when the job writes one
 * @param reportPrefix the completion report's prefix
 */
public record JobSnapshot(String jobId, String status, long total, long succeeded, long failed, long activeSeconds,
		List<String> failureReasons, @Nullable String statusUpdateReason, @Nullable String suspendedCause,
		@Nullable String reportBucket, @Nullable String reportPrefix) {

	/** States a job never leaves. */
	private static final Set<String> TERMINAL = Set.of("complete", "failed", "cancelled");

	/** The job as DescribeJob describes it; counts S3 has not stated yet are 0. */
	static JobSnapshot of(@Nullable JobDescriptor job) {
		Assert.state(job != null && job.jobId() != null, "DescribeJob answered without a Job");
		JobProgressSummary progress = job.progressSummary();
		JobTimers timers = (progress != null) ? progress.timers() : null;
		JobReport report = job.report();
		List<String> reasons = job.failureReasons()
			.stream()
			.map((failure) -> failure.failureCode() + ": " + failure.failureReason())
			.toList();
		return new JobSnapshot(job.jobId(), String.valueOf(job.statusAsString()),
				count((progress != null) ? progress.totalNumberOfTasks() : null),
				count((progress != null) ? progress.numberOfTasksSucceeded() : null),
				count((progress != null) ? progress.numberOfTasksFailed() : null),
				count((timers != null) ? timers.elapsedTimeInActiveSeconds() : null), reasons,
				emptyToNull(job.statusUpdateReason()), emptyToNull(job.suspendedCause()),
				(report != null) ? emptyToNull(report.bucket()) : null,
				(report != null) ? Objects.requireNonNullElse(report.prefix(), "") : null);
	}

	private static long count(@Nullable Long count) {
		return (count != null) ? count : 0;
	}

	private static @Nullable String emptyToNull(@Nullable String text) {
		return (text == null || text.isEmpty()) ? null : text;
	}

	public boolean isTerminal() {
		return TERMINAL.contains(this.status.toLowerCase(Locale.ROOT));
	}

	public boolean isComplete() {
		return "complete".equalsIgnoreCase(this.status);
	}

	/** Failed or Cancelled: the job ended without running all its tasks. */
	public boolean endedUnfinished() {
		return isTerminal() && !isComplete();
	}

	/** Whether something a person would want to see changed since {@code earlier}. */
	boolean differsFrom(@Nullable JobSnapshot earlier) {
		return earlier == null || !earlier.status.equals(this.status) || earlier.succeeded != this.succeeded
				|| earlier.failed != this.failed || earlier.total != this.total;
	}

}
