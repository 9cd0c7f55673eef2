package io.github.s3bulkcopy.manifest;

import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The newest inventory report of an s3:// configuration folder, against S3Proxy. */
class InventoryLocatorIntegrationTests implements LocalS3ProxyTest {

	private final S3Client s3 = LocalS3ProxyTest.sourceClient();

	@Test
	void picksTheNewestDatedReportWhoseManifestHasLanded() {
		String bucket = S3TestData.createBucket(this.s3, "inv");
		String folder = "inventory/acme-logs/daily/";
		S3TestData.put(this.s3, bucket, folder + "2026-11-21T01-00Z/manifest.json", "{}");
		S3TestData.put(this.s3, bucket, folder + "2026-11-22T01-00Z/manifest.json", "{}");
		S3TestData.put(this.s3, bucket, folder + "2026-11-22T01-00Z/manifest.checksum", "x");
		// A newer report still being written (no manifest.json yet), data files and hive
		// folders are passed over.
		S3TestData.put(this.s3, bucket, folder + "2026-11-23T01-00Z/manifest.checksum", "x");
		S3TestData.put(this.s3, bucket, folder + "data/0001.csv.gz", "x");
		S3TestData.put(this.s3, bucket, folder + "hive/dt=2026-11-22-01-00/symlink.txt", "x");

		String newest = InventoryLocator.newest("s3://" + bucket + "/" + folder, this.s3);

		assertThat(newest).isEqualTo("s3://" + bucket + "/" + folder + "2026-11-22T01-00Z/manifest.json");
	}

	@Test
	void anEmptyFolderIsAManifestError() {
		String bucket = S3TestData.createBucket(this.s3, "inv-empty");

		assertThatExceptionOfType(ManifestException.class)
			.isThrownBy(() -> InventoryLocator.newest("s3://" + bucket + "/inventory/acme-logs/daily/", this.s3))
			.withMessageContaining("no inventory report under s3://" + bucket);
	}

}
