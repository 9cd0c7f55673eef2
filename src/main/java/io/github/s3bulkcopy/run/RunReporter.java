package io.github.s3bulkcopy.run;

import java.nio.file.Path;
import java.util.Optional;

import io.github.s3bulkcopy.ledger.ExtraCounts;
import io.github.s3bulkcopy.ledger.LedgerCounts;

import org.springframework.batch.core.job.JobExecution;

/** Writes a run's report set from the ledger. */
public interface RunReporter {

	/**
	 * Writes the report of a run as it stands (finished or not) and returns its folder.
	 */
	Path write(JobExecution execution) throws Exception;

	/** The folder a run's report is written to. */
	Path directory(String jobName, long run);

	/**
	 * The ledger's counts the report of this execution was written from, if this reporter
	 * wrote one: the report is the last thing an execution does to the ledger, so they
	 * are its final counts.
	 */
	default Optional<LedgerCounts> reportedCounts(JobExecution execution) {
		return Optional.empty();
	}

	/**
	 * The destination objects outside the plan a mirror run found, by what became of
	 * them; none by default.
	 */
	default ExtraCounts extras(long runId) {
		return ExtraCounts.NONE;
	}

}
