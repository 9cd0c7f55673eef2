package io.github.s3bulkcopy.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

import io.github.s3bulkcopy.ExitCodes;
import io.github.s3bulkcopy.batchops.JobSnapshot;
import io.github.s3bulkcopy.batchops.JobStatusLines;
import io.github.s3bulkcopy.jobfile.JobFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code batch-status --job FILE}: one DescribeJob of the job file's Batch Operations
 * job.
 */
@Command(name = "batch-status", mixinStandardHelpOptions = true,
		description = { "Show the S3 Batch Operations job of the job file's latest replicate or batch-copy run (or "
				+ "the one --job-id names): its status, tasks succeeded, failed and total, time active, and failure "
				+ "reasons. Changes nothing.",
				"Exit codes: 0 Complete, 3 not finished yet, 5 Failed or Cancelled, 2 no job was submitted." })
class BatchStatusCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	JobOptions jobOptions;

	@Mixin
	BatchJobOptions batchJob;

	@Override
	public Integer call() throws Exception {
		JobFile jobFile = BatchCommands.load(this.jobOptions);
		PrintWriter out = this.spec.commandLine().getOut();
		JobSnapshot job = BatchCommands.withJob(jobFile, this.batchJob.jobId, this.batchJob.operation(),
				(control, operation, jobId) -> control.describe(operation, jobId));
		out.println(JobStatusLines.of(job, jobFile.path().toString(), Duration.ZERO));
		out.flush();
		if (job.isComplete()) {
			return ExitCodes.OK;
		}
		return job.endedUnfinished() ? ExitCodes.BATCH_JOB_ENDED : ExitCodes.RESUMABLE;
	}

}
