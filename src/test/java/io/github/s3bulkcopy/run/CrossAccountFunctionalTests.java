package io.github.s3bulkcopy.run;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.s3bulkcopy.testsupport.CrossAccountTest;
import io.github.s3bulkcopy.testsupport.ExpiredTokenGuard;
import io.github.s3bulkcopy.testsupport.FaultInjectingProxy;
import io.github.s3bulkcopy.testsupport.HttpClientRecorder;
import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LocalSts;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Copies between two accounts, each reachable only through its own role, end to end
 * through the command line: the runner assumes a role per side from a local STS, and the
 * bytes stream from one account to the other.
 */
class CrossAccountFunctionalTests implements CrossAccountTest {

	@TempDir
	Path dir;

	private JobFixture fixture;

	private String sourceRole;

	private String destinationRole;

	@BeforeEach
	void accounts() {
		String source = S3TestData.createBucket(CrossAccountTest.sourceAccount(), "src");
		String destination = S3TestData.createBucket(CrossAccountTest.destinationAccount(), "dst");
		// The default credential chain is the runner, who can assume the roles but has no
		// access to S3 itself.
		this.fixture = new JobFixture(this.dir, CrossAccountTest.s3Proxy().endpoint(), RUNNER, source, destination);
		this.sourceRole = CrossAccountTest.sourceRole(null, Duration.ofHours(1));
		this.destinationRole = CrossAccountTest.destinationRole("acme-2026", Duration.ofHours(1));
	}

	@AfterEach
	void reset() {
		ExpiredTokenGuard.delay = Duration.ZERO;
		System.clearProperty("s3bulkcopy.credentials.stale-time");
		System.clearProperty("s3bulkcopy.credentials.prefetch-time");
		System.clearProperty("aws.configFile");
		System.clearProperty("aws.sharedCredentialsFile");
		System.clearProperty("aws.endpointUrlSts");
		System.clearProperty("s3bulkcopy.http-client");
	}

