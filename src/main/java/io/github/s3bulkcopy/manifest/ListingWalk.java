package io.github.s3bulkcopy.manifest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

import io.github.s3bulkcopy.ledger.KeyOrder;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The objects under a prefix in key order, listed folder by folder with several folders
 * listed at once.
 * <p>
 * One listing after another is as slow as the server's answer to each page times the
 * number of pages: 10,000 round trips for ten million keys. So the prefix is listed with
 * the delimiter {@code /}: its own objects come back as they are, and each first-level
 * folder ({@code prefix/name/}) is then listed whole, without a delimiter, up to
 * {@code ahead} folders at once, each at most two pages ahead of the reader. Every key
 * under a folder sorts between the keys that sort before the folder's name and those
 * after it, so reading the root's objects and folders in the order the root listing gives
 * them yields exactly the order of one flat listing: a restart after any key can list
 * from just after it. A prefix holding nothing but one folder is descended into first, so
 * a bucket whose keys all sit under {@code data/} still splits.
 * <p>
 * A flat prefix (no {@code /} below it) is one listing; a deep tree is split at its first
 * level only, which costs one request per first-level folder rather than one per folder
 * of the tree.
 */
final class ListingWalk implements AutoCloseable {

	static final String DELIMITER = "/";

	/** How many single-folder levels are descended into before the walk starts. */
	private static final int MAX_DESCENT = 8;

	private final Function<ListObjectsV2Request, ListObjectsV2Response> list;

	private final String bucket;

	private final String prefix;

	private final @Nullable String startAfter;

	private final int pageSize;

	private final int ahead;

	/**
	 * The root's objects and folders not yet read, in key order; a root page that failed,
	 * where it would be.
	 */
	private final Deque<Object> upcoming = new ArrayDeque<>();

	private final List<Folder> started = new ArrayList<>();

	private @Nullable ListingPages rootPages;

	private boolean rootEnded;

	private @Nullable Folder current;

	/** The failure a read met; every read after it fails the same way. */
	private @Nullable ManifestException failure;

	/**
	 * The folder a restart resumes inside: the root listing, listed after the same key,
	 * may name it again.
	 */
	private @Nullable String resumedFolder;

	/**
	 * @param list sends one request; throws {@link ManifestException} when it fails
	 * @param startAfter the last key read before, or null to start from the first
	 * @param pageSize keys per request
	 * @param ahead folders listed at once
	 */
	ListingWalk(Function<ListObjectsV2Request, ListObjectsV2Response> list, String bucket, String prefix,
			@Nullable String startAfter, int pageSize, int ahead) {
		Assert.isTrue(ahead >= 1, "ahead must be at least 1");
		this.list = list;
		this.bucket = bucket;
		this.prefix = prefix;
		this.startAfter = startAfter;
		this.pageSize = pageSize;
		this.ahead = ahead;
	}

	/**
	 * The next object in key order, or null after the last.
	 * @throws ManifestException when a listing failed, and again at every call after: a
	 * listing that failed must not look like one that ended
	 */
	@Nullable S3Object next() {
		if (this.failure != null) {
			throw new ManifestException(this.failure.getMessage(), this.failure);
		}
		try {
			return nextObject();
		}
		catch (ManifestException ex) {
			this.failure = ex;
			throw ex;
		}
	}

	private @Nullable S3Object nextObject() {
		if (this.rootPages == null) {
			start();
		}
		while (true) {
			Folder folder = this.current;
			if (folder != null) {
				S3Object object = folder.next();
				if (object != null) {
					return object;
				}
				this.started.remove(folder);
				this.current = null;
			}
			Object unit = this.upcoming.poll();
			if (unit == null) {
				if (!readRootPage()) {
					return null;
				}
				startAhead();
				continue;
			}
			if (unit instanceof S3Object object) {
				return object;
			}
			if (unit instanceof ManifestException failure) {
				throw failure;
			}
			this.current = (Folder) unit;
			start(this.current);
			startAhead();
		}
	}

	private void start() {
		Descent descent = descend(this.prefix);
		String root = descent.root();
		if (this.startAfter != null && this.startAfter.startsWith(root)) {
			int slash = this.startAfter.indexOf(DELIMITER, root.length());
			if (slash >= 0) {
				// The last key read sits in a folder: the rest of that folder comes
				// first.
				this.resumedFolder = this.startAfter.substring(0, slash + 1);
				this.upcoming.add(new Folder(this.resumedFolder, this.startAfter));
			}
		}
		// The last level's answer is the root's first page when nothing is to be skipped:
		// the server does not list the root a second time.
		ListObjectsV2Response first = (this.startAfter == null) ? descent.firstPage() : null;
		this.rootPages = new ListingPages(this.list, request(root, DELIMITER, this.startAfter), first);
		startAhead();
	}

