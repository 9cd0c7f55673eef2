package io.github.s3bulkcopy.cli;

import java.util.concurrent.Callable;

import io.github.s3bulkcopy.batchops.BatchOperation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code replicate --job FILE [--wait]}: Batch Replication through S3 Batch Operations.
 */
@Command(name = "replicate", mixinStandardHelpOptions = true,
		description = {
				"Hand the job to S3 Batch Operations as a Batch Replication job (S3ReplicateObject): the "
						+ "source bucket's replication configuration decides where objects go. The manifest is the job "
						+ "file's own (csv or inventory, in S3; its ETag is looked up) or one S3 generates "
						+ "(batch-operations.manifest-generator).",
				"Without --wait it submits the job, looks once and exits 3 while the job runs; run it again (with "
						+ "--wait to stay until the end) to follow the same job: a run never submits twice. When "
						+ "the job is Complete its completion report becomes this tool's report.",
				"Exit codes: 0 every object replicated, 1 some failed, 2 bad job file or manifest, 3 not finished "
						+ "yet or failed resumably (run again), 4 busy, 5 the AWS job failed or was cancelled." })
class ReplicateCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	JobOptions jobOptions;

	@Mixin
	BatchSubmitOptions submitOptions;

	@Override
	public Integer call() throws Exception {
		return BatchCommands.submit(this.jobOptions, BatchOperation.REPLICATE, this.submitOptions,
				this.spec.commandLine().getOut(), this.spec.commandLine().getErr());
	}

}
