package io.github.s3bulkcopy.batchops;

import java.util.Locale;

/** What a Batch Operations job does to each object, and the command that submits it. */
public enum BatchOperation {

	/**
	 * Batch Replication ({@code S3ReplicateObject}): the source bucket's replication
	 * configuration decides where.
	 */
	REPLICATE("replicate", "S3ReplicateObject"),

	/**
	 * {@code S3PutObjectCopy} to the destination bucket, objects up to 5 GiB; larger ones
	 * this tool copies itself.
	 */
	COPY("batch-copy", "S3PutObjectCopy");

	private final String command;

	private final String awsName;

	BatchOperation(String command, String awsName) {
		this.command = command;
		this.awsName = awsName;
	}

	/** The command that submits it, also the suffix of its Spring Batch job's name. */
	public String command() {
		return this.command;
	}

	/** The operation's name in the S3 Control API. */
	public String awsName() {
		return this.awsName;
	}

	/**
	 * The Spring Batch job of this operation for a job file: {@code <name>.replicate} or
	 * {@code <name>.batch-copy}.
	 */
	public String jobName(String jobFileName) {
		return jobFileName + "." + this.command;
	}

	/** The operation whose Spring Batch job this is; fails for any other job. */
	static BatchOperation ofJobName(String jobName) {
		for (BatchOperation operation : values()) {
			if (jobName.endsWith("." + operation.command)) {
				return operation;
			}
		}
		throw new IllegalArgumentException("not a Batch Operations job: " + jobName);
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

}
