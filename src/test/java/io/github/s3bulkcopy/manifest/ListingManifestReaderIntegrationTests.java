package io.github.s3bulkcopy.manifest;

import java.util.ArrayList;
import java.util.List;

import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The live listing against S3Proxy: paging, prefixes, awkward keys and restart across a page boundary. */
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

	private ListingManifestReader reader(int pageSize) {
		ListingManifestReader reader = new ListingManifestReader(this.s3, this.bucket, "in/");
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
