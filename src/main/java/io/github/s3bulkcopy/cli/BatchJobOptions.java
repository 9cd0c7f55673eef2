package io.github.s3bulkcopy.cli;

import io.github.s3bulkcopy.batchops.BatchOperation;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Which AWS job batch-status, batch-confirm and batch-cancel are about. */
class BatchJobOptions {

	@Option(names = "--job-id", paramLabel = "ID",
			description = "The AWS job id (printed when it was submitted). Default: the job of the job file's latest "
					+ "replicate or batch-copy run, from the job database; give the id while another process holds "
					+ "the embedded job database (e.g. a --wait).")
	@Nullable String jobId;

	@Option(names = "--operation", paramLabel = "OP", defaultValue = "batch-copy",
			description = "With --job-id: batch-copy or replicate, which decides the default region "
					+ "(default ${DEFAULT-VALUE}).")
	String operation;

	BatchOperation operation() {
		for (BatchOperation candidate : BatchOperation.values()) {
			if (candidate.command().equals(this.operation)) {
				return candidate;
			}
		}
		throw new UsageException("--operation must be batch-copy or replicate (was '" + this.operation + "')");
	}

}
