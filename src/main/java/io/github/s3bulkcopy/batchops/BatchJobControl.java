package io.github.s3bulkcopy.batchops;

import java.util.Comparator;
import java.util.Optional;

import io.github.s3bulkcopy.jobfile.JobSpec;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.model.RequestedJobStatus;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.util.Assert;

/**
 * Follows and steers a submitted Batch Operations job: DescribeJob, and UpdateJobStatus
 * to Ready (confirm) or Cancelled. Finds the job of a job file's latest Batch Operations
 * run in the job database, or takes its id.
 */
public class BatchJobControl {

	/**
	 * A submitted job as the job database knows it.
	 *
	 * @param operation replicate or copy
	 * @param run the run number
	 * @param awsJobId the AWS job id
	 */
	public record Submitted(BatchOperation operation, long run, String awsJobId) {
	}

	private final BatchOperationsClients clients;

	private final JobSpec spec;

	private final @Nullable JobRepository jobRepository;

	public BatchJobControl(BatchOperationsClients clients, JobSpec spec, @Nullable JobRepository jobRepository) {
		Assert.notNull(clients, "clients is required");
		Assert.notNull(spec, "spec is required");
		this.clients = clients;
		this.spec = spec;
		this.jobRepository = jobRepository;
	}

	/**
	 * The AWS job of the job file's latest replicate or batch-copy run that submitted
	 * one.
	 */
	public Optional<Submitted> latest() {
		Assert.state(this.jobRepository != null, "no job database");
		return java.util.Arrays.stream(BatchOperation.values())
			.map(this::latest)
			.flatMap(Optional::stream)
			.max(Comparator.comparing((found) -> found.execution().getCreateTime()))
			.map(Found::submitted);
	}

	private Optional<Found> latest(BatchOperation operation) {
		JobRepository repository = this.jobRepository;
		for (JobInstance instance : repository.getJobInstances(operation.jobName(this.spec.name()), 0, 20)) {
			JobExecution execution = repository.getLastJobExecution(instance);
			String jobId = (execution != null) ? BatchJobState.jobId(execution) : null;
			if (jobId != null) {
				Long run = execution.getJobParameters().getLong(BatchRunLauncher.RUN);
				return Optional.of(new Found(
						new Submitted(operation, (run != null) ? run : instance.getInstanceId(), jobId), execution));
			}
		}
		return Optional.empty();
	}

	public JobSnapshot describe(BatchOperation operation, String awsJobId) {
		return JobSnapshot
			.of(control(operation).describeJob((describe) -> describe.accountId(accountId()).jobId(awsJobId)).job());
	}

	/** Moves a job waiting for confirmation (Suspended) to Ready, so it runs. */
	public String confirm(BatchOperation operation, String awsJobId) {
		return update(operation, awsJobId, RequestedJobStatus.READY, "confirmed with s3-bulk-copy batch-confirm");
	}

	/** Cancels a job. */
	public String cancel(BatchOperation operation, String awsJobId) {
		return update(operation, awsJobId, RequestedJobStatus.CANCELLED, "cancelled with s3-bulk-copy batch-cancel");
	}

	private String update(BatchOperation operation, String awsJobId, RequestedJobStatus status, String reason) {
		return control(operation)
			.updateJobStatus((update) -> update.accountId(accountId())
				.jobId(awsJobId)
				.requestedJobStatus(status)
				.statusUpdateReason(reason))
			.statusAsString();
	}

	private S3ControlClient control(BatchOperation operation) {
		return this.clients.control(operation);
	}

	private String accountId() {
		return this.spec.batchOperations().accountId();
	}

	private record Found(Submitted submitted, JobExecution execution) {
	}

}
