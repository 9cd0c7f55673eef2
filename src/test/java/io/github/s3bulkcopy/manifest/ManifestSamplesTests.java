package io.github.s3bulkcopy.manifest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import io.github.s3bulkcopy.jobfile.ManifestType;
import org.junit.jupiter.api.Test;

import static io.github.s3bulkcopy.manifest.ManifestReading.readAll;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the samples in {@code manifests/} readable, and in step with what
 * manifests/README.md says of them.
 */
class ManifestSamplesTests {

	static final Path INVENTORY = Path
		.of("manifests/inventory-sample/inventory/demo-source/demo-source-daily/2024-06-12T01-00Z/manifest.json");

	static final Path BATCH_OPERATIONS = Path.of("manifests/batch-operations-sample.csv");

	static final List<String> KEYS = List.of("docs/readme.txt", "docs/annual report 2023.pdf", "docs/c++/notes.md",
			"photos/café/menu.jpg", "reports/100% done.csv", "data/a+b=c&d.json", "unicode/日本語/ファイル.txt",
			"emoji/😀 smile.png", "quotes/\"quoted\" name, with comma.txt", "deep/path/with/many/levels/object.bin");

	@Test
	void inventorySampleNamesTheSampleKeysWithSizeAndEtagOfTheirContent() {
		List<ManifestEntry> entries = readAll(
				ManifestReaders.create(ManifestType.INVENTORY, INVENTORY.toString(), "demo-source", "", null));

		assertThat(entries).extracting(ManifestEntry::key).containsExactlyElementsOf(KEYS);
		assertThat(entries).allSatisfy((entry) -> {
			byte[] content = entry.key().getBytes(StandardCharsets.UTF_8);
			assertThat(entry.bucket()).isEqualTo("demo-source");
			assertThat(entry.size()).isEqualTo(content.length);
			assertThat(entry.etag()).isEqualTo(HexFormat.of().formatHex(InventoryManifest.md5().digest(content)));
			assertThat(entry.encryptionStatus()).isEqualTo("SSE-S3");
			assertThat(entry.multipartUploaded()).isFalse();
		});
	}

	@Test
	void batchOperationsSampleNamesTheSameKeys() {
		List<ManifestEntry> entries = readAll(
				ManifestReaders.create(ManifestType.CSV, BATCH_OPERATIONS.toString(), "demo-source", "", null));

		assertThat(entries).extracting(ManifestEntry::key).containsExactlyElementsOf(KEYS);
		assertThat(entries).extracting(ManifestEntry::versionId).containsOnlyNulls();
	}

}
