package io.github.s3bulkcopy.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code batch-confirm --job FILE}: lets a job created with confirmation required run.
 */
@Command(name = "batch-confirm", mixinStandardHelpOptions = true,
		description = {
				"Confirm the S3 Batch Operations job of the job file's latest run (or --job-id), created "
						+ "with batch-operations.confirmation-required: UpdateJobStatus to Ready, so it runs.",
				"Exit codes: 0 confirmed, 2 no job submitted or the job is not waiting for confirmation." })
class BatchConfirmCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	JobOptions jobOptions;

	@Mixin
	BatchJobOptions batchJob;

	@Override
	public Integer call() throws Exception {
		return BatchCommands.updateStatus(this.jobOptions, this.batchJob, this.spec.commandLine().getOut(),
				"confirming", "confirmed", (control, operation, jobId) -> control.confirm(operation, jobId));
	}

}
