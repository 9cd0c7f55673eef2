package io.github.s3bulkcopy.manifest;

import java.util.Collections;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.util.Assert;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Reads the objects under the source prefix as ListObjectsV2 lists them now: the latest version of each, in key
 * order, one page at a time. Unlike an inventory report this is no snapshot: objects written during the run may or
 * may not be listed.
 * <p>
 * Its position is the last key returned, saved under {@code <name>.last.key}; a restart lists from just after it.
 * <p>
 * The next page is asked for as soon as a page arrives, while this one's entries are planned: the server's time to
 * list a page (the larger part of planning from a listing) overlaps the ledger inserts instead of adding to them.
 */
public class ListingManifestReader extends ManifestReader {

	/** Context key (after the name prefix) of the last key returned. */
	public static final String LAST_KEY_KEY = "last.key";

	private final S3Client s3Client;

	private final String bucket;

	private final String prefix;

	private int pageSize = 1000;

	private Iterator<S3Object> page = Collections.emptyIterator();

	/** The page after the current one, being fetched; null before the first page and after the last. */
	private @Nullable CompletableFuture<ListObjectsV2Response> nextPage;

	private @Nullable String continuationToken;

	private @Nullable String startAfter;

	private boolean lastPage;

	private boolean opened;

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
	}

	/** Keys asked for per ListObjectsV2 request (1 to 1000, S3's maximum; default 1000). */
	public void setPageSize(int pageSize) {
		Assert.isTrue(pageSize >= 1 && pageSize <= 1000, "pageSize must be between 1 and 1000");
		this.pageSize = pageSize;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		this.lastKey = executionContext.getString(getExecutionContextKey(LAST_KEY_KEY), null);
		this.startAfter = this.lastKey;
		this.continuationToken = null;
		this.page = Collections.emptyIterator();
		this.nextPage = null;
		this.lastPage = false;
		this.opened = true;
	}

	@Override
	public @Nullable ManifestEntry read() {
		Assert.state(this.opened, "open() must be called before read()");
		while (!this.page.hasNext()) {
			if (this.lastPage) {
				return null;
			}
			fetchPage();
		}
		S3Object object = this.page.next();
		this.lastKey = object.key();
		String checksumAlgorithm = object.hasChecksumAlgorithm() && !object.checksumAlgorithmAsStrings().isEmpty()
				? object.checksumAlgorithmAsStrings().get(0) : null;
		return new ManifestEntry(this.bucket, object.key(), null, object.size(), stripQuotes(object.eTag()),
				checksumAlgorithm, object.storageClassAsString(), null, null,
				"s3://" + this.bucket + "/" + this.prefix + " listing");
	}

	private void fetchPage() {
		ListObjectsV2Response response = (this.nextPage != null) ? await(this.nextPage) : list(this.continuationToken);
		this.nextPage = null;
		this.page = response.contents().iterator();
		this.continuationToken = response.nextContinuationToken();
		this.lastPage = !Boolean.TRUE.equals(response.isTruncated()) || this.continuationToken == null;
		if (!this.lastPage) {
			String token = this.continuationToken;
			this.nextPage = CompletableFuture.supplyAsync(() -> list(token), ListingManifestReader::prefetch);
		}
	}

	private ListObjectsV2Response list(@Nullable String token) {
		ListObjectsV2Request.Builder request = ListObjectsV2Request.builder()
			.bucket(this.bucket)
			.maxKeys(this.pageSize)
			// Keys may hold characters XML 1.0 cannot carry; encoded, they survive, and the SDK decodes them.
			.encodingType(EncodingType.URL);
		if (!this.prefix.isEmpty()) {
			request.prefix(this.prefix);
		}
		// StartAfter only positions the first request; after that the continuation token does.
		if (token != null) {
			request.continuationToken(token);
		}
		else if (this.startAfter != null) {
			request.startAfter(this.startAfter);
		}
		try {
			return this.s3Client.listObjectsV2(request.build());
		}
		catch (SdkException ex) {
			throw new ManifestException("cannot list s3://" + this.bucket + "/" + this.prefix + ": " + ex.getMessage(),
					ex);
		}
	}

	private static ListObjectsV2Response await(CompletableFuture<ListObjectsV2Response> page) {
		try {
			return page.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/** One short-lived daemon thread per page: a page is one request, and a reader has at most one in flight. */
	private static void prefetch(Runnable fetch) {
		Thread thread = new Thread(fetch, "listing-prefetch");
		thread.setDaemon(true);
		thread.start();
	}

	private static @Nullable String stripQuotes(@Nullable String etag) {
		if (etag == null || etag.isEmpty()) {
			return null;
		}
		return (etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\""))
				? etag.substring(1, etag.length() - 1) : etag;
	}

	@Override
	public void update(ExecutionContext executionContext) {
		if (this.lastKey != null) {
			executionContext.putString(getExecutionContextKey(LAST_KEY_KEY), this.lastKey);
		}
	}

	@Override
	public void close() {
		// A page still being fetched is left to finish on its own thread; nothing reads it.
		this.nextPage = null;
		this.page = Collections.emptyIterator();
		this.opened = false;
	}

}
