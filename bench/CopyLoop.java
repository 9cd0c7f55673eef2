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
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The ceiling: a bare AWS SDK program that lists the source and copies every object server-side with CONCURRENCY
 * CopyObject requests in flight, and nothing else (no ledger, no verification, no report).
 * CopyLoop ENDPOINT ACCESS_KEY SECRET SOURCE DESTINATION CONCURRENCY [crt]. Prints its copy-loop rate too, and that
 * of the loop's second half, when the JIT is warm, and the process's CPU time over each (every thread's, the HTTP
 * client's native ones too): what the SDK costs a client per CopyObject on this machine, the CPU budget's floor.
 * With {@code crt}, the SDK's CRT-based HTTP client instead of Netty.
 * <p>
 * CopyLoop ... crt stream DESTINATION_KEY DESTINATION_SECRET: the streamed copy's floor instead, every object copied
 * between two accounts as this tool's streamed copy copies a small one (a GET read whole with the source's
 * credentials, its CRC64NVME computed, a PUT carrying it with the destination's), and nothing else.
 */
public class CopyLoop {

	public static void main(String[] args) throws Exception {
		int concurrency = Integer.parseInt(args[5]);
		boolean crt = args.length > 6 && args[6].equals("crt");
		boolean stream = args.length > 9 && args[7].equals("stream");
		try (S3AsyncClient s3 = client(args[0], args[1], args[2], concurrency, crt);
				S3AsyncClient destination = stream ? client(args[0], args[8], args[9], concurrency, crt) : null) {
			List<String> keys = new ArrayList<>();
			s3.listObjectsV2Paginator((list) -> list.bucket(args[3])).contents().subscribe((S3Object object) -> keys.add(object.key())).join();
			Semaphore slots = new Semaphore(concurrency);
			List<CompletableFuture<?>> copies = new ArrayList<>(keys.size());
			// The second half's rate is the warm one: by then the JIT has compiled the request path.
			int half = keys.size() / 2;
			AtomicInteger done = new AtomicInteger();
			AtomicLong halfway = new AtomicLong();
			AtomicLong halfwayCpu = new AtomicLong();
			long startedCpu = processCpuNanos();
			long started = System.nanoTime();
			for (String key : keys) {
				slots.acquire();
				CompletableFuture<?> copy = stream ? streamed(s3, destination, args[3], args[4], key)
						: s3.copyObject((request) -> request.sourceBucket(args[3]).sourceKey(key)
							.destinationBucket(args[4]).destinationKey(key));
				copies.add(copy.whenComplete((r, e) -> {
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
			System.out.printf("copy loop: %d objects in %.2f s = %.0f objects/s; its second half (warm): %.0f objects/s; "
					+ "process CPU before the loop (start, listing) %.2f s, in the loop %.2f s = %.0f µs per object, "
					+ "in its second half %.0f µs per object%n", keys.size(), seconds, keys.size() / seconds,
					(keys.size() - half) / warm, startedCpu / 1e9, (endedCpu - startedCpu) / 1e9,
					(endedCpu - startedCpu) / 1e3 / keys.size(), (endedCpu - halfwayCpu.get()) / 1e3 / (keys.size() - half));
		}
	}

	private static S3AsyncClient client(String endpoint, String key, String secret, int concurrency, boolean crt) {
		return S3AsyncClient.builder()
			.endpointOverride(URI.create(endpoint))
			.forcePathStyle(true)
			.region(Region.US_EAST_1)
			.httpClientBuilder(crt ? AwsCrtAsyncHttpClient.builder().maxConcurrency(concurrency)
					: NettyNioAsyncHttpClient.builder().maxConcurrency(concurrency))
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
			.build();
	}

	/** One object's streamed copy: GET read whole, its CRC64NVME computed, PUT carrying it. */
	private static CompletableFuture<?> streamed(S3AsyncClient source, S3AsyncClient destination, String from, String to,
			String key) {
		return source
			.getObject((get) -> get.bucket(from).key(key).checksumMode(ChecksumMode.ENABLED), AsyncResponseTransformer.toBytes())
			.thenCompose((bytes) -> {
				byte[] content = bytes.asByteArrayUnsafe();
				CRC64NVME crc = new CRC64NVME();
				crc.update(content, 0, content.length);
				String checksum = Base64.getEncoder().encodeToString(ByteBuffer.allocate(Long.BYTES).putLong(crc.getValue()).array());
				return destination.putObject((put) -> put.bucket(to).key(key).contentLength((long) content.length)
					.checksumCRC64NVME(checksum), AsyncRequestBody.fromBytesUnsafe(content));
			});
	}

	/** CPU time of the whole process, every thread's. */
	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

}
