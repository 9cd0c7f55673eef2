package io.github.s3bulkcopy.distributed;

import io.github.s3bulkcopy.InvalidSetupException;
import io.github.s3bulkcopy.jobfile.JobFile;
import io.github.s3bulkcopy.run.RunLauncher;
import io.github.s3bulkcopy.run.ToolVersion;

import org.springframework.batch.core.job.JobExecution;

/**
 * A worker works on a run only with the job file and the tool version the run was started
 * with: another job file could name other buckets, prefixes or settings, and another
 * version could copy or record differently.
 */
public final class RunCompatibility {

	private RunCompatibility() {
	}

	/**
	 * @throws InvalidSetupException (exit code 2) when the job file or the tool version
	 * differs from the run's
	 */
	public static void check(JobFile jobFile, JobExecution execution) {
		String run = "run " + runNumber(execution) + " of job '" + execution.getJobInstance().getJobName() + "'";
		String sha256 = execution.getJobParameters().getString(RunLauncher.JOB_FILE_SHA256);
		if (sha256 != null && !sha256.equals(jobFile.sha256())) {
			throw new InvalidSetupException("this worker's job file " + jobFile.path() + " (sha256 "
					+ abbreviate(jobFile.sha256()) + ") is not the one " + run + " was started with (sha256 "
					+ abbreviate(sha256) + "): give every worker the manager's job file");
		}
		String version = execution.getJobParameters().getString(RunLauncher.TOOL_VERSION);
		if (version != null && !version.equals(ToolVersion.get())) {
			throw new InvalidSetupException("this worker runs s3-bulk-copy " + ToolVersion.get() + ", but " + run
					+ " was started by version " + version + ": run the same version on every worker");
		}
	}

	private static String runNumber(JobExecution execution) {
		Long run = execution.getJobParameters().getLong("run");
		return String.valueOf((run != null) ? run : execution.getJobInstance().getInstanceId());
	}

	private static String abbreviate(String sha256) {
		return (sha256.length() > 12) ? sha256.substring(0, 12) + "…" : sha256;
	}

}
