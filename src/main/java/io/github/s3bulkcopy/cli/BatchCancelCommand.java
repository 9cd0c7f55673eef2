package io.github.s3bulkcopy.cli;

import java.util.concurrent.Callable;

import io.github.s3bulkcopy.jobfile.JobFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.s3control.model.S3ControlException;

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
		JobFile jobFile = BatchCommands.load(this.jobOptions);
		String line = BatchCommands.withJob(jobFile, this.batchJob.jobId, this.batchJob.operation(),
				(control, operation, jobId) -> {
					try {
						return "batch job " + jobId + " cancel requested: " + control.cancel(operation, jobId);
					}
					catch (S3ControlException ex) {
						throw BatchCommands.refused(ex, "cancelling batch job " + jobId);
					}
				});
		this.spec.commandLine().getOut().println(line);
		this.spec.commandLine().getOut().flush();
		return 0;
	}

}
