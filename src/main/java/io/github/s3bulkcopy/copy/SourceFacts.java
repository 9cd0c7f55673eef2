package io.github.s3bulkcopy.copy;

import java.util.Map;

import io.github.s3bulkcopy.ledger.PlannedObject;
import io.github.s3bulkcopy.verify.Checksum;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * What is known about a source object when its copy starts: from the manifest, or from a
 * HEAD (made with checksum mode enabled) where the manifest did not say enough: no size,
 * an object large enough for a multipart copy, which needs its headers, or a skip check
 * that needs the source's stored checksum. (A verification reads that checksum after the
 * copy, and only when the copy's own evidence proves nothing: see
 * {@link CopyVerification}.)
 *
 * @param size the size in bytes
 * @param etag the ETag without quotes, if known
 * @param encryption the encryption, if known
 * @param head the HEAD response, when one was made
 * @param features what the run knows of the buckets, which decides what of the source's
 * own properties a copy sends ({@link Carried})
 */
public record SourceFacts(long size, @Nullable String etag, @Nullable String encryption,
		@Nullable HeadObjectResponse head, BucketFeatures.Features features) {

	/**
	 * Facts of a run that looked nothing up about its buckets
	 * ({@link BucketFeatures.Features#NONE}).
	 */
	public SourceFacts(long size, @Nullable String etag, @Nullable String encryption,
			@Nullable HeadObjectResponse head) {
		this(size, etag, encryption, head, BucketFeatures.Features.NONE);
	}

	public static SourceFacts fromManifest(PlannedObject object) {
		return fromManifest(object, BucketFeatures.Features.NONE);
	}

	public static SourceFacts fromManifest(PlannedObject object, BucketFeatures.Features features) {
		return new SourceFacts(object.size(), object.etag(), object.encryptionStatus(), null, features);
	}

	public static SourceFacts fromHead(HeadObjectResponse head) {
		return fromHead(head, BucketFeatures.Features.NONE);
	}

	public static SourceFacts fromHead(HeadObjectResponse head, BucketFeatures.Features features) {
		String encryption = (head.serverSideEncryption() != null) ? head.serverSideEncryptionAsString()
				: (head.sseCustomerAlgorithm() != null) ? "SSE-C" : null;
		return new SourceFacts(head.contentLength(), head.eTag(), encryption, head, features);
	}

	public Map<String, String> metadata() {
		return (this.head != null) ? this.head.metadata() : Map.of();
	}

	/** The source's stored checksum, when a HEAD was made and the source has one. */
	public @Nullable Checksum checksum() {
		return (this.head != null) ? Checksum.fromHead(this.head) : null;
	}

}
