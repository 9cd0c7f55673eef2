package io.github.s3bulkcopy;

/** The exit codes scripts can rely on; docs/operations.md lists them too. */
public final class ExitCodes {

	/**
	 * Every object copied, skipped as unchanged, or archived and not copied
	 * (SKIPPED_ARCHIVED, RESTORE_PENDING); none failed.
	 */
	public static final int OK = 0;

	/** The run finished, but some objects failed (see the report). */
	public static final int OBJECTS_FAILED = 1;

	/**
	 * Bad usage, an invalid job file or an unreadable manifest: fix the input and run
	 * again.
	 */
	public static final int INVALID_INPUT = 2;

	/** The run failed or was stopped and can be resumed with the same command. */
	public static final int RESUMABLE = 3;

	/** Another process is working on this job right now. */
	public static final int BUSY = 4;

	/**
	 * The AWS job of a {@code batch-copy} or {@code replicate} run failed or was
	 * cancelled as a whole: not resumable (it is the same AWS job); the next command
	 * submits a new one as a new run.
	 */
	public static final int BATCH_JOB_ENDED = 5;

	/**
	 * The copy finished (no object failed), but {@code copy.delete-extraneous} found more
	 * destination objects outside the plan than {@code copy.max-deletes} allows, so it
	 * deleted none (the report lists them).
	 */
	public static final int DELETES_REFUSED = 6;

	private ExitCodes() {
	}

}