	/**
	 * With each HTTP client setting ({@code s3bulkcopy.http-client}): {@code auto}, the
	 * default (here Netty for the large object, the CRT-based client for the small ones,
	 * which are read whole), Netty alone, CRT alone.
	 */
	@ParameterizedTest(name = "http-client {0}")
	@ValueSource(strings = { "auto", "netty", "crt" })
	void autoStreamsBetweenTwoRolesCarryingBytesHeadersAndChecksums(String httpClient) throws IOException {
		// given
		System.setProperty("s3bulkcopy.http-client", httpClient);
		Map<String, byte[]> objects = new LinkedHashMap<>();
		for (int i = 0; i < 12; i++) {
			objects.put("logs/" + i + ".log", S3TestData.randomBytes(1000 + i * 311));
		}
		objects.put("empty/object", new byte[0]);
		objects.forEach((key, bytes) -> S3TestData.put(source(), this.fixture.sourceBucket, key, bytes));
		byte[] withChecksum = S3TestData.randomBytes(70_000);
		source().putObject((put) -> put.bucket(this.fixture.sourceBucket)
			.key("typed/report.json")
			.contentType("application/json")
			.cacheControl("max-age=60")
			.metadata(Map.of("owner", "team-a"))
			.checksumCRC64NVME(S3TestData.crc64nvme(withChecksum)), RequestBody.fromBytes(withChecksum));
		objects.put("typed/report.json", withChecksum);
		byte[] large = S3TestData.randomBytes(11 * 1024 * 1024 + 7);
		source().putObject((put) -> put.bucket(this.fixture.sourceBucket)
			.key("big/large.bin")
			.contentType("video/mp4")
			.metadata(Map.of("camera", "b")), RequestBody.fromBytes(large));
		objects.put("big/large.bin", large);
		Path job = jobFile("cross-auto", "auto", """
				copy:
				  multipart-threshold: 5MiB
				  part-size: 5MiB
				  concurrency: 4
				verify:
				  require: true
				""");

		// when
		JobFixture.Result result;
		Map<String, Set<String>> reads;
		Map<String, Set<String>> writes;
		try (HttpClientRecorder.Recording recording = HttpClientRecorder.start()) {
			result = this.fixture.run("copy", "--job", job.toString());
			reads = recording.clientsByKey(this.fixture.sourceBucket, Set.of("GetObject"));
			writes = recording.clientsByKey(this.fixture.destinationBucket, Set.of("PutObject", "UploadPart"));
		}

		// then
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).contains(objects.size() + " copied");
		// Which HTTP client carried each object's bytes, as the SDK names it in the
		// User-Agent it sends.
		String small = httpClient.equals("netty") ? "NettyNio" : "AwsCommonRuntime";
		String streamed = httpClient.equals("crt") ? "AwsCommonRuntime" : "NettyNio";
		for (Map<String, Set<String>> carried : List.of(reads, writes)) {
			assertThat(carried).containsOnlyKeys(objects.keySet());
			carried.forEach((key, clients) -> assertThat(clients).as(key)
				.containsExactly(key.equals("big/large.bin") ? streamed : small));
		}
		for (Map.Entry<String, byte[]> object : objects.entrySet()) {
			assertThat(S3TestData.readBytes(destination(), this.fixture.destinationBucket, object.getKey()))
				.as(object.getKey())
				.isEqualTo(object.getValue());
		}
		HeadObjectResponse typed = destination().headObject((head) -> head.bucket(this.fixture.destinationBucket)
			.key("typed/report.json")
			.checksumMode(ChecksumMode.ENABLED));
		assertThat(typed.contentType()).isEqualTo("application/json");
		assertThat(typed.cacheControl()).isEqualTo("max-age=60");
		assertThat(typed.metadata()).containsEntry("owner", "team-a");
		// The source's stored checksum went along as a header, so the destination checked
		// and stored it.
		assertThat(typed.checksumCRC64NVME()).isEqualTo(S3TestData.crc64nvme(withChecksum));
		HeadObjectResponse big = destination().headObject((head) -> head.bucket(this.fixture.destinationBucket)
			.key("big/large.bin")
			.checksumMode(ChecksumMode.ENABLED));
		assertThat(big.contentType()).isEqualTo("video/mp4");
		assertThat(big.metadata()).containsEntry("camera", "b");
		assertThat(S3TestData.unquoted(big.eTag())).endsWith("-3");
		assertThat(big.checksumCRC64NVME()).isEqualTo(S3TestData.crc64nvme(large));
		assertThat(destination().listMultipartUploads((list) -> list.bucket(this.fixture.destinationBucket)).uploads())
			.isEmpty();

		List<Map<String, String>> rows = this.fixture.reportRows("cross-auto", 1);
		assertThat(rows).hasSize(objects.size()).allSatisfy((row) -> {
			assertThat(row.get("Outcome")).isEqualTo("COPIED");
			assertThat(row.get("Verified")).isEqualTo("VERIFIED");
		});

		// The summary names who each side acted as: the assumed roles' sessions, as STS
		// reports them.
		JsonNode identities = JsonMapper.builder()
			.build()
			.readTree(this.fixture.reports().resolve("cross-auto/1/summary.json").toFile())
			.get("callerIdentities");
		assertThat(identities.get("source").asString()).startsWith("arn:aws:sts::").contains(":assumed-role/");
		assertThat(identities.get("destination").asString()).startsWith("arn:aws:sts::")
			.contains(":assumed-role/")
			.isNotEqualTo(identities.get("source").asString());

