package io.github.s3bulkcopy.manifest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

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

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The live listing against S3Proxy: paging, prefixes, awkward keys, restart across a page boundary, and the next page
 * fetched ahead.
 */
class ListingManifestReaderIntegrationTests implements LocalS3ProxyTest {

	private final S3Client s3 = LocalS3ProxyTest.sourceClient();

	private String bucket;

	@BeforeEach
	void bucket() {
		this.bucket = S3TestData.createBucket(this.s3, "listing");
		// No control characters in keys here: S3Proxy puts the last key of a page into NextContinuationToken as raw
		// XML, which no XML parser accepts for such a key (real S3's tokens are opaque). InventoryManifestReaderTests
		// and ObjectKeysTests cover them.
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
	void theNextPageIsAskedForWhileThisPagesEntriesAreReadAndItsFailureSurfacesWhenItIsNeeded() {
		AtomicInteger lists = new AtomicInteger();
		try (S3Client counting = LocalS3ProxyTest.s3Proxy()
			.clientBuilder(LocalS3ProxyTest.SOURCE_ACCOUNT)
			.overrideConfiguration((config) -> config.addExecutionInterceptor(new ExecutionInterceptor() {
				@Override
				public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
					if (lists.incrementAndGet() == 3) {
						throw SdkClientException.create("the third page cannot be listed");
					}
				}
			}))
			.build()) {
			ListingManifestReader reader = reader(counting, 3);
			reader.open(new ExecutionContext());

			assertThat(reader.read().key()).isEqualTo("in/a");
			Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(lists).hasValue(2));
			for (int i = 0; i < 5; i++) {
				reader.read();
			}
			assertThatThrownBy(reader::read).isInstanceOf(ManifestException.class)
				.hasMessageContaining("cannot list s3://" + this.bucket + "/in/")
				.hasMessageContaining("the third page cannot be listed");
		}
	}

	private ListingManifestReader reader(int pageSize) {
		return reader(this.s3, pageSize);
	}

	private ListingManifestReader reader(S3Client client, int pageSize) {
		ListingManifestReader reader = new ListingManifestReader(client, this.bucket, "in/");
		reader.setName("listing");
		reader.setPageSize(pageSize);
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
