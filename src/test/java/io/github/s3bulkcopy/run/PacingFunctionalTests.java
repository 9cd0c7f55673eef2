package io.github.s3bulkcopy.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.s3bulkcopy.testsupport.FaultInjectingProxy;
import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pacing measured at the server's door (the counting relay between the tool and S3Proxy):
 * a run with {@code copy.max-requests-per-second} never lets more than that many requests
 * reach the server in any second, and bursts of 503 SlowDown lower the objects in flight,
 * after which the run still copies every object.
 */
class PacingFunctionalTests implements LocalS3ProxyTest {

	@TempDir
	Path dir;

	@Test
	void aRunWithMaxRequestsPerSecondMakesNoMoreThanThatInAnySecond() throws Exception {
		RequestsPerSecond paced = pacedRun("paced", 500, 200);

		assertThat(paced.requests()).as("enough requests to be paced over seconds").isGreaterThan(400);
		assertThat(paced.mostInOneSecond()).as("requests reaching the server in any one second")
			.isLessThanOrEqualTo(200 + RequestSampler.SLACK);
	}

	/**
	 * A rate well below what the local server serves, even on a busy machine, so that the
	 * limit binds: the run takes as long as the requests at that rate take.
	 */
	@Test
	void aLowMaxRequestsPerSecondHoldsTheRunToIt() throws Exception {
		long start = System.nanoTime();
		RequestsPerSecond paced = pacedRun("slow-paced", 100, 25);

		long seconds = (System.nanoTime() - start) / 1_000_000_000L;
		assertThat(paced.mostInOneSecond()).isLessThanOrEqualTo(25 + RequestSampler.SLACK);
		assertThat(seconds).as("%d requests at 25 a second", paced.requests())
			.isGreaterThanOrEqualTo((paced.requests() - 25) / 25);
	}

	/**
	 * Server-side copies of 256 KiB objects at 1 MiB a second: after the first second's
	 * worth, the copies reach the server a quarter of a second apart (without the limit
	 * they all start at once).
	 */
	@Test
	void maxBytesPerSecondSpacesCopiesByTheirSize() throws Exception {
		S3Client s3 = LocalS3ProxyTest.sourceClient();
		JobFixture onServer = JobFixture.onS3Proxy(this.dir, "bytes-paced");
		byte[] content = new byte[256 * 1024];
		for (int i = 0; i < 12; i++) {
			content[0] = (byte) i;
			S3TestData.put(s3, onServer.sourceBucket, key(i), content);
		}
		try (FaultInjectingProxy proxy = new FaultInjectingProxy(LocalS3ProxyTest.s3Proxy().endpoint(), 0, 0)) {
			List<Long> copies = new java.util.concurrent.CopyOnWriteArrayList<>();
			// Never answers: notes when each copy reaches the relay and lets it through.
			proxy.answer("PUT /" + onServer.destinationBucket + "/",
					(headers) -> copies.add(System.nanoTime()) && false, 500, "InternalError");
			JobFixture fixture = onServer.through(proxy.endpoint());
			Path job = fixture.jobFile("bytes-paced", "", "", "type: listing", """
					copy:
					  max-bytes-per-second: 1MiB
					""");

			JobFixture.Result result = fixture.run("copy", "--job", job.toString());

			assertThat(result.exitCode()).as(result.toString()).isZero();
			assertThat(result.out()).contains("12 copied");
			assertThat(copies).hasSize(12);
			long millis = (java.util.Collections.max(copies) - java.util.Collections.min(copies)) / 1_000_000;
			// A second's worth (4 copies) may go at once after the idle start, then one
			// every quarter second.
			assertThat(millis).as("7 copies of 256 KiB after the first 5, at 1 MiB a second")
				.isGreaterThanOrEqualTo(1_500);
		}
	}

	/**
	 * Copies {@code objects} objects with {@code copy.max-requests-per-second}, counting
	 * requests at the relay.
	 */
	private RequestsPerSecond pacedRun(String name, int objects, int perSecond) throws Exception {
		S3Client s3 = LocalS3ProxyTest.sourceClient();
		String source = S3TestData.createBucket(s3, name + "-src");
		String destination = S3TestData.createBucket(s3, name + "-dst");
		S3TestData.putMany(LocalS3ProxyTest.sourceAsyncClient(), source, objects, PacingFunctionalTests::key,
				PacingFunctionalTests::content);
		try (FaultInjectingProxy proxy = new FaultInjectingProxy(LocalS3ProxyTest.s3Proxy().endpoint(), 0, 0);
				RequestSampler sampler = new RequestSampler(proxy)) {
			JobFixture fixture = new JobFixture(this.dir, proxy.endpoint(), LocalS3ProxyTest.SOURCE_ACCOUNT, source,
					destination);
			Path job = fixture.jobFile(name, "", "", "type: listing", """
					copy:
					  concurrency: 32
					  max-requests-per-second: %d
					""".formatted(perSecond));

			JobFixture.Result result = fixture.run("copy", "--job", job.toString());

			assertThat(result.exitCode()).as(result.toString()).isZero();
			assertThat(result.out()).contains(objects + " copied");
			for (int i = 0; i < objects; i += 37) {
				assertThat(S3TestData.readBytes(s3, destination, key(i))).isEqualTo(content(i));
			}
			return new RequestsPerSecond(proxy.requests(), sampler.mostInOneSecond());
		}
	}

