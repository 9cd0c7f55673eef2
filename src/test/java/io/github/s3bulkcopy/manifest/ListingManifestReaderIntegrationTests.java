package io.github.s3bulkcopy.manifest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.github.s3bulkcopy.ledger.KeyOrder;
import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The live listing against S3Proxy: paging, prefixes, awkward keys, restart across a page
 * boundary and after any key, pages fetched ahead, folders listed at once in flat-listing
 * order.
 */
class ListingManifestReaderIntegrationTests implements LocalS3ProxyTest {

	private final S3Client s3 = LocalS3ProxyTest.sourceClient();

	private String bucket;

	@BeforeEach
	void bucket() {
		this.bucket = S3TestData.createBucket(this.s3, "listing");
		// No control characters in keys here: S3Proxy puts the last key of a page into
		// NextContinuationToken as raw XML, which no XML parser accepts for such a key
		// (real S3's tokens are opaque). InventoryManifestReaderTests and ObjectKeysTests
		// cover them.
		for (String key : List.of("in/a", "in/b c", "in/café", "in/d+e", "in/f%g", "in/h i", "in/j", "out/k")) {
			S3TestData.put(this.s3, this.bucket, key, key);
		}
	}

	@Test
	void listsEveryKeyUnderThePrefixWithSizeAndEtag() {
		ListingManifestReader reader = reader(3);
		reader.open(new ExecutionContext());

		List<ManifestEntry> entries = readAll(reader);

		assertThat(entries).extracting(ManifestEntry::key)
			.containsExactly("in/a", "in/b c", "in/café", "in/d+e", "in/f%g", "in/h i", "in/j");
		ManifestEntry first = entries.get(0);
		assertThat(first.bucket()).isEqualTo(this.bucket);
		assertThat(first.size()).isEqualTo(4);
		assertThat(first.etag()).isEqualTo(S3TestData.md5Hex("in/a".getBytes()));
		// the filters' dates and classes come from the page, at no request
		assertThat(first.lastModified()).isNotNull()
			.isEqualTo(this.s3.headObject((head) -> head.bucket(this.bucket).key("in/a")).lastModified());
		assertThat(first.storageClass()).isEqualTo("STANDARD");
	}

	@Test
	void restartContinuesAfterTheLastKeyReadAcrossAPageBoundary() {
		ListingManifestReader first = reader(2);
		ExecutionContext context = new ExecutionContext();
		first.open(context);
		List<String> before = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			before.add(first.read().key());
		}
		first.update(context);
		first.close();

		ListingManifestReader resumed = reader(2);
		resumed.open(context);
		List<String> after = readAll(resumed).stream().map(ManifestEntry::key).toList();

