package io.github.s3bulkcopy.cli;

import picocli.CommandLine.Option;

/** How a command that hands a job to S3 Batch Operations submits and follows it. */
class BatchSubmitOptions {

	@Option(names = "--wait", description = "Follow the job until it ends (progress on stderr), then report.")
	boolean wait;

	@Option(names = "--new-run",
			description = "Submit a new job even if the latest run is unfinished (its AWS job is left alone).")
	boolean newRun;

}
