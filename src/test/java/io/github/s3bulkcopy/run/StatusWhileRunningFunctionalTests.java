package io.github.s3bulkcopy.run;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.github.s3bulkcopy.cli.Main;
import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import io.github.s3bulkcopy.testsupport.SlowRelay;
import io.github.s3bulkcopy.testsupport.Sockets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A run in a child JVM holds the embedded job database (H2 with AUTO_SERVER, as by
 * default) while {@code status} and {@code report} read it from this JVM and a second
 * {@code copy} is turned away (exit 4): the child serves the database on loopback only,
 * and, its stderr not being a terminal, logs plain progress lines.
 */
class StatusWhileRunningFunctionalTests implements LocalS3ProxyTest {

	private static final int OBJECTS = 400;

	@TempDir
	Path dir;

	@Test
	void statusAndReportReadARunGoingOnInAnotherProcess() throws Exception {
		// given: a run slowed down by a relay that holds each request 40 ms, in a child
		// JVM
		S3Client s3 = LocalS3ProxyTest.sourceClient();
		JobFixture fixture = JobFixture.onS3Proxy(this.dir, "live");
		for (int i = 0; i < OBJECTS; i++) {
			S3TestData.put(s3, fixture.sourceBucket, "data/%05d.txt".formatted(i), "object " + i);
		}
		String url = fixture.databaseUrl() + ";AUTO_SERVER=TRUE";
		System.setProperty("spring.datasource.url", url);
		Process child = null;
		try (SlowRelay relay = SlowRelay.start(LocalS3ProxyTest.s3Proxy().endpoint(), Duration.ofMillis(40))) {
			Path job = fixture.jobFile("live-job", "", "", "type: listing",
					"copy:\n  partitions: 1\n  concurrency: 1\n  chunk-size: 5\n");
			Files.writeString(job, Files.readString(job)
				.replace(LocalS3ProxyTest.s3Proxy().endpoint().toString(), relay.endpoint().toString()));
			child = startChild(url, job);
			waitForObjects(s3, fixture.destinationBucket, 20, child);

			// when
			JobFixture.Result status = fixture.run("status", "--job", job.toString());
			JobFixture.Result report = fixture.run("report", "--job", job.toString(), "--out",
					this.dir.resolve("live-report").toString());
			JobFixture.Result second = fixture.run("copy", "--job", job.toString(), "--quiet");

			// then
			assertThat(child.isAlive()).as("the run was still going on").isTrue();
			assertThat(status.exitCode()).as(status.toString()).isZero();
			assertThat(status.out()).contains("STARTED", "in progress in process", "run 1 (going on):", "done:",
					"/" + String.format("%,d", OBJECTS) + " objects", "objects/s", "ETA:", "failures:  0 so far");
			assertThat(second.exitCode()).as(second.toString()).isEqualTo(4);
			assertThat(second.err()).contains("busy: job 'live-job' is being run by another process");
			assertThat(report.exitCode()).as(report.toString()).isZero();
			JsonNode summary = JsonMapper.builder()
				.build()
				.readTree(Files.readString(this.dir.resolve("live-report").resolve("summary.json")));
			assertThat(summary.get("status").asString()).isEqualTo("RUNNING");
			assertThat(summary.get("objects").get("total").asLong()).isEqualTo(OBJECTS);
			assertThat(summary.get("objects").get("pending").asLong()).isPositive();
			assertThat(fixture.run("report", "verify", this.dir.resolve("live-report").toString()).exitCode()).isZero();

			int port = serverPort(this.dir.resolve("db").resolve("s3-bulk-copy.lock.db"));
			assertThat(Sockets.accepts(InetAddress.getLoopbackAddress(), port)).isTrue();
			Sockets.nonLoopbackAddress()
				.ifPresent(
						(address) -> assertThat(Sockets.accepts(address, port)).as("the database port on %s", address)
							.isFalse());

			// and 'stop' from this other process ends the run after its chunk in flight,
			// resumably
			JobFixture.Result stop = fixture.run("stop", "--job", job.toString());
			assertThat(stop.exitCode()).as(stop.toString()).isZero();
			assertThat(stop.out()).contains("Stop requested for run 1 of job live-job");
			assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the run stopped").isTrue();
			assertThat(child.exitValue()).isEqualTo(3);
			assertThat(fixture.run("status", "--job", job.toString()).out()).contains("STOPPED");
		}
		finally {
			if (child != null) {
				child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
		}
		String log = Files.readString(this.dir.resolve("child.log"), StandardCharsets.UTF_8);
		assertThat(log).contains("progress: ").doesNotContain("\r").doesNotContain("\u001b");
		assertThat(log.lines().filter((line) -> line.startsWith("progress: ")))
			.allSatisfy((line) -> assertThat(line).matches("progress: (planning .*|[0-9,]+/[0-9,]+ objects .*)"));
	}

	private Process startChild(String url, Path job) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx256m");
		command.add("-Dspring.datasource.url=" + url);
		command.add("-Daws.accessKeyId=" + System.getProperty("aws.accessKeyId"));
		command.add("-Daws.secretAccessKey=" + System.getProperty("aws.secretAccessKey"));
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(Main.class.getName());
		command.addAll(List.of("copy", "--job", job.toString(), "--progress-interval", "1"));
		File log = this.dir.resolve("child.log").toFile();
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
	}

	private void waitForObjects(S3Client s3, String bucket, int count, Process child) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline) {
			if (s3.listObjectsV2((list) -> list.bucket(bucket)).keyCount() >= count) {
				return;
			}
			if (!child.isAlive()) {
				fail("the child run ended early:\n" + Files.readString(this.dir.resolve("child.log")));
			}
			Thread.sleep(100);
		}
		fail("the child run copied nothing in time:\n" + Files.readString(this.dir.resolve("child.log")));
	}

	/**
	 * The TCP port H2 wrote into the database's lock file for other processes to connect
	 * to.
	 */
	private static int serverPort(Path lockFile) throws IOException {
		Properties lock = new Properties();
		try (InputStream in = Files.newInputStream(lockFile)) {
			lock.load(in);
		}
		String server = lock.getProperty("server");
		assertThat(server).as("server in " + lockFile).isNotNull();
		return Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
	}

}
