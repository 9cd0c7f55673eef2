package io.github.s3bulkcopy.cli;

import java.util.concurrent.Callable;

import io.github.s3bulkcopy.jobfile.JobFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.s3control.model.S3ControlException;

/** {@code batch-confirm --job FILE}: lets a job created with confirmation required run. */
@Command(name = "batch-confirm", mixinStandardHelpOptions = true,
		description = { "Confirm the S3 Batch Operations job of the job file's latest run (or --job-id), created "
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
		JobFile jobFile = BatchCommands.load(this.jobOptions);
		String line = BatchCommands.withJob(jobFile, this.batchJob.jobId, this.batchJob.operation(),
				(control, operation, jobId) -> {
					try {
						return "batch job " + jobId + " confirmed: " + control.confirm(operation, jobId);
					}
					catch (S3ControlException ex) {
						throw BatchCommands.refused(ex, "confirming batch job " + jobId);
					}
				});
		this.spec.commandLine().getOut().println(line);
		this.spec.commandLine().getOut().flush();
		return 0;
	}

}