		assertThat(before).containsExactly("in/a", "in/b c", "in/café");
		assertThat(after).containsExactly("in/d+e", "in/f%g", "in/h i", "in/j");
	}

	@Test
	void pagesAreAskedForAheadOfTheReaderAndAFailureSurfacesWhereItsPageWouldHaveBeen() {
		AtomicInteger lists = new AtomicInteger();
		// Requests: 1 looks for a single folder to descend into, and its answer is the
		// first of the three pages of three; 2-3 are the others, two at most waiting
		// ahead
		// of the reader; the last one fails.
		try (S3Client counting = interceptedClient((request) -> {
			if (lists.incrementAndGet() == 3) {
				throw SdkClientException.create("the third page cannot be listed");
			}
		})) {
			ListingManifestReader reader = reader(counting, 3);
			reader.open(new ExecutionContext());

			assertThat(reader.read().key()).isEqualTo("in/a");
			Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(lists).hasValue(3));
			for (int i = 0; i < 5; i++) {
				reader.read();
			}
			assertThatThrownBy(reader::read).isInstanceOf(ManifestException.class)
				.hasMessageContaining("cannot list s3://" + this.bucket + "/in/")
				.hasMessageContaining("the third page cannot be listed");
		}
	}

	@Test
	void foldersAreListedSeveralAtOnceAndTheKeysComeInTheOrderOfOneFlatListing() {
		tree();
		List<String> prefixes = new CopyOnWriteArrayList<>();
		try (S3Client recording = interceptedClient((request) -> prefixes.add(request.prefix()))) {
			// One page of the root's objects and folders, so which folders start is up to
			// the reader alone.
			ListingManifestReader reader = reader(recording, "tree/", 1000, 3);
			reader.open(new ExecutionContext());

			assertThat(reader.read().key()).isEqualTo("tree/a");
			// The first three folders are being listed before any of their keys is read;
			// the fourth waits.
			Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(prefixes).contains("tree/b/", "tree/d/", "tree/e%/"));
			assertThat(prefixes).doesNotContain("tree/é/");
			List<String> rest = readAll(reader).stream().map(ManifestEntry::key).toList();

			assertThat(rest).containsExactlyElementsOf(flatListing("tree/").subList(1, flatListing("tree/").size()));
			assertThat(prefixes).contains("tree/é/");
		}
	}

	@Test
	void theRootIsListedOnceItsFirstPageAnsweringTheDescentAndAgainOnlyToStartAfterAKey() {
		tree();
		List<String> rootRequests = new CopyOnWriteArrayList<>();
		try (S3Client recording = interceptedClient((request) -> {
			if ("tree/".equals(request.prefix())) {
				rootRequests.add(request.delimiter() + " after " + request.startAfter());
			}
		})) {
			ListingManifestReader reader = reader(recording, "tree/", 1000, 3);
			reader.open(new ExecutionContext());
			assertThat(readAll(reader)).extracting(ManifestEntry::key).containsExactlyElementsOf(flatListing("tree/"));
			assertThat(rootRequests).containsExactly("/ after null");

			rootRequests.clear();
			ExecutionContext context = new ExecutionContext();
			context.putString("listing." + ListingManifestReader.LAST_KEY_KEY, "tree/c");
			ListingManifestReader resumed = reader(recording, "tree/", 1000, 3);
			resumed.open(context);
			List<String> all = flatListing("tree/");
			assertThat(readAll(resumed)).extracting(ManifestEntry::key)
				.containsExactlyElementsOf(all.subList(all.indexOf("tree/c") + 1, all.size()));
			assertThat(rootRequests).containsExactly("/ after null", "/ after tree/c");
		}
	}

	@Test
	void aRestartAfterAnyKeyReadsExactlyTheKeysAfterIt() {
		tree();
		List<String> all = flatListing("tree/");
		for (int read = 0; read <= all.size(); read++) {
			ListingManifestReader first = reader(this.s3, "tree/", 2, 2);
			ExecutionContext context = new ExecutionContext();
			first.open(context);
			for (int i = 0; i < read; i++) {
				first.read();
			}
			first.update(context);
			first.close();

			ListingManifestReader resumed = reader(this.s3, "tree/", 2, 2);
			resumed.open(context);
			List<String> after = readAll(resumed).stream().map(ManifestEntry::key).toList();
			resumed.close();

			assertThat(after).as("after %d keys", read).containsExactlyElementsOf(all.subList(read, all.size()));
		}
	}

	@Test
	void aPrefixHoldingOneFolderIsDescendedIntoSoItsFoldersAreListedApart() {
		for (String key : List.of("deep/one/a/1", "deep/one/a/2", "deep/one/b/1", "deep/one/c")) {
			S3TestData.put(this.s3, this.bucket, key, key);
		}
		List<String> prefixes = new CopyOnWriteArrayList<>();
		try (S3Client recording = interceptedClient((request) -> prefixes.add(request.prefix()))) {
			ListingManifestReader reader = reader(recording, "deep/", 1000, 8);
			reader.open(new ExecutionContext());

			assertThat(readAll(reader)).extracting(ManifestEntry::key)
				.containsExactly("deep/one/a/1", "deep/one/a/2", "deep/one/b/1", "deep/one/c");
			assertThat(prefixes).contains("deep/one/a/", "deep/one/b/");
		}
	}

	@Test
	void aFolderThatCannotBeListedFailsTheReadThatReachesItAndNoEarlierOne() {
		tree();
		try (S3Client failing = interceptedClient((request) -> {
			if ("tree/e%/".equals(request.prefix())) {
				throw SdkClientException.create("access denied to this folder");
			}
		})) {
			ListingManifestReader reader = reader(failing, "tree/", 2, 8);
			reader.open(new ExecutionContext());
			List<String> before = new ArrayList<>();
			List<String> all = flatListing("tree/");
			for (String key : all.subList(0, all.indexOf("tree/e%/f"))) {
				before.add(reader.read().key());
			}

			assertThat(before).last().isEqualTo("tree/d/2");
			assertThatThrownBy(reader::read).isInstanceOf(ManifestException.class)
				.hasMessageContaining("cannot list s3://" + this.bucket + "/tree/e%/")
				.hasMessageContaining("access denied to this folder");
			// Asked again, it does not go on past the folder as if it had been listed.
			assertThatThrownBy(reader::read).isInstanceOf(ManifestException.class)
				.hasMessageContaining("access denied to this folder");
		}
	}

	@Test
	void keysCompareInUtf8ByteOrderAsS3SortsThem() {
		// U+FFFD is below U+1F600 as code points and as UTF-8 bytes, above it as Java's
		// UTF-16 chars.
		assertThat(KeyOrder.compare("a\uFFFD", "a\uD83D\uDE00")).isNegative();
		assertThat("a\uFFFD".compareTo("a\uD83D\uDE00")).isPositive();
		assertThat(KeyOrder.compare("a/b", "a.c")).isPositive();
		assertThat(KeyOrder.compare("a", "a/")).isNegative();
		assertThat(KeyOrder.compare("a/", "a/")).isZero();
	}

	/**
	 * Objects beside folders, folders beside objects named like them, a nested folder,
	 * awkward characters.
	 */
	private void tree() {
		for (String key : List.of("tree/a", "tree/b.c", "tree/b/1", "tree/b/2", "tree/b/3/x", "tree/c", "tree/d/1",
				"tree/d/2", "tree/e%/f", "tree/f g", "tree/é/1", "tree/é/2", "tree/z")) {
			S3TestData.put(this.s3, this.bucket, key, key);
		}
	}

	/** The keys as one listing without a delimiter gives them: the order to match. */
	private List<String> flatListing(String prefix) {
		return this.s3.listObjectsV2Paginator((list) -> list.bucket(this.bucket).prefix(prefix))
			.contents()
			.stream()
			.map(S3Object::key)
			.toList();
	}

	private S3Client interceptedClient(Consumer<ListObjectsV2Request> onList) {
		return LocalS3ProxyTest.s3Proxy()
			.clientBuilder(LocalS3ProxyTest.SOURCE_ACCOUNT)
			.overrideConfiguration((config) -> config.addExecutionInterceptor(new ExecutionInterceptor() {
				@Override
				public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
					if (context.request() instanceof ListObjectsV2Request list) {
						onList.accept(list);
					}
				}
			}))
			.build();
	}

	private ListingManifestReader reader(int pageSize) {
		return reader(this.s3, pageSize);
	}

	private ListingManifestReader reader(S3Client client, int pageSize) {
		return reader(client, "in/", pageSize, 8);
	}

	private ListingManifestReader reader(S3Client client, String prefix, int pageSize, int foldersAhead) {
		ListingManifestReader reader = new ListingManifestReader(client, this.bucket, prefix);
		reader.setName("listing");
		reader.setPageSize(pageSize);
		reader.setFoldersAhead(foldersAhead);
		return reader;
	}

	private static List<ManifestEntry> readAll(ListingManifestReader reader) {
		List<ManifestEntry> entries = new ArrayList<>();
		for (ManifestEntry entry = reader.read(); entry != null; entry = reader.read()) {
			entries.add(entry);
		}
		return entries;
	}

}
