package io.github.s3bulkcopy.manifest;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/**
 * One ListObjectsV2 listing (a prefix, with or without a delimiter), its pages fetched
 * one after another on a daemon thread of its own into a queue of two: the listing runs
 * ahead of whoever reads it by at most two pages, so its memory is bounded whatever the
 * prefix holds, and the server's time per page overlaps the reader's work.
 */
final class ListingPages {

	/** After the last page. */
	private static final Object END = new Object();

	private final BlockingQueue<Object> pages = new ArrayBlockingQueue<>(2);

	private final Thread thread;

	private volatile boolean cancelled;

	private boolean ended;

	/**
	 * Starts listing at once.
	 * @param list sends one request; throws {@link ManifestException} when it fails
	 * @param request the first request (prefix, delimiter, page size, start-after); later
	 * pages add the continuation token
	 */
	ListingPages(Function<ListObjectsV2Request, ListObjectsV2Response> list, ListObjectsV2Request request) {
		this(list, request, null);
	}

	/**
	 * Starts listing at once, after a first page already listed.
	 * @param list sends one request; throws {@link ManifestException} when it fails
	 * @param request the first request (prefix, delimiter, page size, start-after); later
	 * pages add the continuation token
	 * @param firstPage the answer to {@code request}, when it was already asked; null to
	 * ask it
	 */
	ListingPages(Function<ListObjectsV2Request, ListObjectsV2Response> list, ListObjectsV2Request request,
			@Nullable ListObjectsV2Response firstPage) {
		this.thread = new Thread(() -> run(list, request, firstPage), "listing " + request.prefix());
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void run(Function<ListObjectsV2Request, ListObjectsV2Response> list, ListObjectsV2Request first,
			@Nullable ListObjectsV2Response firstPage) {
		try {
			ListObjectsV2Request request = first;
			ListObjectsV2Response listed = firstPage;
			while (!this.cancelled) {
				ListObjectsV2Response page = (listed != null) ? listed : list.apply(request);
				listed = null;
				this.pages.put(page);
				String token = page.nextContinuationToken();
				if (!Boolean.TRUE.equals(page.isTruncated()) || token == null) {
					break;
				}
				// StartAfter only positions the first request; after that the
				// continuation token does.
				request = first.toBuilder().startAfter(null).continuationToken(token).build();
			}
			this.pages.put(END);
		}
		catch (InterruptedException ex) {
			// Cancelled while waiting for room: nobody reads this listing any more.
		}
		catch (RuntimeException ex) {
			try {
				// Waits for room like a page does: the reader meets the failure where the
				// page would have been.
				this.pages.put(ex);
			}
			catch (InterruptedException cancelled) {
				// Cancelled: nobody reads this listing any more.
			}
		}
	}

	/**
	 * The next page, waiting for it if it is still being fetched; null after the last.
	 * @throws ManifestException when the page could not be listed
	 */
	@Nullable ListObjectsV2Response next() {
		if (this.ended) {
			return null;
		}
		Object page;
		try {
			page = this.pages.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ManifestException("interrupted while waiting for a listing", ex);
		}
		if (page == END) {
			this.ended = true;
			return null;
		}
		if (page instanceof RuntimeException failure) {
			this.ended = true;
			// Thrown again from here, so its stack shows who needed the page, not only
			// the thread that listed it.
			throw (failure instanceof ManifestException) ? new ManifestException(failure.getMessage(), failure)
					: failure;
		}
		return (ListObjectsV2Response) page;
	}

	/** Whether {@link #next()} would answer without waiting for the server. */
	boolean ready() {
		return this.ended || !this.pages.isEmpty();
	}

	/**
	 * Stops the listing: a request in flight finishes on its own, and its page is
	 * dropped.
	 */
	void cancel() {
		this.cancelled = true;
		this.thread.interrupt();
	}

}
