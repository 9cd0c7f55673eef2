import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Seeds large objects for the benchmark: SeedLarge ENDPOINT ACCESS_KEY SECRET BUCKET COUNT SIZE PART_SIZE
 * [MORE_BUCKETS...]. Creates the buckets and puts COUNT objects of SIZE bytes into BUCKET as multipart uploads of
 * PART_SIZE parts (sizes in bytes), 4 parts in flight, so the heap holds at most 4 parts (give it -Xmx of 5 parts or
 * more). The bytes are generated: one random block of PART_SIZE, each part stamped with its object and part number,
 * so no two parts are equal. Objects already there with the right size are left alone, so a second run costs a
 * listing. Gives up after an hour. Run as a single-file program like Seed.java:
 * java -Xmx1g -cp "$(cat target/bench/classpath.txt)" bench/SeedLarge.java ...
 */
public class SeedLarge {

	private static final int PARTS_IN_FLIGHT = 4;

	public static void main(String[] args) throws Exception {
		URI endpoint = URI.create(args[0]);
		String bucket = args[3];
		int count = Integer.parseInt(args[4]);
		long size = Long.parseLong(args[5]);
		int partSize = Math.toIntExact(Long.parseLong(args[6]));
		if (partSize < 5 * 1024 * 1024) {
			throw new IllegalArgumentException("PART_SIZE must be at least 5 MiB, S3's smallest part: " + partSize);
		}
		try (S3AsyncClient s3 = S3AsyncClient.builder()
			.endpointOverride(endpoint)
			.forcePathStyle(true)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(args[1], args[2])))
			.build()) {
			for (int i = 7; i < args.length; i++) {
				String extra = args[i];
				s3.createBucket((create) -> create.bucket(extra)).exceptionally((error) -> null).join();
			}
			s3.createBucket((create) -> create.bucket(bucket)).exceptionally((error) -> null).join();
			byte[] block = new byte[partSize];
			SplittableRandom random = new SplittableRandom(42);
			for (int i = 0; i < block.length; i += 8) {
				long value = random.nextLong();
				for (int b = 0; b < 8 && i + b < block.length; b++) {
					block[i + b] = (byte) (value >>> (8 * b));
				}
			}
			Semaphore slots = new Semaphore(PARTS_IN_FLIGHT);
			long started = System.nanoTime();
			long written = 0;
			for (int object = 0; object < count; object++) {
				String key = String.format("large/object-%03d.bin", object);
				Long existing = s3.headObject((head) -> head.bucket(bucket).key(key))
					.thenApply((head) -> head.contentLength())
					.exceptionally((error) -> null)
					.join();
				if (existing != null && existing == size) {
					continue;
				}
				String uploadId = s3.createMultipartUpload((create) -> create.bucket(bucket).key(key)).join().uploadId();
				int parts = (int) ((size + partSize - 1) / partSize);
				List<CompletableFuture<CompletedPart>> uploads = new ArrayList<>(parts);
				for (int part = 1; part <= parts; part++) {
					if (!slots.tryAcquire(1, TimeUnit.HOURS)) {
						throw new IllegalStateException("no part finished within an hour");
					}
					int length = (int) Math.min(partSize, size - (long) (part - 1) * partSize);
					byte[] bytes = new byte[length];
					System.arraycopy(block, 0, bytes, 0, length);
					ByteBuffer.wrap(bytes).putInt(object).putInt(part);
					int number = part;
					uploads.add(s3
						.uploadPart((upload) -> upload.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
								AsyncRequestBody.fromBytesUnsafe(bytes))
						.thenApply((response) -> CompletedPart.builder().partNumber(number).eTag(response.eTag()).build())
						.whenComplete((r, e) -> slots.release()));
				}
				List<CompletedPart> completed = new ArrayList<>(parts);
				for (CompletableFuture<CompletedPart> upload : uploads) {
					completed.add(upload.get(1, TimeUnit.HOURS));
				}
				s3.completeMultipartUpload((complete) -> complete.bucket(bucket).key(key).uploadId(uploadId)
					.multipartUpload((upload) -> upload.parts(completed))).get(1, TimeUnit.HOURS);
				written += size;
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			System.out.printf("seeded %d x %d bytes into %s (%d MiB written) in %.1f s = %.0f MiB/s%n", count, size,
					bucket, written >> 20, seconds, (written >> 20) / Math.max(seconds, 0.001));
		}
	}

}
