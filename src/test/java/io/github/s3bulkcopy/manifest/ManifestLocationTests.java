package io.github.s3bulkcopy.manifest;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestLocationTests {

	@TempDir
	Path folder;

	@Test
	void parsesS3AndLocalLocations() {
		ManifestLocation s3 = ManifestLocation
			.parse("s3://inventory-dest/inv/acme/daily/2024-06-12T01-00Z/manifest.json");
		assertThat(s3.isS3()).isTrue();
		assertThat(s3.bucket()).isEqualTo("inventory-dest");
		assertThat(s3.path()).isEqualTo("inv/acme/daily/2024-06-12T01-00Z/manifest.json");
		assertThat(s3.sibling("manifest.checksum"))
			.hasToString("s3://inventory-dest/inv/acme/daily/2024-06-12T01-00Z/manifest.checksum");

		ManifestLocation local = ManifestLocation.parse("manifests/batch-operations-sample.csv");
		assertThat(local.isS3()).isFalse();
		assertThat(local.localPath()).isEqualTo(Path.of("manifests/batch-operations-sample.csv"));
	}

	@Test
	void refusesAnS3LocationWithoutBucketOrKey() {
		for (String location : new String[] { "s3://bucket", "s3://bucket/", "s3:///key" }) {
			assertThatThrownBy(() -> ManifestLocation.parse(location)).isInstanceOf(ManifestException.class)
				.hasMessageContaining(location);
		}
	}

	@Test
	void opensALocalFile() throws Exception {
		Path file = Files.writeString(this.folder.resolve("m.csv"), "acme,a\n");
		try (InputStream in = ManifestLocation.parse(file.toString()).open(null)) {
			assertThat(in.readAllBytes()).hasSize(7);
		}
	}

	@Test
	void namesAMissingManifest() {
		String missing = this.folder.resolve("missing.csv").toString();
		assertThatThrownBy(() -> ManifestLocation.parse(missing).open(null)).isInstanceOf(ManifestException.class)
			.hasMessage("manifest not found: " + missing);
		assertThatThrownBy(() -> ManifestLocation.parse(this.folder.toString()).open(null))
			.hasMessageStartingWith("manifest not found: " + this.folder);
		assertThat(ManifestLocation.parse(missing).openIfExists(null)).isNull();
	}

	@Test
	void needsAClientForAnS3Location() {
		assertThatThrownBy(() -> ManifestLocation.parse("s3://b/k.csv").open(null))
			.isInstanceOf(ManifestException.class)
			.hasMessageContaining("cannot read s3://b/k.csv: no S3 client");
	}

}
