package io.github.s3bulkcopy.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

import org.springframework.util.Assert;

/**
 * Uploads a report set written on disk to {@code s3://bucket/<keyPrefix><file>}, file by
 * file, {@code SHA256SUMS} last so that, as on disk, its presence means the set is
 * complete. Files are encrypted with SSE-KMS under the given key when there is one,
 * otherwise as the bucket encrypts by default.
 */
public class ReportUploader implements AutoCloseable {

	private final S3Client s3;

	private final String bucket;

	private final @Nullable String sseKmsKeyId;

	/**
	 * @param s3 a client of the account that writes the report bucket; closed with this
	 * uploader
	 * @param bucket the report bucket
	 * @param sseKmsKeyId the KMS key to encrypt with, or null for the bucket's default
	 * encryption
	 */
	public ReportUploader(S3Client s3, String bucket, @Nullable String sseKmsKeyId) {
		Assert.notNull(s3, "s3 is required");
		Assert.hasText(bucket, "bucket is required");
		this.s3 = s3;
		this.bucket = bucket;
		this.sseKmsKeyId = sseKmsKeyId;
	}

	public String bucket() {
		return this.bucket;
	}

	/**
	 * Uploads the set.
	 * @param report the set as written
	 * @param location where it goes; its bucket must be this uploader's
	 * @return the keys written, in upload order
	 */
	public List<String> upload(WrittenReport report, SetLocation location) {
		Assert.isTrue(this.bucket.equals(location.bucket()), "the set was written for another bucket");
		List<String> ordered = new ArrayList<>(report.files());
		ordered.remove(ReportChecksums.FILE_NAME);
		ordered.add(ReportChecksums.FILE_NAME);
		List<String> keys = new ArrayList<>();
		for (String file : ordered) {
			String key = location.key(file);
			Path path = report.folder().resolve(file);
			this.s3.putObject(request(key, file), RequestBody.fromFile(path));
			keys.add(key);
		}
		return keys;
	}

	/** Closes the client. */
	@Override
	public void close() {
		this.s3.close();
	}

	PutObjectRequest request(String key, String file) {
		PutObjectRequest.Builder request = PutObjectRequest.builder()
			.bucket(this.bucket)
			.key(key)
			.contentType(contentType(file));
		if (this.sseKmsKeyId != null) {
			request.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(this.sseKmsKeyId);
		}
		return request.build();
	}

	private static String contentType(String file) {
		if (file.endsWith(".csv")) {
			return "text/csv; charset=utf-8";
		}
		if (file.endsWith(".json")) {
			return "application/json";
		}
		if (file.endsWith(".html")) {
			return "text/html; charset=utf-8";
		}
		return "text/plain; charset=utf-8";
	}

}