	/**
	 * The level to walk from: {@code from}, or the folder below it while a level holds
	 * nothing but one folder.
	 */
	private Descent descend(String from) {
		String root = from;
		for (int level = 0; level < MAX_DESCENT; level++) {
			ListObjectsV2Response top = this.list.apply(request(root, DELIMITER, null));
			if (!top.contents().isEmpty() || top.commonPrefixes().size() != 1
					|| Boolean.TRUE.equals(top.isTruncated())) {
				return new Descent(root, top);
			}
			root = top.commonPrefixes().get(0).prefix();
		}
		// Deeper than the walk descends: the root's listing starts afresh.
		return new Descent(root, null);
	}

	/**
	 * Where the walk starts, and the answer already had for it.
	 *
	 * @param root the level to walk from
	 * @param firstPage the first page of the root's listing with the delimiter, from the
	 * start; null when the descent stopped before asking for it
	 */
	private record Descent(String root, @Nullable ListObjectsV2Response firstPage) {
	}

	/**
	 * Adds the root's next page to the upcoming units, its objects and folders merged in
	 * key order.
	 */
	private boolean readRootPage() {
		if (this.rootEnded) {
			return false;
		}
		ListObjectsV2Response page;
		try {
			page = this.rootPages.next();
		}
		catch (ManifestException ex) {
			// Read ahead, perhaps: the failure takes the place of its page, to be thrown
			// when the reader gets there.
			this.upcoming.add(ex);
			this.rootEnded = true;
			return true;
		}
		if (page == null) {
			this.rootEnded = true;
			return false;
		}
		Iterator<S3Object> objects = page.contents().iterator();
		Iterator<CommonPrefix> folders = page.commonPrefixes().iterator();
		S3Object object = objects.hasNext() ? objects.next() : null;
		String folder = folders.hasNext() ? folders.next().prefix() : null;
		while (object != null || folder != null) {
			if (folder == null || (object != null && KeyOrder.compare(object.key(), folder) < 0)) {
				this.upcoming.add(object);
				object = objects.hasNext() ? objects.next() : null;
			}
			else {
				if (!folder.equals(this.resumedFolder)) {
					this.upcoming.add(new Folder(folder, null));
				}
				folder = folders.hasNext() ? folders.next().prefix() : null;
			}
		}
		return true;
	}

	/**
	 * Starts the listings of the next folders, up to {@code ahead} at once, reading
	 * further root pages (only those already fetched, and no more than two pages' worth
	 * of units) to find them.
	 */
	private void startAhead() {
		while (true) {
			int folders = 0;
			for (Object unit : this.upcoming) {
				if (this.started.size() >= this.ahead) {
					return;
				}
				if (unit instanceof Folder folder) {
					folders++;
					start(folder);
				}
			}
			if (folders >= this.ahead || this.rootEnded || this.upcoming.size() >= 2 * this.pageSize
					|| !this.rootPages.ready() || !readRootPage()) {
				return;
			}
		}
	}

	private void start(Folder folder) {
		if (folder.pages == null) {
			folder.pages = new ListingPages(this.list, request(folder.prefix, null, folder.startAfter));
			this.started.add(folder);
		}
	}

	private ListObjectsV2Request request(String prefix, @Nullable String delimiter, @Nullable String startAfter) {
		ListObjectsV2Request.Builder request = ListObjectsV2Request.builder()
			.bucket(this.bucket)
			.maxKeys(this.pageSize)
			// Keys may hold characters XML 1.0 cannot carry; encoded, they survive, and
			// the SDK decodes them.
			.encodingType(EncodingType.URL)
			.delimiter(delimiter)
			.startAfter(startAfter);
		if (!prefix.isEmpty()) {
			request.prefix(prefix);
		}
		return request.build();
	}

	/** Stops every listing still running. */
	@Override
	public void close() {
		if (this.rootPages != null) {
			this.rootPages.cancel();
		}
		for (Folder folder : this.started) {
			folder.pages.cancel();
		}
		this.started.clear();
		this.upcoming.clear();
		this.current = null;
	}

	/** A first-level folder, listed whole without a delimiter once started. */
	private static final class Folder {

		private final String prefix;

		private final @Nullable String startAfter;

		private @Nullable ListingPages pages;

		private Iterator<S3Object> page = Collections.emptyIterator();

		Folder(String prefix, @Nullable String startAfter) {
			this.prefix = prefix;
			this.startAfter = startAfter;
		}

		@Nullable S3Object next() {
			while (!this.page.hasNext()) {
				ListObjectsV2Response next = this.pages.next();
				if (next == null) {
					return null;
				}
				this.page = next.contents().iterator();
			}
			return this.page.next();
		}

	}

}
