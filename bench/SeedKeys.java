import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * Seeds named objects for the scale scenario: SeedKeys ENDPOINT ACCESS_KEY SECRET BUCKET KEYS-FILE SIZE
 * [MORE_BUCKETS...]. Creates the buckets and puts SIZE bytes of 'a' (what bench/Inventory.java states for them) at
 * each key of KEYS-FILE (one a line), 128 in flight.
 */
public class SeedKeys {

	public static void main(String[] args) throws Exception {
		String bucket = args[3];
		List<String> keys = Files.readAllLines(Path.of(args[4]), StandardCharsets.UTF_8);
		byte[] content = new byte[Integer.parseInt(args[5])];
		Arrays.fill(content, (byte) 'a');
		try (S3AsyncClient s3 = S3AsyncClient.builder()
			.endpointOverride(URI.create(args[0]))
			.forcePathStyle(true)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(args[1], args[2])))
			.build()) {
			for (int i = 6; i < args.length; i++) {
				String extra = args[i];
				s3.createBucket((create) -> create.bucket(extra)).exceptionally((error) -> null).join();
			}
			s3.createBucket((create) -> create.bucket(bucket)).exceptionally((error) -> null).join();
			Semaphore slots = new Semaphore(128);
			List<CompletableFuture<?>> puts = new ArrayList<>();
			long started = System.nanoTime();
			for (String key : keys) {
				slots.acquire();
				puts.add(s3.putObject((put) -> put.bucket(bucket).key(key), AsyncRequestBody.fromBytes(content))
					.whenComplete((r, e) -> slots.release()));
			}
			CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)).join();
			System.out.printf("seeded %d x %d bytes into %s in %.1f s%n", keys.size(), content.length, bucket,
					(System.nanoTime() - started) / 1e9);
		}
	}

}
