package io.github.s3bulkcopy.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dry run's cost estimate on S3Proxy: its request counts by kind against the requests
 * a real run of the same job then reports making in {@code summary.json}, and the price
 * table it is priced with.
 */
class CostEstimateFunctionalTests implements LocalS3ProxyTest {

	private static final Pattern KIND_LINE = Pattern.compile("^ {4}(\\S+)\\s+([\\d,]+) requests", Pattern.MULTILINE);

	private static final int MIB = 1024 * 1024;

	@TempDir
	Path dir;

	private JobFixture fixture;

	private final S3Client s3 = LocalS3ProxyTest.sourceClient();

	@BeforeEach
	void buckets() {
		this.fixture = JobFixture.onS3Proxy(this.dir, "cost");
	}

	/** Five small objects and two above a 5 MiB threshold, in 3 and 2 parts of 5 MiB. */
	private Path seededJob(String name, String copy) throws IOException {
		for (int i = 0; i < 5; i++) {
			S3TestData.put(this.s3, this.fixture.sourceBucket, "small/" + i + ".txt", "object " + i);
		}
		S3TestData.put(this.s3, this.fixture.sourceBucket, "large/a.bin", S3TestData.randomBytes(11 * MIB));
		S3TestData.put(this.s3, this.fixture.sourceBucket, "large/b.bin", S3TestData.randomBytes(6 * MIB));
		return this.fixture.jobFile(name, "", "", "type: listing", """
				copy:
				  multipart-threshold: 5MiB
				  part-size: 5MiB
				%s
				""".formatted(copy.indent(2).stripTrailing()));
	}

	@ParameterizedTest(name = "copy.mode {0}")
	@ValueSource(strings = { "server-side", "stream" })
	void dryRunCountsTheRequestsTheRunThenMakes(String mode) throws IOException {
		Path job = seededJob("cost-" + mode, "mode: " + mode);

		JobFixture.Result dry = this.fixture.run("copy", "--job", job.toString(), "--dry-run");
		JobFixture.Result run = this.fixture.run("copy", "--job", job.toString());

		assertThat(dry.exitCode()).as(dry.toString()).isZero();
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(dry.out()).containsPattern("(?m)^estimated cost: <?\\$[0-9.]+ \\(USD\\)");
		Map<RequestKind, Long> estimated = estimated(dry.out());
		Map<RequestKind, Long> made = made(summary("cost-" + mode, 1).get("requests"));
		long retries = summary("cost-" + mode, 1).get("requests").get("retries").asLong();
		// S3Proxy answers tagging with 501 NotImplemented, after which the copy stops
		// asking: how many were asked depends on how many were in flight, at most one per
		// copy that carries tags itself.
		assertThat(made.get(RequestKind.TAGGING)).isBetween(1L, estimated.get(RequestKind.TAGGING));
		estimated.remove(RequestKind.TAGGING);
		made.remove(RequestKind.TAGGING);
		if (retries == 0) {
			assertThat(made).as(dry.out()).isEqualTo(estimated);
		}
		else {
			made.forEach((kind, count) -> assertThat(count).as(kind.label())
				.isBetween(estimated.get(kind), estimated.get(kind) + retries));
		}
		// What the plan says about this job, as the copy decides it: 3 + 2 parts of the
		// large objects.
		if (mode.equals("server-side")) {
			assertThat(estimated).containsEntry(RequestKind.UPLOAD_PART_COPY, 5L)
				.containsEntry(RequestKind.PUT_COPY, 5L)
				.containsEntry(RequestKind.GET, 0L);
			assertThat(dry.out()).contains("0 B out of AWS through this host");
		}
		else {
			assertThat(estimated).containsEntry(RequestKind.GET, 10L)
				.containsEntry(RequestKind.PUT_COPY, 10L)
				.containsEntry(RequestKind.UPLOAD_PART_COPY, 0L);
			assertThat(dry.out()).contains("17.0 MiB out of AWS through this host");
		}
		assertThat(estimated).containsEntry(RequestKind.MULTIPART, 4L).containsEntry(RequestKind.HEAD, 2L);
		String page = Files.readString(
				this.fixture.reports().resolve("cost-" + mode).resolve("1").resolve("report.html"),
				StandardCharsets.UTF_8);
		assertThat(page).contains("<h2>Requests</h2>").contains("CompleteMultipartUpload");
	}

	@Test
	void aFullReadVerificationCostsAGetOfEachSide() throws IOException {
		Path job = seededJob("cost-full-read", "mode: server-side");
		Files.writeString(job, Files.readString(job) + "verify:\n  method: full-read\n");

		JobFixture.Result dry = this.fixture.run("copy", "--job", job.toString(), "--dry-run");
		JobFixture.Result run = this.fixture.run("copy", "--job", job.toString());

		assertThat(run.exitCode()).as(run.toString()).isZero();
		Map<RequestKind, Long> estimated = estimated(dry.out());
		assertThat(estimated).containsEntry(RequestKind.GET, 14L);
		assertThat(dry.out()).contains("34.0 MiB out of AWS through this host");
		Map<RequestKind, Long> made = made(summary("cost-full-read", 1).get("requests"));
		estimated.remove(RequestKind.TAGGING);
		made.remove(RequestKind.TAGGING);
		assertThat(made).as(dry.out()).isEqualTo(estimated);
	}

