package io.github.s3bulkcopy.job;

import java.nio.file.Path;

import org.springframework.batch.core.job.JobExecution;

/** Writes a run's report set from the ledger. */
public interface RunReporter {

	/** Writes the report of a run as it stands (finished or not) and returns its folder. */
	Path write(JobExecution execution) throws Exception;

	/** The folder a run's report is written to. */
	Path directory(String jobName, long run);

}
