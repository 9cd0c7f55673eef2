package io.github.s3bulkcopy.manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InventoryLocatorTests {

	@TempDir
	Path folder;

	@Test
	void picksTheNewestDatedReportThatHasAManifest() throws IOException {
		report("2026-11-21T01-00Z");
		report("2026-11-23T01-00Z");
		report("2026-11-22T01-00Z");
		Files.createDirectories(this.folder.resolve("2026-11-24T01-00Z"));
		Files.createDirectories(this.folder.resolve("data"));
		Files.createDirectories(this.folder.resolve("hive"));

		String newest = InventoryLocator.newest(this.folder + "/", null);

		assertThat(newest).isEqualTo(this.folder + "/2026-11-23T01-00Z/manifest.json");
	}

	@Test
	void aFolderWithoutReportsIsAManifestError() {
		assertThatExceptionOfType(ManifestException.class)
			.isThrownBy(() -> InventoryLocator.newest(this.folder + "/", null))
			.withMessageContaining("no inventory report under");
	}

	@Test
	void onlyLocationsEndingWithASlashAreFolders() {
		assertThat(InventoryLocator.isFolder("s3://inv/acme/logs/daily/")).isTrue();
		assertThat(InventoryLocator.isFolder("s3://inv/acme/logs/daily/2026-11-23T01-00Z/manifest.json")).isFalse();
	}

	private void report(String date) throws IOException {
		Path dir = Files.createDirectories(this.folder.resolve(date));
		Files.writeString(dir.resolve("manifest.json"), "{}");
	}

}
