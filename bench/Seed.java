import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * Seeds a bucket for the benchmark: Seed ENDPOINT ACCESS_KEY SECRET BUCKET COUNT SIZE [MORE_BUCKETS...].
 * Creates the buckets and puts COUNT objects of SIZE bytes into BUCKET, 128 in flight (COUNT 0: buckets only). Run as a single-file program:
 * java -cp "$(cat target/bench-classpath.txt)" bench/Seed.java ...
 */
public class Seed {

	public static void main(String[] args) throws Exception {
		URI endpoint = URI.create(args[0]);
		String bucket = args[3];
		int count = Integer.parseInt(args[4]);
		int size = Integer.parseInt(args[5]);
		try (S3AsyncClient s3 = S3AsyncClient.builder()
			.endpointOverride(endpoint)
			.forcePathStyle(true)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(args[1], args[2])))
			.build()) {
			for (int i = 6; i < args.length; i++) {
				String extra = args[i];
				s3.createBucket((create) -> create.bucket(extra)).exceptionally((error) -> null).join();
			}
			s3.createBucket((create) -> create.bucket(bucket)).exceptionally((error) -> null).join();
			byte[] content = new byte[size];
			new java.util.Random(42).nextBytes(content);
			Semaphore slots = new Semaphore(128);
			List<CompletableFuture<?>> puts = new ArrayList<>();
			long started = System.nanoTime();
			for (int i = 0; i < count; i++) {
				slots.acquire();
				String key = String.format("bench/%02d/object-%07d.bin", i % 100, i);
				puts.add(s3.putObject((put) -> put.bucket(bucket).key(key), AsyncRequestBody.fromBytes(content))
					.whenComplete((r, e) -> slots.release()));
			}
			CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)).join();
			System.out.printf("seeded %d x %d bytes into %s in %.1f s%n", count, size, bucket,
					(System.nanoTime() - started) / 1e9);
		}
	}

}
