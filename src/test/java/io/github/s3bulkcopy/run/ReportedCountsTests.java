package io.github.s3bulkcopy.run;

import java.util.List;

import io.github.s3bulkcopy.ledger.JdbcLedger;
import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.testsupport.LedgerDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;

import static org.assertj.core.api.Assertions.assertThat;

class ReportedCountsTests {

	private final JdbcLedger ledger = new JdbcLedger(LedgerDatabase.create());

	private final ReportedCounts reported = new ReportedCounts();

	@Test
	void keepsTheCountsOfTheExecutionThatWasReportedAndOfNoOtherExecutionOfTheRun() {
		JobInstance run = new JobInstance(4, "job");
		JobExecution failed = new JobExecution(10, run, new JobParameters());
		JobExecution resumed = new JobExecution(11, run, new JobParameters());
		this.ledger.insertPlanned(4, List.of(new PlannedObject(1, "b", "k", null, 5L, null, null, null, null, "k")));

		assertThat(this.reported.count(this.ledger, failed).total()).isEqualTo(1);
		this.ledger.insertPlanned(4, List.of(new PlannedObject(2, "b", "l", null, 5L, null, null, null, null, "l")));

		assertThat(this.reported.of(failed)).hasValueSatisfying((counts) -> assertThat(counts.total()).isEqualTo(1));
		assertThat(this.reported.of(resumed)).as("a later execution counts afresh").isEmpty();
		assertThat(this.reported.count(this.ledger, resumed).total()).isEqualTo(2);
	}

}
