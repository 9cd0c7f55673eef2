package io.github.s3bulkcopy.manifest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.util.Assert;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * Reads every version and delete marker under the source prefix as ListObjectVersions
 * lists them now, for {@code copy.versions: all} with a listing manifest. Each entry
 * carries its date and whether it is current, which is all the plan needs to put a key's
 * versions in order; the listing's own order (newest first) does not matter.
 * <p>
 * Its position is the markers of the page being read and how many of its entries were
 * returned, saved under {@code <name>.page.key}, {@code <name>.page.version} and
 * {@code <name>.page.read}; a restart asks for that page again and passes over what was
 * returned. Pages are listed one after the other.
 */
public class VersionListingManifestReader extends ManifestReader {

	static final String PAGE_KEY = "page.key";

	static final String PAGE_VERSION = "page.version";

	static final String PAGE_READ = "page.read";

	private final S3Client s3Client;

	private final String bucket;

	private final String prefix;

	private final String source;

	private @Nullable String pageKey;

	private @Nullable String pageVersion;

	private @Nullable ListObjectVersionsResponse page;

	private List<ManifestEntry> entries = List.of();

	private int read;

	private boolean done;

	/**
	 * @param s3Client a client that can list the source bucket's versions
	 * @param bucket the source bucket
	 * @param prefix only keys starting with this are listed ("" for all)
	 */
	public VersionListingManifestReader(S3Client s3Client, String bucket, String prefix) {
		Assert.notNull(s3Client, "s3Client is required");
		Assert.hasText(bucket, "bucket is required");
		Assert.notNull(prefix, "prefix is required");
		this.s3Client = s3Client;
		this.bucket = bucket;
		this.prefix = prefix;
		this.source = "s3://" + bucket + "/" + prefix + " version listing";
	}

	@Override
	public void open(ExecutionContext executionContext) {
		this.pageKey = executionContext.getString(getExecutionContextKey(PAGE_KEY), null);
		this.pageVersion = executionContext.getString(getExecutionContextKey(PAGE_VERSION), null);
		int skip = executionContext.getInt(getExecutionContextKey(PAGE_READ), 0);
		this.page = null;
		this.done = false;
		fetch();
		this.read = Math.min(skip, this.entries.size());
	}

	@Override
	public @Nullable ManifestEntry read() {
		Assert.state(this.page != null || this.done, "open() must be called before read()");
		while (!this.done && this.read >= this.entries.size()) {
			ListObjectVersionsResponse last = this.page;
			if (last == null || !Boolean.TRUE.equals(last.isTruncated())) {
				this.done = true;
				break;
			}
			this.pageKey = last.nextKeyMarker();
			this.pageVersion = last.nextVersionIdMarker();
			fetch();
			this.read = 0;
		}
		if (this.done && this.read >= this.entries.size()) {
			return null;
		}
		return this.entries.get(this.read++);
	}

	private void fetch() {
		String keyMarker = this.pageKey;
		String versionMarker = this.pageVersion;
		ListObjectVersionsResponse response;
		try {
			response = this.s3Client.listObjectVersions((list) -> list.bucket(this.bucket)
				.prefix(this.prefix.isEmpty() ? null : this.prefix)
				.keyMarker(keyMarker)
				.versionIdMarker(versionMarker)
				// Keys may hold characters XML 1.0 cannot carry; encoded, they survive,
				// and the SDK decodes them.
				.encodingType(EncodingType.URL));
		}
		catch (SdkException ex) {
			throw new ManifestException(
					"cannot list the versions of s3://" + this.bucket + "/" + this.prefix + ": " + ex.getMessage(), ex);
		}
		// The SDK hands versions and delete markers over as two lists; the order within a
		// page only has to be the
		// same each time the page is read, for a restart to pass over what it returned.
		List<ManifestEntry> page = new ArrayList<>();
		for (ObjectVersion version : response.versions()) {
			page.add(new ManifestEntry(this.bucket, version.key(), version.versionId(), version.size(),
					ObjectKeys.stripQuotes(version.eTag()),
					version.hasChecksumAlgorithm() && !version.checksumAlgorithmAsStrings().isEmpty()
							? version.checksumAlgorithmAsStrings().get(0) : null,
					version.storageClassAsString(), null, null, this.source, version.lastModified(), version.isLatest(),
					false));
		}
		for (DeleteMarkerEntry marker : response.deleteMarkers()) {
			page.add(new ManifestEntry(this.bucket, marker.key(), marker.versionId(), null, null, null, null, null,
					null, this.source, marker.lastModified(), marker.isLatest(), true));
		}
		page.sort(Comparator.comparing(ManifestEntry::key)
			.thenComparing(ManifestEntry::lastModified, Comparator.nullsFirst(Comparator.reverseOrder())));
		this.page = response;
		this.entries = page;
	}

	@Override
	public void update(ExecutionContext executionContext) {
		if (this.pageKey != null) {
			executionContext.putString(getExecutionContextKey(PAGE_KEY), this.pageKey);
		}
		if (this.pageVersion != null) {
			executionContext.putString(getExecutionContextKey(PAGE_VERSION), this.pageVersion);
		}
		executionContext.putInt(getExecutionContextKey(PAGE_READ), this.read);
	}

	@Override
	public void close() {
		this.page = null;
		this.entries = List.of();
	}

}
