package io.github.s3bulkcopy.jobfile;

import java.util.Objects;

/** How bytes get from the source to the destination ({@code copy.mode}). */
public enum CopyMode {

	/**
	 * Server-side copy when both sides act with the same credentials on the same
	 * endpoint, otherwise a stream: two different principals can only copy by reading
	 * with one and writing with the other.
	 */
	AUTO,

	/**
	 * CopyObject / UploadPartCopy with the destination's credentials, which must also be
	 * able to read the source (one role, or a source bucket policy that lets the
	 * destination's principal read).
	 */
	SERVER_SIDE,

	/**
	 * GET with the source's credentials and PUT (or multipart upload) with the
	 * destination's: bytes pass through.
	 */
	STREAM;

	/**
	 * The mode a job runs with: {@link #SERVER_SIDE} or {@link #STREAM}, never
	 * {@link #AUTO}.
	 */
	public static CopyMode resolve(JobSpec job) {
		CopyMode mode = job.copy().mode();
		if (mode != AUTO) {
			return mode;
		}
		return sameIdentity(job.source(), job.destination()) ? SERVER_SIDE : STREAM;
	}

	/**
	 * Whether both sides resolve to the same credentials: the same credentials spec on
	 * the same endpoint.
	 */
	public static boolean sameIdentity(BucketSide source, BucketSide destination) {
		return source.credentials().equals(destination.credentials())
				&& Objects.equals(source.endpoint(), destination.endpoint());
	}

}
