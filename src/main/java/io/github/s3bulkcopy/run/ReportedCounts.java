package io.github.s3bulkcopy.run;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.ledger.LedgerCounts;

import org.springframework.batch.core.job.JobExecution;

/**
 * The ledger's counts a report was written from, by job execution, kept so that the run's
 * result can show the same counts without counting the ledger again: a report is the last
 * thing an execution does to it, and counting a million rows takes seconds.
 */
public final class ReportedCounts {

	private final Map<Long, LedgerCounts> byExecution = new ConcurrentHashMap<>();

	/** Counts the execution's run in the ledger and keeps the counts. */
	public LedgerCounts count(JdbcLedger ledger, JobExecution execution) {
		LedgerCounts counts = ledger.counts(execution.getJobInstance().getInstanceId());
		this.byExecution.put(execution.getId(), counts);
		return counts;
	}

	/**
	 * Reads the execution's run's totals kept next to its rows
	 * ({@link JdbcLedger#totals}) and keeps them: the same counts as {@link #count},
	 * without a pass over the run's rows, which the report makes anyway.
	 */
	public LedgerCounts kept(JdbcLedger ledger, JobExecution execution) {
		LedgerCounts counts = ledger.totals(execution.getJobInstance().getInstanceId());
		this.byExecution.put(execution.getId(), counts);
		return counts;
	}

	/** The counts of the execution's report, if this process wrote one. */
	public Optional<LedgerCounts> of(JobExecution execution) {
		return Optional.ofNullable(this.byExecution.get(execution.getId()));
	}

}
