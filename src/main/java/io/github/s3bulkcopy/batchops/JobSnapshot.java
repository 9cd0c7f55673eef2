package io.github.s3bulkcopy.batchops;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A Batch Operations job as one DescribeJob saw it.
 *
 * @param jobId the AWS job id
 * @param status New, Preparing, Suspended, Ready, Active, Pausing, Paused, Completing, Complete, Failing, Failed,
 * Cancelling or Cancelled
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
