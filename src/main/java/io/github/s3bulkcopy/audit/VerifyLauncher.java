package io.github.s3bulkcopy.audit;

import io.github.s3bulkcopy.run.RunLauncher;
import io.github.s3bulkcopy.run.RunResult;

import org.springframework.batch.core.job.Job;
import org.springframework.util.Assert;

/**
 * Starts or resumes the verify runs of the job file's job: its {@code <name>.verify} job,
 * through the run launcher.
 */
public class VerifyLauncher {

	/** The suffix of a verify job's name. */
	public static final String SUFFIX = ".verify";

	private final RunLauncher launcher;

	private final Job verifyJob;

	private final VerifyRunReporter reporter;

	public VerifyLauncher(RunLauncher launcher, Job verifyJob, VerifyRunReporter reporter) {
		Assert.notNull(launcher, "launcher is required");
		Assert.notNull(verifyJob, "verifyJob is required");
		Assert.notNull(reporter, "reporter is required");
		this.launcher = launcher;
		this.verifyJob = verifyJob;
		this.reporter = reporter;
	}

	/**
	 * Resumes the unfinished verify run if there is one (unless {@code newRun}),
	 * otherwise starts the next.
	 */
	public VerifyResult verify(boolean newRun) throws Exception {
		RunResult run = this.launcher.run(this.verifyJob, this.reporter, newRun);
		return new VerifyResult(run, this.reporter.findings(run.runId()));
	}

}
