package io.github.s3bulkcopy.batchops;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.github.s3bulkcopy.ExitCodes;
import io.github.s3bulkcopy.ledger.LedgerCounts;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.BatchStatus;

/**
 * How a replicate or batch-copy command ended.
 *
 * @param operation replicate or copy
 * @param jobName the Spring Batch job's name ({@code <name>.replicate},
 * {@code <name>.batch-copy})
 * @param run the run number
 * @param resumed whether this command resumed an unfinished run
 * @param status the run's batch status at the end of this command (STOPPED: the AWS job
 * is still going)
 * @param awsJobId the Batch Operations job, once submitted
 * @param awsStatus its status when last seen
 * @param failureReasons why the AWS job failed, when it did
 * @param counts the ledger's totals
 * @param reportDirectory where the report was written, once the run finished
 * @param failures why the run failed, one line each, when it did
 */
public record BatchRunResult(BatchOperation operation, String jobName, long run, boolean resumed, BatchStatus status,
		@Nullable String awsJobId, @Nullable String awsStatus, @Nullable String failureReasons, LedgerCounts counts,
		@Nullable Path reportDirectory, List<String> failures) {

	public int exitCode() {
		if (this.status != BatchStatus.COMPLETED) {
			return ExitCodes.RESUMABLE;
		}
		return exitCode(this.awsStatus, this.counts);
	}

	/**
	 * 5 when the AWS job ended unfinished, else 1 when objects failed or are left, else
	 * 0.
	 */
	static int exitCode(@Nullable String awsStatus, LedgerCounts counts) {
		if (awsStatus != null && ("failed".equalsIgnoreCase(awsStatus) || "cancelled".equalsIgnoreCase(awsStatus))) {
			return ExitCodes.BATCH_JOB_ENDED;
		}
		return (counts.failed() > 0 || counts.pending() > 0) ? ExitCodes.OBJECTS_FAILED : ExitCodes.OK;
	}

	/** The run's status as the report states it. */
	static String reportStatus(@Nullable String awsStatus, LedgerCounts counts) {
		return switch (exitCode(awsStatus, counts)) {
			case ExitCodes.BATCH_JOB_ENDED -> "BATCH_JOB_" + awsStatus.toUpperCase(Locale.ROOT);
			case ExitCodes.OBJECTS_FAILED -> "COMPLETED_WITH_FAILURES";
			default -> "COMPLETED";
		};
	}

}
