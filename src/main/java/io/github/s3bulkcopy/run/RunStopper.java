package io.github.s3bulkcopy.run;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.util.Assert;

/**
 * Asks a job's running executions to stop: their status becomes STOPPING in the job
 * database, and each partition stops at its next chunk boundary (in-flight chunks finish
 * and commit), from this process or any other sharing the database. The run ends STOPPED
 * and resumes like any unfinished run.
 */
public class RunStopper {

	private static final Logger logger = LoggerFactory.getLogger(RunStopper.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	public RunStopper(JobOperator jobOperator, JobRepository jobRepository) {
		Assert.notNull(jobOperator, "jobOperator is required");
		Assert.notNull(jobRepository, "jobRepository is required");
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
	}

	/**
	 * Stops the job's running runs and returns their run numbers (empty when none was
	 * running).
	 */
	public List<Long> stop(String jobName) {
		List<Long> stopped = new ArrayList<>();
		for (JobExecution execution : this.jobRepository.findRunningJobExecutions(jobName)) {
			try {
				this.jobOperator.stop(execution);
				stopped.add(RunLauncher.runNumber(execution));
				logger.info("Stop requested for run {} of job {}", RunLauncher.runNumber(execution), jobName);
			}
			catch (JobExecutionNotRunningException ex) {
				// It ended between the query and the request: nothing to stop.
			}
		}
		return stopped;
	}

}