	@Test
	void skipExistingAndChecksumVerificationCostHeads() throws IOException {
		Path job = seededJob("cost-heads", "mode: server-side\nskip-existing: true\n");
		Files.writeString(job, Files.readString(job) + "verify:\n  method: checksum\n");

		JobFixture.Result dry = this.fixture.run("copy", "--job", job.toString(), "--dry-run");
		JobFixture.Result run = this.fixture.run("copy", "--job", job.toString());

		assertThat(run.exitCode()).as(run.toString()).isZero();
		Map<RequestKind, Long> estimated = estimated(dry.out());
		// A HEAD of each side per object for skip-existing; the source's HEAD also serves
		// the verification.
		assertThat(estimated).containsEntry(RequestKind.HEAD, 14L);
		assertThat(made(summary("cost-heads", 1).get("requests"))).containsEntry(RequestKind.HEAD, 14L);
	}

	@Test
	void aMirrorsDeletionsAndItsListingOfTheDestinationAreCounted() throws IOException {
		Path job = seededJob("cost-mirror", "mode: server-side\ndelete-extraneous: true\nmax-deletes: 5\n");
		for (int i = 0; i < 3; i++) {
			S3TestData.put(this.s3, this.fixture.destinationBucket, "gone/" + i + ".txt", "extra " + i);
		}

		JobFixture.Result dry = this.fixture.run("copy", "--job", job.toString(), "--dry-run");
		JobFixture.Result run = this.fixture.run("copy", "--job", job.toString());

		assertThat(run.exitCode()).as(run.toString()).isZero();
		Map<RequestKind, Long> estimated = estimated(dry.out());
		// One DeleteObjects request for the three extras.
		assertThat(estimated).containsEntry(RequestKind.DELETE, 1L);
		assertThat(estimated.get(RequestKind.LIST)).isPositive();
		Map<RequestKind, Long> made = made(summary("cost-mirror", 1).get("requests"));
		estimated.remove(RequestKind.TAGGING);
		made.remove(RequestKind.TAGGING);
		assertThat(made).as(dry.out()).isEqualTo(estimated);
		assertThat(this.s3.listObjectsV2Paginator((list) -> list.bucket(this.fixture.destinationBucket).prefix("gone/"))
			.contents()).isEmpty();
	}

	@Test
	void ownPriceTableIsUsedAndABadOneRefused() throws IOException {
		Path job = seededJob("cost-prices", "mode: stream");
		String table = Files.readString(Path.of("config/prices/s3-us-east-1.yml"))
			.replace("out-to-internet: 0.09", "out-to-internet: 1000");
		Path mine = Files.writeString(this.dir.resolve("mine.yml"), table);
		Path bad = Files.writeString(this.dir.resolve("bad.yml"), table.replace("  GET: 0.0004", "  GET: -1"));

		JobFixture.Result priced = this.fixture.run("copy", "--job", job.toString(), "--dry-run", "--price-table",
				mine.toString());
		JobFixture.Result refused = this.fixture.run("copy", "--job", job.toString(), "--dry-run", "--price-table",
				bad.toString());
		JobFixture.Result inRegion = this.fixture.run("copy", "--job", job.toString(), "--dry-run", "--price-table",
				mine.toString(), "--host-region", "us-east-1");

		assertThat(priced.exitCode()).as(priced.toString()).isZero();
		// 17 MiB (0.0178 GB) at $1000 per GB.
		assertThat(priced.out()).containsPattern("(?m)^estimated cost: \\$17\\.8[0-9] \\(USD\\)")
			.contains("prices:  " + mine);
		assertThat(refused.exitCode()).isEqualTo(2);
		assertThat(refused.err()).contains(bad.toString()).contains("'requests-per-1000.GET' must be at least 0");
		// A host in the buckets' region moves nothing out of AWS.
		assertThat(inRegion.out()).containsPattern("(?m)^estimated cost: <?\\$0\\.[0-9]+ \\(USD\\)")
			.contains("0 B out of AWS through this host");
	}

	private static Map<RequestKind, Long> estimated(String out) {
		Map<RequestKind, Long> counts = new EnumMap<>(RequestKind.class);
		Matcher line = KIND_LINE.matcher(out);
		while (line.find()) {
			for (RequestKind kind : RequestKind.values()) {
				if (kind.label().equals(line.group(1))) {
					counts.put(kind, Long.parseLong(line.group(2).replace(",", "")));
				}
			}
		}
		assertThat(counts).as(out).hasSize(RequestKind.values().length);
		return counts;
	}

	/** The summary's requests, both sides, folded into the estimate's kinds. */
	private static Map<RequestKind, Long> made(JsonNode requests) {
		Map<RequestKind, Long> counts = new EnumMap<>(RequestKind.class);
		for (RequestKind kind : RequestKind.values()) {
			counts.put(kind, 0L);
		}
		for (Map.Entry<String, JsonNode> side : requests.get("bySide").properties()) {
			for (Map.Entry<String, JsonNode> operation : side.getValue().properties()) {
				counts.merge(RequestKind.of(operation.getKey()), operation.getValue().get("requests").asLong(),
						Long::sum);
			}
		}
		return counts;
	}

	private JsonNode summary(String job, long run) throws IOException {
		return JsonMapper.builder()
			.build()
			.readTree(Files.readString(
					this.fixture.reports().resolve(job).resolve(Long.toString(run)).resolve("summary.json"),
					StandardCharsets.UTF_8));
	}

}
