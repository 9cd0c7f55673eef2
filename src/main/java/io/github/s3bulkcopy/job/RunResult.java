package io.github.s3bulkcopy.job;

import java.nio.file.Path;
import java.util.List;

import io.github.s3bulkcopy.ExitCodes;
import io.github.s3bulkcopy.ledger.LedgerCounts;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.BatchStatus;

/**
 * How a run of the copy job ended.
 *
 * @param jobName the job's name
 * @param run the run number within the job (1, 2, ...)
 * @param runId the run's id in the job database (the Spring Batch job instance id)
 * @param resumed whether this invocation resumed an unfinished run
 * @param status the run's batch status at the end of this invocation
 * @param counts the ledger's totals
 * @param reportDirectory where the report was written, if it was
 * @param failures why the run failed, one line each, when it did
 */
public record RunResult(String jobName, long run, long runId, boolean resumed, BatchStatus status, LedgerCounts counts,
		@Nullable Path reportDirectory, List<String> failures) {

	/** The process exit code: 0 all done and none failed, 1 finished with failed objects, 3 resumable failure. */
	public int exitCode() {
		if (this.status != BatchStatus.COMPLETED) {
			return ExitCodes.RESUMABLE;
		}
		return (this.counts.failed() > 0) ? ExitCodes.OBJECTS_FAILED : ExitCodes.OK;
	}

}