		// The roles were assumed by the runner, and their temporary credentials signed
		// the S3 requests.
		assertThat(CrossAccountTest.sts().callersOf(this.sourceRole)).isNotEmpty().containsOnly(RUNNER_ARN);
		assertThat(CrossAccountTest.sts().callersOf(this.destinationRole)).isNotEmpty().containsOnly(RUNNER_ARN);
		assertThat(uses(this.sourceRole)).isGreaterThanOrEqualTo(objects.size());
		assertThat(uses(this.destinationRole)).isGreaterThanOrEqualTo(objects.size());
		try (S3Client runnerAlone = CrossAccountTest.s3Proxy().client(RUNNER)) {
			assertThatExceptionOfType(S3Exception.class)
				.isThrownBy(() -> runnerAlone.listObjectsV2((list) -> list.bucket(this.fixture.sourceBucket)))
				.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(403));
		}
	}

	@Test
	void forcedServerSideBetweenTwoAccountsFailsTheRunWithOneClearMessage() throws IOException {
		for (int i = 0; i < 20; i++) {
			S3TestData.put(source(), this.fixture.sourceBucket, "logs/" + i + ".log", "line " + i);
		}
		Path job = jobFile("cross-forced", "server-side", "");

		JobFixture.Result result = this.fixture.run("copy", "--job", job.toString());

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
		assertThat(result.out())
			.contains("copy.mode is server-side, but the destination's credentials cannot read " + "the source")
			.contains("set copy.mode: stream")
			.contains("NoSuchBucket");
		assertThat(result.out()).contains("20 pending").doesNotContain("failed: NoSuchKey");
		assertThat(destination().listObjectsV2((list) -> list.bucket(this.fixture.destinationBucket)).contents())
			.isEmpty();
	}

	@Test
	void aRunOutlivingItsRoleCredentialsSeveralTimesCompletes() throws IOException {
		// given: credentials that live 2 seconds, renewed from 1 second before expiry,
		// and a run of about 8 seconds
		shortLivedCredentialsAndFortyObjects();
		Path job = jobFile("cross-long", "stream", """
				copy:
				  partitions: 1
				  concurrency: 1
				  chunk-size: 5
				""");
		long started = System.nanoTime();

		// when
		JobFixture.Result result = this.fixture.run("copy", "--job", job.toString());

		// then
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).contains("40 copied");
		assertThat(took).isGreaterThan(Duration.ofSeconds(6));
		assertThat(CrossAccountTest.sts().assumed(this.sourceRole)).isGreaterThanOrEqualTo(3);
		assertThat(CrossAccountTest.sts().assumed(this.destinationRole)).isGreaterThanOrEqualTo(3);
		assertThat(LocalSts.expiredUses()).isEmpty();
	}

	@Test
	void stsDownLongerThanTheCredentialsLiveStopsTheRunResumablyAndTheResumeCompletes() throws Exception {
		// given: credentials that live 2 seconds, and an STS that stops answering while
		// the run copies
		shortLivedCredentialsAndFortyObjects();
		try (FaultInjectingProxy stsProxy = new FaultInjectingProxy(URI.create(sts().toString()), 0, 0)) {
			Path job = jobFile("cross-sts-down", "stream", """
					copy:
					  partitions: 1
					  concurrency: 1
					  chunk-size: 5
					""");
			Files.writeString(job, Files.readString(job).replace(sts().toString(), stsProxy.endpoint().toString()));
			Thread outage = new Thread(() -> {
				// STS goes down once the copy is under way (bounded: 30 s at most).
				long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
				while (System.nanoTime() < deadline
						&& destination().listObjectsV2((list) -> list.bucket(this.fixture.destinationBucket))
							.keyCount() < 5) {
					try {
						Thread.sleep(50);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
				}
				stsProxy.answer("POST /", 503, "ServiceUnavailable", Map.of());
			});
			outage.start();

			// when
			JobFixture.Result failed = this.fixture.run("copy", "--job", job.toString());

			// then the run stops resumably, saying why, with no object marked failed for
			// it
			outage.join();
			assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(3);
			assertThat(failed.out()).contains("CredentialsUnavailable")
				.contains("could not be obtained or refreshed")
				.contains("0 failed");
			stsProxy.clearAnswers();
			JobFixture.Result resumed = this.fixture.run("copy", "--job", job.toString());
			assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
			assertThat(resumed.out()).contains("Run 1 of job cross-sts-down (resumed)").contains("40 copied");
		}
	}

	@Test
	void profilesThatAssumeTheirRolesStreamBetweenTheAccounts() throws IOException {
		// given: AWS CLI style profiles, each with role_arn and source_profile, the way
		// ~/.aws/config holds them
		Path config = Files.writeString(this.dir.resolve("config"), """
				[profile runner]
				aws_access_key_id = %s
				aws_secret_access_key = %s
				region = us-east-1

				[profile acme-reader]
				role_arn = %s
				source_profile = runner
				region = us-east-1

				[profile acme-writer]
				role_arn = %s
				external_id = acme-2026
				source_profile = runner
				region = us-east-1
				""".formatted(RUNNER.accessKeyId(), RUNNER.secretAccessKey(), this.sourceRole, this.destinationRole));
		System.setProperty("aws.configFile", config.toString());
		System.setProperty("aws.sharedCredentialsFile",
				Files.writeString(this.dir.resolve("credentials"), "").toString());
		// The profiles' own STS client finds the local STS the way any SDK client finds a
		// configured endpoint.
		System.setProperty("aws.endpointUrlSts", sts().toString());
		for (int i = 0; i < 5; i++) {
			S3TestData.put(source(), this.fixture.sourceBucket, "logs/" + i + ".log", "line " + i);
		}
		String yaml = """
				name: cross-profiles
				source:
				  bucket: %s
				  endpoint: %s
				  credentials:
				    profile: acme-reader
				destination:
				  bucket: %s
				  endpoint: %s
				  credentials:
				    profile: acme-writer
				manifest:
				  type: listing
				report:
				  location: %s
				""".formatted(this.fixture.sourceBucket, endpoint(), this.fixture.destinationBucket, endpoint(),
				this.fixture.reports().toAbsolutePath());
		Path job = Files.writeString(this.dir.resolve("cross-profiles.yml"), yaml, StandardCharsets.UTF_8);

		// when
		JobFixture.Result result = this.fixture.run("copy", "--job", job.toString());

		// then
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).contains("5 copied");
		assertThat(S3TestData.readString(destination(), this.fixture.destinationBucket, "logs/4.log"))
			.isEqualTo("line 4");
		assertThat(CrossAccountTest.sts().callersOf(this.sourceRole)).isNotEmpty().containsOnly(RUNNER_ARN);
		assertThat(CrossAccountTest.sts().callersOf(this.destinationRole)).isNotEmpty().containsOnly(RUNNER_ARN);
	}

	/**
	 * Role credentials that live 2 seconds and are renewed from 1 second before expiry,
	 * 40 source objects, and each request held 100 ms by the expired-token guard.
	 */
	private void shortLivedCredentialsAndFortyObjects() {
		this.sourceRole = CrossAccountTest.sourceRole(null, Duration.ofSeconds(2));
		this.destinationRole = CrossAccountTest.destinationRole("acme-2026", Duration.ofSeconds(2));
		System.setProperty("s3bulkcopy.credentials.stale-time", "500ms");
		System.setProperty("s3bulkcopy.credentials.prefetch-time", "1s");
		for (int i = 0; i < 40; i++) {
			S3TestData.put(source(), this.fixture.sourceBucket, "logs/" + i + ".log", "line " + i);
		}
		ExpiredTokenGuard.delay = Duration.ofMillis(100);
	}

	private long uses(String role) {
		return LocalSts.sessions(role).stream().mapToLong((session) -> session.uses().get()).sum();
	}

	private Path jobFile(String name, String mode, String extra) throws IOException {
		String yaml = """
				name: %s
				source:
				  bucket: %s
				  endpoint: %s
				  credentials:
				    role-arn: %s
				    sts-endpoint: %s
				destination:
				  bucket: %s
				  endpoint: %s
				  credentials:
				    role-arn: %s
				    external-id: acme-2026
				    sts-endpoint: %s
				manifest:
				  type: listing
				report:
				  location: %s
				%s
				""".formatted(name, this.fixture.sourceBucket, endpoint(), this.sourceRole, sts(),
				this.fixture.destinationBucket, endpoint(), this.destinationRole, sts(),
				this.fixture.reports().toAbsolutePath(), withMode(extra, mode));
		Path file = this.dir.resolve(name + ".yml");
		Files.writeString(file, yaml, StandardCharsets.UTF_8);
		return file;
	}

	private static String withMode(String extra, String mode) {
		if (extra.contains("copy:\n")) {
			return extra.replace("copy:\n", "copy:\n  mode: " + mode + "\n");
		}
		return "copy:\n  mode: " + mode + "\n" + extra;
	}

	private static @Nullable Object endpoint() {
		return CrossAccountTest.s3Proxy().endpoint();
	}

	private static Object sts() {
		return CrossAccountTest.sts().endpoint();
	}

	private static S3Client source() {
		return CrossAccountTest.sourceAccount();
	}

	private static S3Client destination() {
		return CrossAccountTest.destinationAccount();
	}

}
