package io.github.s3bulkcopy.report;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

import static org.assertj.core.api.Assertions.assertThat;

class ReportUploaderTests {

	private final S3Client s3 = S3Client.builder().region(Region.US_EAST_1).build();

	@Test
	void encryptsWithTheKmsKeyWhenThereIsOne() {
		try (ReportUploader uploader = new ReportUploader(this.s3, "audit", "alias/reports")) {
			PutObjectRequest request = uploader.request("p/job/1/report.html", "report.html");

			assertThat(request.bucket()).isEqualTo("audit");
			assertThat(request.key()).isEqualTo("p/job/1/report.html");
			assertThat(request.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
			assertThat(request.ssekmsKeyId()).isEqualTo("alias/reports");
			assertThat(request.contentType()).isEqualTo("text/html; charset=utf-8");
		}
	}

	@Test
	void leavesEncryptionToTheBucketOtherwise() {
		try (ReportUploader uploader = new ReportUploader(this.s3, "audit", null)) {
			PutObjectRequest request = uploader.request("SHA256SUMS", "SHA256SUMS");

			assertThat(request.serverSideEncryption()).isNull();
			assertThat(request.ssekmsKeyId()).isNull();
			assertThat(request.contentType()).isEqualTo("text/plain; charset=utf-8");
		}
	}

}
