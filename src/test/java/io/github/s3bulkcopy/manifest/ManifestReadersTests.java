package io.github.s3bulkcopy.manifest;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.s3bulkcopy.jobfile.CredentialsSpec;
import io.github.s3bulkcopy.jobfile.ManifestSpec;
import io.github.s3bulkcopy.jobfile.ManifestType;
import io.github.s3bulkcopy.jobfile.SourceSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import static io.github.s3bulkcopy.manifest.ManifestReading.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestReadersTests {

	@TempDir
	Path folder;

	@Test
	void buildsTheReaderForEachType() {
		assertThat(ManifestReaders.create(ManifestType.INVENTORY, "s3://inv/a/manifest.json", "acme", "", null))
			.isInstanceOf(InventoryManifestReader.class);
		assertThat(ManifestReaders.create(ManifestType.CSV, "manifests/batch-operations-sample.csv", "acme", "", null))
			.isInstanceOf(CsvManifestReader.class);
		try (S3Client s3Client = S3Client.builder().region(Region.US_EAST_1).build()) {
			assertThat(ManifestReaders.create(ManifestType.LISTING, null, "acme", "logs/", s3Client))
				.isInstanceOf(ListingManifestReader.class);
		}
	}

	@Test
	void needsALocationForFileManifestsAndAClientForListings() {
		assertThatThrownBy(() -> ManifestReaders.create(ManifestType.CSV, " ", "acme", "", null))
			.isInstanceOf(ManifestException.class)
			.hasMessage("a csv manifest needs a location");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ManifestReaders.create(ManifestType.LISTING, null, "acme", "", null))
			.withMessageContaining("s3Client is required");
	}

	@Test
	void takesBucketAndPrefixFromTheJobFile() throws Exception {
		Path csv = Files.writeString(this.folder.resolve("m.csv"), "acme,logs/1\nacme,other/1\nacme,logs/2\n");
		SourceSpec source = new SourceSpec("acme", "logs/", "us-east-1", null, credentials(), false, false, null);

		ManifestReader reader = ManifestReaders.create(new ManifestSpec(ManifestType.CSV, csv.toString(), null), source,
				null);

		assertThat(readAll(reader)).extracting(ManifestEntry::key).containsExactly("logs/1", "logs/2");
	}

	private static CredentialsSpec credentials() {
		return new CredentialsSpec(null, null, null, null, null, null, null, null);
	}

}
