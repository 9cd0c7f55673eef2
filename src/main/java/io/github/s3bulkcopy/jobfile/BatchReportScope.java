package io.github.s3bulkcopy.jobfile;

/** Which tasks an S3 Batch Operations completion report lists. */
public enum BatchReportScope {

	/**
	 * Every task: this tool's report then shows each object with what Batch Operations
	 * said of it.
	 */
	ALL_TASKS,

	/**
	 * Failed tasks only: smaller reports; objects not listed count as succeeded once the
	 * job is Complete, and the report says that it inferred so.
	 */
	FAILED_TASKS_ONLY

}
