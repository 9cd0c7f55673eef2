package io.github.s3bulkcopy.testsupport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.crt.checksums.CRC64NVME;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/** Buckets and objects for tests against a local S3 server. */
public final class S3TestData {

	private S3TestData() {
	}

	/**
	 * A valid bucket name no other test uses: the hint (lower-cased, cut short) and a
	 * random suffix, such as {@code copy-object-5f3a9c0e1b2d}.
	 */
	public static String uniqueBucketName(String hint) {
		String prefix = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (prefix.length() > 40) {
			prefix = prefix.substring(0, 40).replaceAll("-+$", "");
		}
		String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		return (prefix.isEmpty() ? "test" : prefix) + "-" + suffix;
	}

	/**
	 * Creates a bucket named after the hint, unique to the caller, and returns its name.
	 */
	public static String createBucket(S3Client s3, String hint) {
		String bucket = uniqueBucketName(hint);
		s3.createBucket((request) -> request.bucket(bucket));
		return bucket;
	}

	/** Puts an object and returns the server's answer (ETag, version id, checksums). */
	public static PutObjectResponse put(S3Client s3, String bucket, String key, byte[] content) {
		return s3.putObject((request) -> request.bucket(bucket).key(key), RequestBody.fromBytes(content));
	}

	/** Puts an object holding the text in UTF-8. */
	public static PutObjectResponse put(S3Client s3, String bucket, String key, String content) {
		return put(s3, bucket, key, content.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Puts an object with an additional checksum the SDK computes and sends (as a
	 * trailer; S3Proxy ignores it).
	 */
	public static PutObjectResponse put(S3Client s3, String bucket, String key, byte[] content,
			ChecksumAlgorithm algorithm) {
		return s3.putObject((request) -> request.bucket(bucket).key(key).checksumAlgorithm(algorithm),
				RequestBody.fromBytes(content));
	}

	/**
	 * Uploads an object in the given parts, each with a checksum of the algorithm; S3
	 * makes the object's checksum a composite one (a checksum of the part checksums,
	 * {@code <value>-<parts>}) except for CRC64NVME.
	 */
	public static CompleteMultipartUploadResponse putMultipart(S3Client s3, String bucket, String key,
			List<byte[]> parts, ChecksumAlgorithm algorithm) {
		String uploadId = s3
			.createMultipartUpload((request) -> request.bucket(bucket).key(key).checksumAlgorithm(algorithm))
			.uploadId();
		List<CompletedPart> completed = new ArrayList<>();
		for (int i = 0; i < parts.size(); i++) {
			int partNumber = i + 1;
			UploadPartResponse part = s3.uploadPart((request) -> request.bucket(bucket)
				.key(key)
				.uploadId(uploadId)
				.partNumber(partNumber)
				.checksumAlgorithm(algorithm), RequestBody.fromBytes(parts.get(i)));
			completed.add(CompletedPart.builder()
				.partNumber(partNumber)
				.eTag(part.eTag())
				.checksumCRC32(part.checksumCRC32())
				.checksumCRC32C(part.checksumCRC32C())
				.checksumCRC64NVME(part.checksumCRC64NVME())
				.checksumSHA1(part.checksumSHA1())
				.checksumSHA256(part.checksumSHA256())
				.build());
		}
		return s3.completeMultipartUpload((request) -> request.bucket(bucket)
			.key(key)
			.uploadId(uploadId)
			.multipartUpload((upload) -> upload.parts(completed)));
	}

	/** The object's bytes. */
	public static byte[] readBytes(S3Client s3, String bucket, String key) {
		return s3.getObjectAsBytes((request) -> request.bucket(bucket).key(key)).asByteArray();
	}

	/** The object's content as UTF-8 text. */
	public static String readString(S3Client s3, String bucket, String key) {
		return new String(readBytes(s3, bucket, key), StandardCharsets.UTF_8);
	}

	/**
	 * Random bytes, so that no two objects a test writes compress or deduplicate alike.
	 */
	public static byte[] randomBytes(int size) {
		byte[] bytes = new byte[size];
		ThreadLocalRandom.current().nextBytes(bytes);
		return bytes;
	}

	/**
	 * The CRC64NVME of the bytes as S3 writes it: the 8 bytes big-endian, in Base64.
	 * Computed with aws-crt.
	 */
	public static String crc64nvme(byte[] content) {
		CRC64NVME crc = new CRC64NVME();
		crc.update(content);
		return Base64.getEncoder().encodeToString(ByteBuffer.allocate(Long.BYTES).putLong(crc.getValue()).array());
	}

	/**
	 * The MD5 of the bytes in hex, which is the ETag of a single-part, unencrypted or
	 * SSE-S3 object.
	 */
	public static String md5Hex(byte[] content) {
		return HexFormat.of().formatHex(md5(content));
	}

	/**
	 * The ETag S3 gives an object assembled from these parts: the MD5 of the parts' MD5s,
	 * a dash and the number of parts.
	 */
	public static String multipartEtag(List<byte[]> parts) {
		MessageDigest digest = md5Digest();
		for (byte[] part : parts) {
			digest.update(md5(part));
		}
		return HexFormat.of().formatHex(digest.digest()) + "-" + parts.size();
	}

	/** The ETag without the quotes S3 puts around it. */
	public static String unquoted(String etag) {
		return etag.replace("\"", "");
	}

	private static byte[] md5(byte[] content) {
		return md5Digest().digest(content);
	}

	private static MessageDigest md5Digest() {
		try {
			return MessageDigest.getInstance("MD5");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has MD5", ex);
		}
	}

	/**
	 * Puts many small objects fast: up to 64 PUTs in flight on the given async client, so
	 * tests that need thousands of objects do not spend their time seeding.
	 */
	public static void putMany(software.amazon.awssdk.services.s3.S3AsyncClient s3, String bucket, int count,
			java.util.function.IntFunction<String> key, java.util.function.IntFunction<byte[]> content) {
		java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(64);
		java.util.List<java.util.concurrent.CompletableFuture<?>> puts = new java.util.ArrayList<>();
		for (int i = 0; i < count; i++) {
			slots.acquireUninterruptibly();
			int index = i;
			puts.add(s3
				.putObject((put) -> put.bucket(bucket).key(key.apply(index)),
						software.amazon.awssdk.core.async.AsyncRequestBody.fromBytes(content.apply(index)))
				.whenComplete((response, error) -> slots.release()));
		}
		java.util.concurrent.CompletableFuture.allOf(puts.toArray(java.util.concurrent.CompletableFuture[]::new))
			.join();
	}

}