	/** What the relay counted: every request, and the most in any one second. */
	private record RequestsPerSecond(long requests, long mostInOneSecond) {
	}

	@Test
	void burstsOfSlowDownLowerTheObjectsInFlightAndEveryObjectIsStillCopied() throws Exception {
		S3Client s3 = LocalS3ProxyTest.sourceClient();
		JobFixture onServer = JobFixture.onS3Proxy(this.dir, "slowdown");
		S3TestData.putMany(LocalS3ProxyTest.sourceAsyncClient(), onServer.sourceBucket, 400, PacingFunctionalTests::key,
				PacingFunctionalTests::content);
		try (FaultInjectingProxy proxy = new FaultInjectingProxy(LocalS3ProxyTest.s3Proxy().endpoint(), 0, 0)) {
			// Every copy into the destination is answered 503 SlowDown from its 50th
			// request for 2.5 seconds.
			SlowDownBurst burst = new SlowDownBurst(50, 2500);
			proxy.answer("PUT /" + onServer.destinationBucket + "/", (headers) -> burst.now(), 503, "SlowDown");
			JobFixture fixture = onServer.through(proxy.endpoint());
			Path job = fixture.jobFile("throttled", "", "", "type: listing", """
					copy:
					  concurrency: 32
					  chunk-size: 100
					""");

			JobFixture.Result result = fixture.run("copy", "--job", job.toString());

			assertThat(result.exitCode()).as(result.toString()).isZero();
			assertThat(burst.answered()).as("SlowDown answers").isPositive();
			Matcher throttling = Pattern
				.compile("throttling: +(\\d+) throttled answer\\(s\\).*limited to (\\d+) at least, (\\d+) at the end "
						+ "\\(copy.concurrency 32\\)")
				.matcher(result.out());
			assertThat(throttling.find()).as(result.toString()).isTrue();
			assertThat(Long.parseLong(throttling.group(1))).isEqualTo(burst.answered());
			// Halved, then cut to 0.8 at most once a second over the 2.5 s burst: 32, 16,
			// 12, 9.
			assertThat(Integer.parseInt(throttling.group(2))).as("objects in flight at the lowest")
				.isLessThanOrEqualTo(16);
			List<Map<String, String>> rows = fixture.reportRows("throttled", 1);
			assertThat(rows).hasSize(400).allSatisfy((row) -> assertThat(row.get("Outcome")).isEqualTo("COPIED"));
			assertThat(s3.listObjectsV2Paginator((list) -> list.bucket(fixture.destinationBucket))
				.contents()
				.stream()
				.count()).isEqualTo(400);
		}
	}

	private static String key(int i) {
		return String.format("paced/%05d.txt", i);
	}

	private static byte[] content(int i) {
		return ("object " + i).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * 503 SlowDown for a while, from the n-th request it is asked about: a prefix
	 * throttled for a few seconds.
	 */
	private static final class SlowDownBurst {

		private final int after;

		private final long millis;

		private int asked;

		private long started;

		private long answered;

		SlowDownBurst(int after, long millis) {
			this.after = after;
			this.millis = millis;
		}

		synchronized boolean now() {
			this.asked++;
			if (this.asked == this.after) {
				this.started = System.nanoTime();
			}
			boolean slowDown = this.asked >= this.after && System.nanoTime() - this.started < this.millis * 1_000_000;
			if (slowDown) {
				this.answered++;
			}
			return slowDown;
		}

		synchronized long answered() {
			return this.answered;
		}

	}

	/**
	 * Counts the requests that reach the relay every 20 ms or so, with the times just
	 * before and after each count, for the most that reached it within any one second
	 * (between two counts surely at most a second apart: a busy machine may sample late,
	 * or stall between taking the time and reading the count).
	 */
	private static final class RequestSampler implements AutoCloseable {

		/**
		 * What requests bunched up on their way through the relay may add to a second's
		 * count.
		 */
		static final int SLACK = 10;

		private final List<long[]> samples = new ArrayList<>();

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final Thread thread;

		RequestSampler(FaultInjectingProxy proxy) {
			this.thread = new Thread(() -> {
				while (this.running.get()) {
					synchronized (this.samples) {
						long before = System.nanoTime();
						long count = proxy.requests();
						this.samples.add(new long[] { before, count, System.nanoTime() });
					}
					try {
						Thread.sleep(20);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "request-sampler");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		long mostInOneSecond() {
			synchronized (this.samples) {
				long most = 0;
				int from = 0;
				for (int i = 0; i < this.samples.size(); i++) {
					long[] sample = this.samples.get(i);
					// The count was read between a sample's two times: the requests
					// between two counts arrived within the later one's second time less
					// the earlier one's first time.
					while (from < i && sample[2] - this.samples.get(from)[0] > 1_000_000_000L) {
						from++;
					}
					most = Math.max(most, sample[1] - this.samples.get(from)[1]);
				}
				return most;
			}
		}

		@Override
		public void close() throws InterruptedException {
			this.running.set(false);
			this.thread.join(1000);
		}

	}

}
