package io.github.s3bulkcopy.cli;

import java.util.concurrent.Callable;

import io.github.s3bulkcopy.batchops.BatchOperation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code batch-copy --job FILE [--wait]}: the copy handed to S3 Batch Operations. */
@Command(name = "batch-copy", mixinStandardHelpOptions = true,
		description = {
				"Copy the job's objects with S3 Batch Operations (S3PutObjectCopy to the destination bucket, "
						+ "with its prefix, storage class, KMS key and ACL) instead of this tool's own copy.",
				"Batch Operations copies objects up to 5 GiB: the job's manifest is planned as for copy, objects "
						+ "up to batch-operations.max-object-size go into a manifest written to the report bucket, "
						+ "and the larger ones are copied by this tool's copy step in the same run, once the AWS "
						+ "job is Complete. The report lists every object once.",
				"Without --wait it submits the job, looks once and exits 3 while the job runs; run it again (with "
						+ "--wait to stay until the end) to follow the same job: a run never submits twice.",
				"Exit codes: 0 every object copied, 1 some failed, 2 bad job file or manifest, 3 not finished yet "
						+ "or failed resumably (run again), 4 busy, 5 the AWS job failed or was cancelled." })
class BatchCopyCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	JobOptions jobOptions;

	@Mixin
	BatchSubmitOptions submitOptions;

	@Override
	public Integer call() throws Exception {
		return BatchCommands.submit(this.jobOptions, BatchOperation.COPY, this.submitOptions,
				this.spec.commandLine().getOut(), this.spec.commandLine().getErr());
	}

}
