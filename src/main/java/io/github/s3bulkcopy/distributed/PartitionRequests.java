package io.github.s3bulkcopy.distributed;

import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * The messages of a distributed run: a partition request travels as text,
 * {@code <step name>:<step execution id>}, so that nothing is deserialised from the
 * broker and nothing but an id (no credential, no setting) leaves the manager. Each job
 * has a queue of its own, so a worker holding one job's credentials never sees another's
 * partitions.
 */
public final class PartitionRequests {

	private PartitionRequests() {
	}

	/** The queue of a job's partition requests. */
	public static String queue(String jobName) {
		return "s3bulkcopy." + jobName + ".partitions";
	}

	public static String format(StepExecutionRequest request) {
		return request.getStepName() + ":" + request.getStepExecutionId();
	}

	/**
	 * Reads a request.
	 * @throws IllegalArgumentException when the text is not a request
	 */
	public static StepExecutionRequest parse(String text) {
		int colon = text.lastIndexOf(':');
		if (colon <= 0) {
			throw new IllegalArgumentException("not a partition request: '" + text + "'");
		}
		try {
			return new StepExecutionRequest(text.substring(0, colon), Long.parseLong(text.substring(colon + 1).trim()));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("not a partition request: '" + text + "'", ex);
		}
	}

}
