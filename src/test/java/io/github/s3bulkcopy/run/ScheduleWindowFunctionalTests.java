package io.github.s3bulkcopy.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.s3bulkcopy.jobfile.JobFile;
import io.github.s3bulkcopy.jobfile.ScheduleWindow;
import io.github.s3bulkcopy.jobfile.loading.JobFileLoader;
import io.github.s3bulkcopy.testsupport.FaultInjectingProxy;
import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.support.CronExpression;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code schedule.window} on a real job, with a clock that can jump (so that no test
 * waits for a night): a run still going when the window ends stops, resumably, a tick
 * outside the window starts no run, and the next tick inside it resumes the stopped run,
 * which then copies the rest.
 */
class ScheduleWindowFunctionalTests implements LocalS3ProxyTest {

	private static final int OBJECTS = 80;

	@TempDir
	Path dir;

	@Test
	void aRunGoingAtTheWindowsEndStopsAndTheNextTickInsideTheWindowResumesIt() throws Exception {
		S3Client s3 = LocalS3ProxyTest.sourceClient();
		JobFixture onServer = JobFixture.onS3Proxy(this.dir, "window");
		S3TestData.putMany(LocalS3ProxyTest.sourceAsyncClient(), onServer.sourceBucket, OBJECTS,
				ScheduleWindowFunctionalTests::key, ScheduleWindowFunctionalTests::content);
		try (FaultInjectingProxy proxy = new FaultInjectingProxy(LocalS3ProxyTest.s3Proxy().endpoint(), 0, 0)) {
			// 80 copies two at a time, each held back 400 ms: about 16 s, so that the
			// window's end, 9 s after the run starts, comes during the copy step (a stop
			// during the plan step ends the run FAILED, not STOPPED).
			proxy.delay("PUT /" + onServer.destinationBucket + "/", 400);
			JobFixture fixture = onServer.through(proxy.endpoint());
			Path jobPath = fixture.jobFile("nightly-window", "", "", "type: listing", """
					copy:
					  partitions: 1
					  concurrency: 2
					  chunk-size: 4
					schedule:
					  cron: "* * * * * *"
					  window: "22:00-06:00 UTC"
					""");
			JobFile jobFile = new JobFileLoader().load(jobPath);
			ScheduleWindow window = ScheduleWindow.parse(jobFile.spec().schedule().window());
			JumpingClock clock = new JumpingClock(Instant.parse("2026-12-07T05:59:50Z"));
			List<String> log = new CopyOnWriteArrayList<>();
			List<RunResult> results = new CopyOnWriteArrayList<>();
			try (ConfigurableApplicationContext context = JobContexts.forJob(jobFile, Map.of())) {
				RunStopper stopper = context.getBean(RunStopper.class);
				RunLauncher launcher = context.getBean(RunLauncher.class);
				RunScheduler scheduler = new RunScheduler(CronExpression.parse(jobFile.spec().schedule().cron()), null,
						2, window, () -> !stopper.stop(jobFile.spec().name()).isEmpty(), clock, (line) -> {
							log.add(line);
							if (line.startsWith("tick outside the window")) {
								// The day goes by: the next tick is in the evening's
								// window.
								clock.jumpTo(Instant.parse("2026-12-07T21:59:59.500Z"));
							}
						});

				// Ten seconds before the window ends at 06:00 UTC.
				clock.jumpTo(Instant.parse("2026-12-07T05:59:50Z"));
				RunScheduler.Outcome outcome = scheduler.start(() -> {
					RunResult result = launcher.scheduledCopy();
					results.add(result);
					return result;
				});

				assertThat(outcome.runs()).as(String.join("\n", log)).isEqualTo(2);
			}
			assertThat(results).hasSize(2);
			RunResult stopped = results.get(0);
			assertThat(stopped.status()).as("%s", log).isEqualTo(BatchStatus.STOPPED);
			assertThat(stopped.counts().copied()).as("objects left for the next night").isLessThan(OBJECTS);
			assertThat(log).anySatisfy((line) -> assertThat(line).startsWith("window 22:00-06:00 UTC ended"))
				.anySatisfy((line) -> assertThat(line).isEqualTo("tick outside the window 22:00-06:00 UTC: no run"));
			RunResult resumed = results.get(1);
			assertThat(resumed.resumed()).isTrue();
			assertThat(resumed.run()).isEqualTo(stopped.run());
			assertThat(resumed.status()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(resumed.counts().copied()).isEqualTo(OBJECTS);
			assertThat(s3.listObjectsV2Paginator((list) -> list.bucket(fixture.destinationBucket))
				.contents()
				.stream()
				.count()).isEqualTo(OBJECTS);
		}
	}

	@Test
	void aStopAskedForInThisProcessWhileThePlanIsReadStopsTheRunAndItResumes() throws Exception {
		S3Client s3 = LocalS3ProxyTest.sourceClient();
		JobFixture onServer = JobFixture.onS3Proxy(this.dir, "stop-plan");
		// 40 folders, each listed on its own and held back 250 ms: the plan reads for
		// about 10 s.
		S3TestData.putMany(LocalS3ProxyTest.sourceAsyncClient(), onServer.sourceBucket, OBJECTS,
				(i) -> "f" + (i % 40) + "/" + i, ScheduleWindowFunctionalTests::content);
		try (FaultInjectingProxy proxy = new FaultInjectingProxy(LocalS3ProxyTest.s3Proxy().endpoint(), 0, 0)) {
			proxy.delay("GET /" + onServer.sourceBucket, 250);
			JobFixture fixture = onServer.through(proxy.endpoint());
			JobFile jobFile = new JobFileLoader().load(fixture.jobFile("stop-plan", "", "", "type: listing", ""));
			try (ConfigurableApplicationContext context = JobContexts.forJob(jobFile, Map.of())) {
				RunLauncher launcher = context.getBean(RunLauncher.class);
				java.util.concurrent.CompletableFuture<RunResult> run = java.util.concurrent.CompletableFuture
					.supplyAsync(() -> {
						try {
							return launcher.copy(false);
						}
						catch (Exception ex) {
							throw new IllegalStateException(ex);
						}
					});
				long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
				while (proxy.delayed() < 4 && System.nanoTime() < deadline) {
					Thread.sleep(20);
				}
				assertThat(context.getBean(RunStopper.class).stop("stop-plan")).hasSize(1);

				RunResult stopped = run.get(90, java.util.concurrent.TimeUnit.SECONDS);
				assertThat(stopped.status()).isEqualTo(BatchStatus.STOPPED);

				RunResult resumed = launcher.copy(false);
				assertThat(resumed.resumed()).isTrue();
				assertThat(resumed.status()).isEqualTo(BatchStatus.COMPLETED);
				assertThat(resumed.counts().copied()).isEqualTo(OBJECTS);
			}
		}
	}

	private static String key(int i) {
		return String.format("night/%03d.txt", i);
	}

	private static byte[] content(int i) {
		return ("object " + i).getBytes(StandardCharsets.UTF_8);
	}

	/** The real clock's passing time from a chosen instant, which a test can move on. */
	private static final class JumpingClock extends Clock {

		private final ZoneId zone;

		private volatile Duration offset;

		JumpingClock(Instant now) {
			this(ZoneOffset.UTC, Duration.between(Instant.now(), now));
		}

		private JumpingClock(ZoneId zone, Duration offset) {
			this.zone = zone;
			this.offset = offset;
		}

		void jumpTo(Instant instant) {
			this.offset = Duration.between(Instant.now(), instant);
		}

		@Override
		public ZoneId getZone() {
			return this.zone;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			JumpingClock outer = this;
			return new Clock() {

				@Override
				public ZoneId getZone() {
					return zone;
				}

				@Override
				public Clock withZone(ZoneId other) {
					return outer.withZone(other);
				}

				@Override
				public Instant instant() {
					return outer.instant();
				}

			};
		}

		@Override
		public Instant instant() {
			return Instant.now().plus(this.offset);
		}

	}

}
