package io.github.s3bulkcopy.run;

import java.nio.file.Path;
import java.util.List;

import io.github.s3bulkcopy.ExitCodes;
import io.github.s3bulkcopy.ledger.ExtraCounts;
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
 * @param extras a mirror's destination objects outside the plan
 * ({@code copy.delete-extraneous}), by what became of them; none for other runs
 */
public record RunResult(String jobName, long run, long runId, boolean resumed, BatchStatus status, LedgerCounts counts,
		@Nullable Path reportDirectory, List<String> failures, ExtraCounts extras) {

	/** The result of a run that deletes nothing. */
	public RunResult(String jobName, long run, long runId, boolean resumed, BatchStatus status, LedgerCounts counts,
			@Nullable Path reportDirectory, List<String> failures) {
		this(jobName, run, runId, resumed, status, counts, reportDirectory, failures, ExtraCounts.NONE);
	}

	/**
	 * The process exit code: 0 all done and none failed, 1 finished with failed objects
	 * (or deletions S3 refused), 3 resumable failure, 6 finished but extras left
	 * undeleted because there were more than {@code copy.max-deletes}.
	 */
	public int exitCode() {
		if (this.status != BatchStatus.COMPLETED) {
			return ExitCodes.RESUMABLE;
		}
		if (this.counts.failed() > 0 || this.extras.failed() > 0) {
			return ExitCodes.OBJECTS_FAILED;
		}
		// A completed mirror leaves extras FOUND only when it refused to delete them.
		return (this.extras.found() > 0) ? ExitCodes.DELETES_REFUSED : ExitCodes.OK;
	}

}
