package io.github.s3bulkcopy.batchops;

import org.jspecify.annotations.Nullable;

/**
 * One row of a Batch Operations completion report: what happened to one object.
 *
 * @param bucket the object's bucket
 * @param key the object's key, decoded
 * @param versionId its version, when the manifest named one
 * @param succeeded whether the task succeeded
 * @param errorCode the error code of a failed task (e.g. NoSuchKey)
 * @param httpStatus the HTTP status of the task's request
 * @param message Batch Operations' result message
 */
record TaskResult(String bucket, String key, @Nullable String versionId, boolean succeeded, @Nullable String errorCode,
		@Nullable Integer httpStatus, @Nullable String message) {

}
