package io.github.s3bulkcopy.copy;

import java.util.Map;

import io.github.s3bulkcopy.ledger.PlannedObject;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * What is known about a source object when its copy starts: from the manifest, or from a HEAD where the manifest
 * did not say enough (no size, or an object large enough for a multipart copy, which needs its headers).
 *
 * @param size the size in bytes
 * @param etag the ETag without quotes, if known
 * @param encryption the encryption, if known
 * @param head the HEAD response, when one was made
 */
public record SourceFacts(long size, @Nullable String etag, @Nullable String encryption, @Nullable HeadObjectResponse head) {

	public static SourceFacts fromManifest(PlannedObject object) {
		return new SourceFacts(object.size(), object.etag(), object.encryptionStatus(), null);
	}

	public static SourceFacts fromHead(HeadObjectResponse head) {
		String encryption = (head.serverSideEncryption() != null) ? head.serverSideEncryptionAsString()
				: (head.sseCustomerAlgorithm() != null) ? "SSE-C" : null;
		return new SourceFacts(head.contentLength(), head.eTag(), encryption, head);
	}

	public Map<String, String> metadata() {
		return (this.head != null) ? this.head.metadata() : Map.of();
	}

}
