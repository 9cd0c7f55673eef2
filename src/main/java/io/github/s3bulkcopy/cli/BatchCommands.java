package io.github.s3bulkcopy.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.s3bulkcopy.ExitCodes;
import io.github.s3bulkcopy.batchops.BatchJobControl;
import io.github.s3bulkcopy.batchops.BatchOperation;
import io.github.s3bulkcopy.batchops.BatchOperationsClients;
import io.github.s3bulkcopy.batchops.BatchOperationsConfiguration;
import io.github.s3bulkcopy.batchops.BatchProgress;
import io.github.s3bulkcopy.batchops.BatchRunLauncher;
import io.github.s3bulkcopy.batchops.BatchRunResult;
import io.github.s3bulkcopy.clients.BucketTermsInterceptor;
import io.github.s3bulkcopy.clients.S3ClientFactory;
import io.github.s3bulkcopy.jobfile.JobFile;
import io.github.s3bulkcopy.run.JobContexts;
import io.github.s3bulkcopy.run.NothingToResumeException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3control.model.S3ControlException;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the Batch Operations commands share: loading and checking the job file, running,
 * printing.
 */
final class BatchCommands {

	/**
	 * Longest job name whose {@code <name>.batch-copy} still is a job name (report
	 * folders use it).
	 */
	private static final int MAX_NAME = 100 - ".batch-copy".length();

	private BatchCommands() {
	}

	static JobFile load(JobOptions options) {
		JobFile jobFile = options.load();
		if (jobFile.spec().batchOperations() == null) {
			throw new UsageException(jobFile.path() + ": has no batch-operations section: add one (see "
					+ "jobs/batch-operations.yml) to hand the job to S3 Batch Operations");
		}
		if (jobFile.spec().name().length() > MAX_NAME) {
			throw new UsageException(jobFile.path() + ": name: at most " + MAX_NAME
					+ " characters for Batch Operations, whose runs are named <name>.batch-copy");
		}
		return jobFile;
	}

	/** replicate and batch-copy: run, print, and return the exit code. */
	static int submit(JobOptions options, BatchOperation operation, BatchSubmitOptions submitOptions, PrintWriter out,
			PrintWriter err) throws Exception {
		JobFile jobFile = load(options);
		if (operation == BatchOperation.COPY && jobFile.spec().batchOperations().manifestGenerator() != null) {
			throw new UsageException(jobFile.path() + ": batch-copy needs every object's size, to copy objects above "
					+ "batch-operations.max-object-size itself: remove batch-operations.manifest-generator and name "
					+ "the objects in manifest (a listing will do); the generator is for replicate");
		}
		if (jobFile.spec().copy().deleteExtraneous()) {
			// S3 Batch Operations copies or replicates; it never lists the destination or
			// deletes from it
			throw new UsageException(jobFile.path() + ": copy.delete-extraneous: " + operation.command()
					+ " hands the objects to S3 Batch Operations, which cannot delete what the source does not have: "
					+ "remove copy.delete-extraneous, or run 'copy' (which deletes extras after it " + "copies)");
		}
		if (operation == BatchOperation.REPLICATE && jobFile.spec().filter().isSet()) {
			// replicate hands its manifest to S3 as it is: a filter it ignored would
			// replicate more than asked
			throw new UsageException(jobFile.path() + ": replicate hands the manifest to S3 Batch Operations without "
					+ "planning it, so the filter section cannot apply: remove filter, or select the objects with "
					+ "batch-operations.manifest-generator (key-prefixes, created-after, created-before, "
					+ "size-greater-than, size-less-than, storage-classes)");
		}
		try (ConfigurableApplicationContext context = JobContexts.forJob(jobFile, Map.of(),
				BatchOperationsConfiguration.class)) {
			context.getBean(BatchProgress.class).printTo(err);
			BatchRunResult result = context.getBean(BatchRunLauncher.class)
				.run(operation, submitOptions.wait, submitOptions.newRun);
			print(out, result, jobFile);
			return result.exitCode();
		}
	}

