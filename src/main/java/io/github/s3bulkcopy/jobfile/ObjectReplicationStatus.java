package io.github.s3bulkcopy.jobfile;

/** An object's replication status, as a generated manifest can filter on it. */
public enum ObjectReplicationStatus {

	/** Never replicated (no replication rule applied when it was written). */
	NONE,

	/** Replication was attempted and failed. */
	FAILED,

	/** Replicated. */
	COMPLETED,

	/** The object is itself a replica. */
	REPLICA

}
