package io.github.s3bulkcopy.batch;

import io.github.s3bulkcopy.run.RunReporter;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.util.Assert;

/**
 * The job's last step: the report set, from the ledger. Being a step, a kill while it
 * writes leaves the run unfinished, and the resume writes the report again.
 */
public class ReportTasklet implements Tasklet {

	private final RunReporter reporter;

	public ReportTasklet(RunReporter reporter) {
		Assert.notNull(reporter, "reporter is required");
		this.reporter = reporter;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		this.reporter.write(chunkContext.getStepContext().getStepExecution().getJobExecution());
		return RepeatStatus.FINISHED;
	}

}
