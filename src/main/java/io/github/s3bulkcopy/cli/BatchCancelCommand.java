package io.github.s3bulkcopy.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code batch-cancel --job FILE}: cancels the job file's Batch Operations job. */
@Command(name = "batch-cancel", mixinStandardHelpOptions = true,
		description = { "Cancel the S3 Batch Operations job of the job file's latest run (or --job-id): "
				+ "UpdateJobStatus to Cancelled. Tasks already done stay done. The run then ends, with a report of "
				+ "what was done, at its next replicate or batch-copy command (exit 5); the one after submits a new "
				+ "job.",
				"Exit codes: 0 cancelled (or being cancelled), 2 no job submitted or the job cannot be cancelled." })
class BatchCancelCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	JobOptions jobOptions;

	@Mixin
	BatchJobOptions batchJob;

	@Override
	public Integer call() throws Exception {
		return BatchCommands.updateStatus(this.jobOptions, this.batchJob, this.spec.commandLine().getOut(),
				"cancelling", "cancel requested", (control, operation, jobId) -> control.cancel(operation, jobId));
	}

}
