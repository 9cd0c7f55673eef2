package io.github.s3bulkcopy.copy;

import java.time.Instant;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

import org.springframework.util.Assert;

/**
 * Aborts the multipart uploads a killed run left in the destination. Incomplete uploads
 * cost storage until aborted, and a resume starts those objects over anyway. Only uploads
 * for keys the caller claims (the run's pending objects) and started before the resume
 * are touched: another tool's uploads in the same bucket are left alone.
 */
public class MultipartJanitor {

	private static final Logger logger = LoggerFactory.getLogger(MultipartJanitor.class);

	private final S3Client destination;

	private final String bucket;

	public MultipartJanitor(S3Client destination, String bucket) {
		Assert.notNull(destination, "destination is required");
		Assert.hasText(bucket, "bucket is required");
		this.destination = destination;
		this.bucket = bucket;
	}

	/**
	 * Aborts incomplete uploads under {@code prefix} whose key {@code ours} claims and
	 * that were initiated before {@code before}.
	 * @return how many uploads were aborted
	 */
	public int abortLeftovers(String prefix, Predicate<String> ours, Instant before) {
		int aborted = 0;
		for (MultipartUpload upload : this.destination
			.listMultipartUploadsPaginator((list) -> list.bucket(this.bucket).prefix(prefix.isEmpty() ? null : prefix))
			.uploads()) {
			boolean old = upload.initiated() == null || upload.initiated().isBefore(before);
			if (old && ours.test(upload.key())) {
				this.destination.abortMultipartUpload(
						(abort) -> abort.bucket(this.bucket).key(upload.key()).uploadId(upload.uploadId()));
				aborted++;
			}
		}
		if (aborted > 0) {
			logger.info("Aborted {} incomplete multipart upload(s) left in s3://{}/{} by an earlier attempt", aborted,
					this.bucket, prefix);
		}
		return aborted;
	}

}
