package io.github.s3bulkcopy.jobfile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How objects are copied.
 *
 * @param partitions how many partitions the copy step splits the ledger into
 * @param concurrency objects in flight at once, across all partitions of this process:
 * {@code auto} (the default) to follow the store between {@code minConcurrency} and
 * {@code maxConcurrency}, or a fixed number; either way fewer while S3 throttles
 * @param chunkSize objects per chunk (keys, with all their versions, when every version
 * is copied): the ledger is updated and the progress committed once per chunk
 * @param multipartThreshold objects larger than this are copied in parts (UploadPartCopy,
 * or a multipart upload when streamed)
 * @param partSize the part size of multipart copies and streamed multipart uploads
 * @param skipExisting skip objects already at the destination with equal size and an
 * equal stored checksum (same algorithm and type) or, failing that, an equal valid MD5
 * ETag; never decided by modification time. Null when the job file does not say: runs by
 * hand then copy everything, scheduled runs after the first skip (see
 * {@link #skipExistingOr(boolean)})
 * @param maxAttempts how many times one request is tried before its error counts
 * (throttling, 5xx, resets), with exponential backoff, longer after throttling (the SDK's
 * standard retry strategy); throttling also lowers the objects in flight for a while (see
 * {@code io.github.s3bulkcopy.pacing})
 * @param maxFailures when a run failing wholesale stops (resumably): a count, a share
 * ({@code 50% after 1000}) or {@code none}
 * @param mode server-side copy, a stream through this process, or {@code auto}:
 * server-side when both sides use the same credentials and endpoint, else a stream
 * @param versions each key's current version only, or every version in order
 * @param restore restore archived source objects (days, tier) for a later run to copy;
 * absent: skip them as SKIPPED_ARCHIVED
 * @param deleteExtraneous mirror: after the copy, delete the destination objects under
 * {@code destination.prefix} that no object of the plan maps to (extras), up to
 * {@code maxDeletes}
 * @param maxDeletes the most extras a run deletes: with more, it deletes none and says
 * how many it would have (exit 6); 0, the default, refuses any deletion
 * @param maxRequestsPerSecond the most S3 requests (each attempt, of any kind) this
 * process starts per second; absent: no limit
 * @param maxBytesPerSecond the most bytes this process copies per second (server-side or
 * streamed); absent: no limit
 * @param minConcurrency with {@code concurrency: auto}, the fewest objects in flight
 * (absent: {@value #DEFAULT_MIN_CONCURRENCY})
 * @param maxConcurrency with {@code concurrency: auto}, the most objects in flight
 * (absent: {@value #DEFAULT_MAX_CONCURRENCY}); connection pools are sized for it
 */
public record CopySpec(@DefaultValue("8") @Min(1) @Max(1024) int partitions,
		@DefaultValue("auto") Concurrency concurrency, @DefaultValue("500") @Min(1) @Max(100000) int chunkSize,
		@DefaultValue("5GiB") ByteSize multipartThreshold, @DefaultValue("256MiB") ByteSize partSize,
		@Nullable Boolean skipExisting, @DefaultValue("10") @Min(1) @Max(100) int maxAttempts,
		@DefaultValue("50% after 1000") FailureThreshold maxFailures, @DefaultValue("auto") CopyMode mode,
		@DefaultValue("current") CopyVersions versions, @Nullable @Valid RestoreSpec restore,
		@DefaultValue("false") boolean deleteExtraneous, @DefaultValue("0") @Min(0) long maxDeletes,
		@Nullable @Positive Integer maxRequestsPerSecond, @Nullable ByteSize maxBytesPerSecond,
		@Nullable @Min(1) @Max(Concurrency.MAX) Integer minConcurrency,
		@Nullable @Min(1) @Max(Concurrency.MAX) Integer maxConcurrency) {

	/**
	 * The fewest objects in flight of {@code concurrency: auto} when the job does not
	 * say.
	 */
	public static final int DEFAULT_MIN_CONCURRENCY = 4;

	/**
	 * The most objects in flight of {@code concurrency: auto} when the job does not say.
	 */
	public static final int DEFAULT_MAX_CONCURRENCY = 512;

	/**
	 * The fewest objects in flight: {@code min-concurrency} with {@code auto}, 1 with a
	 * fixed number (which is cut down to 1 while S3 throttles).
	 */
	public int concurrencyFloor() {
		if (!this.concurrency.auto()) {
			return 1;
		}
		return (this.minConcurrency != null) ? this.minConcurrency
				: Math.min(DEFAULT_MIN_CONCURRENCY, concurrencyCeiling());
	}

	/**
	 * The most objects in flight: the fixed number, or {@code max-concurrency} with
	 * {@code auto}; what connection pools are sized for.
	 */
	public int concurrencyCeiling() {
		if (!this.concurrency.auto()) {
			return this.concurrency.fixed();
		}
		return (this.maxConcurrency != null) ? this.maxConcurrency
				: Math.max(DEFAULT_MAX_CONCURRENCY, (this.minConcurrency != null) ? this.minConcurrency : 1);
	}

	/**
	 * Whether a run skips objects already at the destination: what the job file says, or
	 * {@code whenAbsent} when it does not say (a scheduled run after the first skips
	 * them, any other run copies everything).
	 */
	public boolean skipExistingOr(boolean whenAbsent) {
		return (this.skipExisting != null) ? this.skipExisting : whenAbsent;
	}

}
