package io.github.s3bulkcopy.ledger;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A destination object under the destination prefix that no object of a run's plan maps
 * to, as the destination's listing showed it, and what became of it.
 *
 * @param seq its position among the run's extras, in listing order (1-based)
 * @param destinationKey its key at the destination
 * @param sourceKey the source key that would map to it (the destination prefix replaced
 * by the source prefix)
 * @param size its size in bytes, as listed
 * @param etag its ETag without quotes, as listed
 * @param lastModified when it was written, as listed
 * @param status found, deleted or not deleted
 * @param errorCode the S3 error code of a refused deletion
 * @param message why a deletion failed
 * @param finishedAt when it was deleted, or its deletion failed
 */
public record ExtraObject(long seq, String destinationKey, String sourceKey, @Nullable Long size, @Nullable String etag,
		@Nullable Instant lastModified, ExtraStatus status, @Nullable String errorCode, @Nullable String message,
		@Nullable Instant finishedAt) {

	/** An extra as the listing found it. */
	public static ExtraObject found(long seq, String destinationKey, String sourceKey, @Nullable Long size,
			@Nullable String etag, @Nullable Instant lastModified) {
		return new ExtraObject(seq, destinationKey, sourceKey, size, etag, lastModified, ExtraStatus.FOUND, null, null,
				null);
	}

	/** The same extra, deleted at {@code at}. */
	public ExtraObject deleted(Instant at) {
		return new ExtraObject(this.seq, this.destinationKey, this.sourceKey, this.size, this.etag, this.lastModified,
				ExtraStatus.DELETED, null, null, at);
	}

	/** The same extra, its deletion refused by S3. */
	public ExtraObject deleteFailed(String code, String why, Instant at) {
		return new ExtraObject(this.seq, this.destinationKey, this.sourceKey, this.size, this.etag, this.lastModified,
				ExtraStatus.DELETE_FAILED, code, why, at);
	}

}
