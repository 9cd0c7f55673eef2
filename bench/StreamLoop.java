import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.crt.checksums.CRC64NVME;
import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The streamed copy's floor: a bare AWS SDK program that lists the source and copies every object between two
 * accounts the way this tool's streamed copy does for small objects (a GET read whole with the source's credentials,
 * its CRC64NVME computed, a PUT carrying it with the destination's), CONCURRENCY objects in flight, on the CRT-based
 * HTTP client, and nothing else (no ledger, no verification, no report).
 * StreamLoop ENDPOINT SOURCE_KEY SOURCE_SECRET DESTINATION_KEY DESTINATION_SECRET SOURCE DESTINATION CONCURRENCY.
 * Prints its copy loop's rate and the process's CPU per object, as bench/CopyLoop.java does.
 */
public class StreamLoop {

	public static void main(String[] args) throws Exception {
		int concurrency = Integer.parseInt(args[7]);
		try (S3AsyncClient source = client(args[0], args[1], args[2], concurrency);
				S3AsyncClient destination = client(args[0], args[3], args[4], concurrency)) {
			List<String> keys = new ArrayList<>();
			source.listObjectsV2Paginator((list) -> list.bucket(args[5])).contents().subscribe((S3Object object) -> keys.add(object.key())).join();
			Semaphore slots = new Semaphore(concurrency);
			List<CompletableFuture<?>> copies = new ArrayList<>(keys.size());
			int half = keys.size() / 2;
			AtomicInteger done = new AtomicInteger();
			AtomicLong halfway = new AtomicLong();
			AtomicLong halfwayCpu = new AtomicLong();
			long startedCpu = processCpuNanos();
			long started = System.nanoTime();
			for (String key : keys) {
				slots.acquire();
				copies.add(source
					.getObject((get) -> get.bucket(args[5]).key(key).checksumMode(ChecksumMode.ENABLED),
							AsyncResponseTransformer.toBytes())
					.thenCompose((bytes) -> {
						byte[] content = bytes.asByteArrayUnsafe();
						CRC64NVME crc = new CRC64NVME();
						crc.update(content, 0, content.length);
						String checksum = Base64.getEncoder()
							.encodeToString(ByteBuffer.allocate(Long.BYTES).putLong(crc.getValue()).array());
						return destination.putObject((put) -> put.bucket(args[6]).key(key).contentLength((long) content.length)
							.checksumCRC64NVME(checksum), AsyncRequestBody.fromBytesUnsafe(content));
					})
					.whenComplete((r, e) -> {
						if (e != null) {
							System.err.println(key + ": " + e);
						}
						if (done.incrementAndGet() == half) {
							halfway.set(System.nanoTime());
							halfwayCpu.set(processCpuNanos());
						}
						slots.release();
					}));
			}
			CompletableFuture.allOf(copies.toArray(CompletableFuture[]::new)).join();
			long ended = System.nanoTime();
			long endedCpu = processCpuNanos();
			double seconds = (ended - started) / 1e9;
			double warm = (ended - halfway.get()) / 1e9;
			System.out.printf("stream loop: %d objects in %.2f s = %.0f objects/s; its second half (warm): %.0f objects/s; "
					+ "process CPU before the loop (start, listing) %.2f s, in the loop %.2f s = %.0f µs per object, "
					+ "in its second half %.0f µs per object%n", keys.size(), seconds, keys.size() / seconds,
					(keys.size() - half) / warm, startedCpu / 1e9, (endedCpu - startedCpu) / 1e9,
					(endedCpu - startedCpu) / 1e3 / keys.size(), (endedCpu - halfwayCpu.get()) / 1e3 / (keys.size() - half));
		}
	}

	private static S3AsyncClient client(String endpoint, String key, String secret, int concurrency) {
		return S3AsyncClient.builder()
			.endpointOverride(URI.create(endpoint))
			.forcePathStyle(true)
			.region(Region.US_EAST_1)
			.httpClientBuilder(AwsCrtAsyncHttpClient.builder().maxConcurrency(concurrency))
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
			.build();
	}

	/** CPU time of the whole process, every thread's. */
	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

}
