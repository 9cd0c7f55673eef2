package io.github.s3bulkcopy.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.s3bulkcopy.demo.LocalS3Identity;
import io.github.s3bulkcopy.demo.LocalS3Server;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A streamed copy of an object several times larger than the heap, in a child JVM with
 * {@code -Xmx128m}: one GET streamed into one PUT of 600 MiB, against S3Proxy's
 * filesystem store (no server holds it in memory either). It passes only if nothing
 * buffers the object, and prints the child's heap as its GC log saw it.
 * {@code bench/stream-heap.sh} runs it with 2 GiB and -Xmx256m (system properties
 * {@code s3bulkcopy.heap-test.mib} and {@code s3bulkcopy.heap-test.xmx}).
 */
class StreamHeapFunctionalTests {

	private static final long SIZE = Long.getLong("s3bulkcopy.heap-test.mib", 600) * 1024 * 1024;

	private static final String XMX = System.getProperty("s3bulkcopy.heap-test.xmx", "128m");

	private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

	@TempDir
	Path dir;

	@Test
	void aStreamedObjectFiveTimesTheHeapCopies() throws Exception {
		LocalS3Identity identity = new LocalS3Identity("heap-test", "heap-test-secret");
		try (LocalS3Server server = LocalS3Server.builder()
			.identity(identity)
			.filesystemStore(this.dir.resolve("store"))
			.start(); S3Client s3 = server.client(identity)) {
			String source = S3TestData.createBucket(s3, "heap-src");
			String destination = S3TestData.createBucket(s3, "heap-dst");
			s3.putObject((put) -> put.bucket(source).key("big.bin"),
					RequestBody.fromContentProvider(() -> new PatternStream(SIZE), SIZE, "application/octet-stream"));
			Path job = Files.writeString(this.dir.resolve("heap.yml"), """
					name: heap
					source:
					  bucket: %s
					  endpoint: %s
					destination:
					  bucket: %s
					  endpoint: %s
					manifest:
					  type: listing
					copy:
					  mode: stream
					report:
					  location: %s
					""".formatted(source, server.endpoint(), destination, server.endpoint(),
					this.dir.resolve("reports")), StandardCharsets.UTF_8);

			long started = System.nanoTime();
			Process child = new ProcessBuilder(command(identity, job)).redirectErrorStream(true)
				.redirectOutput(this.dir.resolve("child.log").toFile())
				.start();
			boolean ended = child.waitFor(5, TimeUnit.MINUTES);
			String log = Files.readString(this.dir.resolve("child.log"));
			if (!ended) {
				child.destroyForcibly();
			}

			System.out.println(heapSummary(Duration.ofNanos(System.nanoTime() - started)));
			assertThat(ended).as(log).isTrue();
			assertThat(child.exitValue()).as(log).isZero();
			assertThat(log).contains("1 copied").doesNotContain("OutOfMemoryError");
			HeadObjectResponse copy = s3.headObject((head) -> head.bucket(destination).key("big.bin"));
			HeadObjectResponse original = s3.headObject((head) -> head.bucket(source).key("big.bin"));
			assertThat(copy.contentLength()).isEqualTo(SIZE);
			assertThat(copy.eTag()).isEqualTo(original.eTag());
		}
	}

	private List<String> command(LocalS3Identity identity, Path job) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx" + XMX);
		command.add("-XX:+ExitOnOutOfMemoryError");
		command.add("-Xlog:gc:file=" + this.dir.resolve("gc.log"));
		command.add("-Daws.accessKeyId=" + identity.accessKeyId());
		command.add("-Daws.secretAccessKey=" + identity.secretAccessKey());
		command.add("-Dspring.datasource.url=jdbc:h2:file:" + this.dir.resolve("db/heap").toAbsolutePath());
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add("io.github.s3bulkcopy.cli.Main");
		command.add("copy");
		command.add("--job");
		command.add(job.toString());
		return command;
	}

	/** The largest heap use the child's GC log shows, before and after collections. */
	private String heapSummary(Duration took) throws IOException {
		int before = 0;
		int after = 0;
		for (String line : Files.readAllLines(this.dir.resolve("gc.log"))) {
			Matcher matcher = GC_LINE.matcher(line);
			if (matcher.find()) {
				before = Math.max(before, Integer.parseInt(matcher.group(1)));
				after = Math.max(after, Integer.parseInt(matcher.group(2)));
			}
		}
		return "stream-heap: copied " + SIZE / (1024 * 1024) + " MiB with -Xmx" + XMX + " in " + took.toSeconds()
				+ " s (whole process, Spring included); heap used peaked at " + before + " MiB before a GC, " + after
				+ " MiB after one";
	}

	/** Pseudo-random bytes made on the fly, so the test holds no large array either. */
	private static final class PatternStream extends InputStream {

		private final Random random = new Random(42);

		private long left;

		PatternStream(long size) {
			this.left = size;
		}

		@Override
		public int read() {
			if (this.left <= 0) {
				return -1;
			}
			this.left--;
			return this.random.nextInt(256);
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (this.left <= 0) {
				return -1;
			}
			int n = (int) Math.min(length, this.left);
			byte[] chunk = new byte[n];
			this.random.nextBytes(chunk);
			System.arraycopy(chunk, 0, buffer, offset, n);
			this.left -= n;
			return n;
		}

	}

}
