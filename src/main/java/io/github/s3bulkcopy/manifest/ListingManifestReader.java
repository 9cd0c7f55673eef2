package io.github.s3bulkcopy.manifest;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.util.Assert;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Reads the objects under the source prefix as ListObjectsV2 lists them now: the latest
 * version of each, in key order. Unlike an inventory report this is no snapshot: objects
 * written during the run may or may not be listed.
 * <p>
 * Its position is the last key returned, saved under {@code <name>.last.key}; a restart
 * lists from just after it.
 * <p>
 * The prefix's first-level folders are listed several at once, each a few pages ahead of
 * the plan (see {@link ListingWalk}): the server's time per page, most of planning from a
 * listing, overlaps the ledger inserts and the other folders' pages instead of adding up
 * one page after another.
 */
public class ListingManifestReader extends ManifestReader {

	/** Context key (after the name prefix) of the last key returned. */
	public static final String LAST_KEY_KEY = "last.key";

	private final S3Client s3Client;

	private final String bucket;

	private final String prefix;

	/** What every entry names as where it came from: the same for all, so made once. */
	private final String source;

	private int pageSize = 1000;

	private int foldersAhead = 8;

	private @Nullable ListingWalk walk;

	private @Nullable String lastKey;

	/**
	 * @param s3Client a client that can list the source bucket
	 * @param bucket the source bucket
	 * @param prefix only keys starting with this are listed ("" for all)
	 */
	public ListingManifestReader(S3Client s3Client, String bucket, String prefix) {
		Assert.notNull(s3Client, "s3Client is required");
		Assert.hasText(bucket, "bucket is required");
		Assert.notNull(prefix, "prefix is required");
		this.s3Client = s3Client;
		this.bucket = bucket;
		this.prefix = prefix;
		this.source = "s3://" + bucket + "/" + prefix + " listing";
	}

	/**
	 * Keys asked for per ListObjectsV2 request (1 to 1000, S3's maximum; default 1000).
	 */
	public void setPageSize(int pageSize) {
		Assert.isTrue(pageSize >= 1 && pageSize <= 1000, "pageSize must be between 1 and 1000");
		this.pageSize = pageSize;
	}

	/** How many first-level folders are listed at once (default 8). */
	public void setFoldersAhead(int foldersAhead) {
		Assert.isTrue(foldersAhead >= 1, "foldersAhead must be at least 1");
		this.foldersAhead = foldersAhead;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		close();
		this.lastKey = executionContext.getString(getExecutionContextKey(LAST_KEY_KEY), null);
		this.walk = new ListingWalk(this::list, this.bucket, this.prefix, this.lastKey, this.pageSize,
				this.foldersAhead);
	}

	@Override
	public @Nullable ManifestEntry read() {
		ListingWalk listing = this.walk;
		Assert.state(listing != null, "open() must be called before read()");
		S3Object object = listing.next();
		if (object == null) {
			return null;
		}
		this.lastKey = object.key();
		String checksumAlgorithm = object.hasChecksumAlgorithm() && !object.checksumAlgorithmAsStrings().isEmpty()
				? object.checksumAlgorithmAsStrings().get(0) : null;
		return new ManifestEntry(this.bucket, object.key(), null, object.size(), ObjectKeys.stripQuotes(object.eTag()),
				checksumAlgorithm, object.storageClassAsString(), null, null, this.source, object.lastModified(), null,
				false);
	}

	private ListObjectsV2Response list(ListObjectsV2Request request) {
		try {
			return this.s3Client.listObjectsV2(request);
		}
		catch (SdkException ex) {
			String listed = (request.prefix() != null) ? request.prefix() : "";
			throw new ManifestException("cannot list s3://" + this.bucket + "/" + listed + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void update(ExecutionContext executionContext) {
		if (this.lastKey != null) {
			executionContext.putString(getExecutionContextKey(LAST_KEY_KEY), this.lastKey);
		}
	}

	@Override
	public void close() {
		// Listings still running stop; a request in flight finishes on its own thread,
		// and nothing reads it.
		if (this.walk != null) {
			this.walk.close();
			this.walk = null;
		}
	}

}