	static void print(PrintWriter out, BatchRunResult result, JobFile jobFile) {
		String outcome = switch (result.exitCode()) {
			case 0 ->
				"COMPLETED: every object " + ((result.operation() == BatchOperation.COPY) ? "copied" : "replicated");
			case 1 -> "COMPLETED WITH FAILURES: " + result.counts().failed() + " object(s) failed, "
					+ result.counts().pending() + " left, see the report";
			case ExitCodes.BATCH_JOB_ENDED -> "the Batch Operations job " + upper(result.awsStatus())
					+ ((result.failureReasons() != null) ? " (" + result.failureReasons() + ")" : "") + ": the next "
					+ result.operation().command() + " submits a new job as a new run";
			default -> (result.status().name().equals("STOPPED"))
					? "SUBMITTED, not finished: follow it with '" + result.operation().command() + " --job "
							+ jobFile.path() + " --wait' or 'batch-status --job " + jobFile.path() + "'"
					: result.status() + ": run the same command again to resume";
		};
		out.printf(Locale.ROOT, "Run %d of job %s%s: %s%n", result.run(), result.jobName(),
				result.resumed() ? " (resumed)" : "", outcome);
		if (result.awsJobId() != null) {
			out.println("  batch job:    " + result.awsJobId() + " ("
					+ ((result.awsStatus() != null) ? result.awsStatus() : "submitted") + ")");
		}
		RunPrinter.printCounts(out, result.counts());
		for (String failure : result.failures()) {
			out.println("  failure:      " + failure);
		}
		if (result.reportDirectory() != null) {
			out.println("  report:       " + result.reportDirectory().resolve("completion-report.csv"));
			out.println("  summary:      " + result.reportDirectory().resolve("summary.json"));
		}
		out.flush();
	}

	/**
	 * The AWS job a status, confirm or cancel command is about: the one given, or the
	 * latest a run of this job file submitted, from the job database.
	 */
	static <T> T withJob(JobFile jobFile, @Nullable String jobId, BatchOperation operation, JobAction<T> action)
			throws Exception {
		try (BatchOperationsClients clients = new BatchOperationsClients(
				new S3ClientFactory(List.of(BucketTermsInterceptor.of(jobFile.spec()))), jobFile.spec())) {
			if (jobId != null) {
				return action.run(new BatchJobControl(clients, jobFile.spec(), null), operation, jobId);
			}
			try (ConfigurableApplicationContext context = JobContexts.repository(Map.of())) {
				BatchJobControl control = new BatchJobControl(clients, jobFile.spec(),
						context.getBean(JobRepository.class));
				BatchJobControl.Submitted submitted = control.latest()
					.orElseThrow(() -> new NothingToResumeException("job '" + jobFile.spec().name()
							+ "' has submitted no Batch Operations job (run replicate or batch-copy first)"));
				return action.run(control, submitted.operation(), submitted.awsJobId());
			}
		}
	}

	/**
	 * Changes the status of the AWS job a confirm or cancel command is about, and prints
	 * what S3 Control answered.
	 * @param doing what is being done, for a refusal's message ("confirming")
	 * @param done what was done, for the printed line ("confirmed")
	 */
	static int updateStatus(JobOptions options, BatchJobOptions batchJob, PrintWriter out, String doing, String done,
			StatusUpdate update) throws Exception {
		JobFile jobFile = load(options);
		String line = withJob(jobFile, batchJob.jobId, batchJob.operation(), (control, operation, jobId) -> {
			try {
				return "batch job " + jobId + " " + done + ": " + update.apply(control, operation, jobId);
			}
			catch (S3ControlException ex) {
				throw refused(ex, doing + " batch job " + jobId);
			}
		});
		out.println(line);
		out.flush();
		return 0;
	}

	/**
	 * An S3 Control refusal that is about the request (the job is not in a state for it,
	 * no such job): exit 2.
	 */
	static RuntimeException refused(S3ControlException ex, String what) {
		if (ex.statusCode() >= 400 && ex.statusCode() < 500) {
			String reason = (ex.awsErrorDetails() != null) ? ex.awsErrorDetails().errorMessage() : ex.getMessage();
			return new UsageException(what + " refused by S3 Control: " + reason);
		}
		return ex;
	}

	private static String upper(@Nullable String status) {
		return (status != null) ? status.toUpperCase(Locale.ROOT) : "ENDED";
	}

	/** One UpdateJobStatus call; returns the status S3 Control reports. */
	@FunctionalInterface
	interface StatusUpdate {

		String apply(BatchJobControl control, BatchOperation operation, String jobId) throws S3ControlException;

	}

	@FunctionalInterface
	interface JobAction<T> {

		T run(BatchJobControl control, BatchOperation operation, String jobId) throws Exception;

	}

}
