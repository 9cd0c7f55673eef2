package io.github.s3bulkcopy.batchops;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What a run of a Batch Operations job keeps in its job execution context, so a resumed
 * run, a later status query or a confirm finds it: the AWS job id above all, written once
 * CreateJob answered, so a resume waits for that job and never submits another.
 */
final class BatchJobState {

	static final String AWS_JOB_ID = "batch.awsJobId";

	static final String AWS_STATUS = "batch.awsStatus";

	static final String FAILURE_REASONS = "batch.failureReasons";

	static final String MANIFEST = "batch.manifest";

	static final String MANIFEST_FORMAT = "batch.manifestFormat";

	static final String BATCH_OBJECTS = "batch.objects";

	static final String OWN_COPY_OBJECTS = "batch.ownCopyObjects";

	static final String REPORT_BUCKET = "batch.reportBucket";

	static final String REPORT_PREFIX = "batch.reportPrefix";

	/**
	 * Set when the split found nothing for Batch Operations to do: no AWS job is created.
	 */
	static final String NO_AWS_JOB = "batch.noAwsJob";

	private BatchJobState() {
	}

	static @Nullable String jobId(JobExecution execution) {
		return string(execution.getExecutionContext(), AWS_JOB_ID);
	}

	static @Nullable String status(JobExecution execution) {
		return string(execution.getExecutionContext(), AWS_STATUS);
	}

	static @Nullable String string(ExecutionContext context, String key) {
		return context.containsKey(key) ? context.getString(key) : null;
	}

}
