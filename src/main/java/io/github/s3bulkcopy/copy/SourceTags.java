package io.github.s3bulkcopy.copy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.s3bulkcopy.ledger.PlannedObject;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.Tagging;

import org.springframework.util.Assert;

/**
 * The tags of source objects, for streamed copies and multipart copies to carry over (a
 * PUT or a multipart upload does not copy tags the way CopyObject does). AWS S3 reports a
 * tag count on every GET and HEAD ({@code x-amz-tagging-count}, absent when there are
 * none), so there only tagged objects cost a GetObjectTagging request; S3-compatible
 * servers may not report the count, so there every object is asked. A server that answers
 * 501 NotImplemented has no tags to copy: it is not asked again.
 */
final class SourceTags {

	private static final Logger logger = LoggerFactory.getLogger(SourceTags.class);

	private final S3AsyncClient sourceClient;

	private final boolean countReported;

	private final AtomicBoolean unsupported = new AtomicBoolean();

	/**
	 * @param sourceClient the source's client
	 * @param countReported whether the source reports tag counts on GET and HEAD (AWS S3
	 * does)
	 */
	SourceTags(S3AsyncClient sourceClient, boolean countReported) {
		Assert.notNull(sourceClient, "sourceClient is required");
		this.sourceClient = sourceClient;
		this.countReported = countReported;
	}

	/** The object's tags, or null when it has none (or the source has no tagging). */
	CompletableFuture<@Nullable Tagging> of(PlannedObject object, @Nullable Integer tagCount) {
		boolean none = (tagCount != null) ? tagCount == 0 : this.countReported;
		if (none || this.unsupported.get()) {
			return CompletableFuture.completedFuture(null);
		}
		return this.sourceClient
			.getObjectTagging(
					(get) -> get.bucket(object.sourceBucket()).key(object.sourceKey()).versionId(object.versionId()))
			.<@Nullable Tagging>thenApply((response) -> response.hasTagSet() && !response.tagSet().isEmpty()
					? Tagging.builder().tagSet(response.tagSet()).build() : null)
			.exceptionallyCompose((error) -> {
				if (isNotImplemented(S3Failure.unwrap(error))) {
					if (this.unsupported.compareAndSet(false, true)) {
						// Not a warning: a server without tagging holds no tags, so
						// nothing is left behind.
						logger.info("The source does not implement object tagging (501 NotImplemented): its "
								+ "objects have no tags to copy, and it is not asked again");
					}
					return CompletableFuture.completedFuture(null);
				}
				return CompletableFuture.failedFuture(error);
			});
	}

	/**
	 * Only a real 501 NotImplemented: any other error (AccessDenied, 5xx) is not taken to
	 * mean "no tags".
	 */
	static boolean isNotImplemented(Throwable error) {
		return error instanceof AwsServiceException service && service.statusCode() == 501
				&& service.awsErrorDetails() != null && "NotImplemented".equals(service.awsErrorDetails().errorCode());
	}

}
