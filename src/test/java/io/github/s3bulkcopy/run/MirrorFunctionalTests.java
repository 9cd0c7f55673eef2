package io.github.s3bulkcopy.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.github.s3bulkcopy.testsupport.FaultInjectingProxy;
import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LocalS3ProxyTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both directions against S3Proxy: {@code verify} reports destination objects no object
 * of the plan maps to as EXTRA_AT_DESTINATION, and {@code copy.delete-extraneous} deletes
 * exactly those, never more than {@code copy.max-deletes}; awkward keys, keys just
 * outside the destination prefix and keys the filters leave out included.
 */
class MirrorFunctionalTests implements LocalS3ProxyTest {

	/**
	 * Source keys under src/: all copied but src/small.txt, which min-size leaves out.
	 */
	private static final List<String> SOURCE_KEYS = List.of("src/a.txt", "src/sp ace.txt", "src/plus+sign.txt",
			"src/ünï/日本.txt", "src/\uD83D\uDE00.txt", "src/small.txt");

	/** At the destination under dst/, and no source object maps to them. */
	private static final List<String> EXTRAS = List.of("dst/", "dst/a.txt0", "dst/a.tx", "dst/extra one.txt",
			"dst/x+y.txt", "dst/é/ü.txt", "dst/\uD83D\uDE00\uD83D\uDE00.txt");

	/**
	 * At the destination, not under dst/: never looked at. ("dst" itself is missing:
	 * S3Proxy's store refuses it next to "dst/".)
	 */
	private static final List<String> OUTSIDE = List.of("dst.txt", "dst-old/a.txt", "dst 2/a.txt", "dst0/a.txt",
			"other/dst/a.txt", "ds");

	/**
	 * Under dst/, no object of the plan maps to them, but the filters leave their keys
	 * out: excluded by pattern, or left out by min-size at the source (which still has
	 * src/small.txt).
	 */
	private static final List<String> LEFT_OUT = List.of("dst/keep/k.txt", "dst/small.txt");

	private static final String FILTER = """
			filter:
			  exclude: ["keep/**"]
			  min-size: 2B
			""";

	@TempDir
	Path dir;

	private JobFixture fixture;

	private final S3Client s3 = LocalS3ProxyTest.sourceClient();

	@BeforeEach
	void buckets() {
		this.fixture = JobFixture.onS3Proxy(this.dir, "mirror");
		for (String key : SOURCE_KEYS) {
			S3TestData.put(this.s3, this.fixture.sourceBucket, key,
					key.equals("src/small.txt") ? "1" : "content of " + key);
		}
		for (String key : concat(EXTRAS, OUTSIDE, LEFT_OUT)) {
			S3TestData.put(this.s3, this.fixture.destinationBucket, key, "at the destination only: " + key);
		}
	}

	@Test
	void verifyReportsTheObjectsOnlyTheDestinationHas() throws IOException {
		// given: a copy of the source
		Path job = jobFile("");
		JobFixture.Result copy = this.fixture.run("copy", "--job", job.toString());
		assertThat(copy.exitCode()).as(copy.toString()).isZero();
		assertThat(copy.out()).contains("5 copied").doesNotContain("extras:");

		// when
		JobFixture.Result verify = this.fixture.run("verify", "--job", job.toString());

		// then: every copied object verified, and each extra a finding of its own, named
		// by its key on both sides
		assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(1);
		assertThat(verify.out())
			.contains("COMPLETED WITH FINDINGS: 0 object(s) not verified, 7 extra at the " + "destination")
			.contains("5 planned, 5 verified")
			.contains("7 extra (under the destination prefix, not in the plan)");
		List<Map<String, String>> rows = this.fixture.verifyReportRows("mirror", 1);
		assertThat(rows).filteredOn((row) -> row.get("Finding").equals("VERIFIED")).hasSize(5);
		List<Map<String, String>> extras = rows.stream()
			.filter((row) -> row.get("Finding").equals("EXTRA_AT_DESTINATION"))
			.toList();
		assertThat(extras).extracting((row) -> row.get("DestinationKey")).containsExactlyInAnyOrderElementsOf(EXTRAS);
		assertThat(extras).allSatisfy((row) -> {
			assertThat(row.get("Key")).isEqualTo("src/" + row.get("DestinationKey").substring("dst/".length()));
			assertThat(row.get("Bucket")).isEqualTo(this.fixture.sourceBucket);
			assertThat(row.get("ErrorCode")).isEqualTo("ExtraAtDestination");
		});
		JsonNode summary = summary("mirror.verify", 1);
		assertThat(summary.get("status").asString()).isEqualTo("COMPLETED_WITH_FAILURES");
		assertThat(summary.get("exitCode").asInt()).isEqualTo(1);
		assertThat(summary.get("objects").get("EXTRA_AT_DESTINATION").asLong()).isEqualTo(7);
		assertThat(summary.get("objects").get("VERIFIED").asLong()).isEqualTo(5);
		assertThat(summary.get("destinationLeftOutByFilters").asLong()).isEqualTo(2);

		// and once the extras are gone, the destination equals the source both ways
		String destination = this.fixture.destinationBucket;
		EXTRAS.forEach((key) -> this.s3.deleteObject((delete) -> delete.bucket(destination).key(key)));
		JobFixture.Result again = this.fixture.run("verify", "--job", job.toString());
		assertThat(again.exitCode()).as(again.toString()).isZero();
		assertThat(again.out()).contains("COMPLETED: every object verified").contains("0 extra");
	}

	@Test
	void aMirrorDeletesExactlyTheExtrasAndRefusesBeyondMaxDeletes() throws IOException {
		// given a mirror with the default max-deletes (0)
		Path job = jobFile("  delete-extraneous: true\n");
		List<String> before = destinationKeys();

		// when: a dry run, then a run
		JobFixture.Result dryRun = this.fixture.run("copy", "--job", job.toString(), "--dry-run", "--first", "20");
		JobFixture.Result refused = this.fixture.run("copy", "--job", job.toString());

		// then the dry run says what would be deleted, and the run deletes nothing and
		// exits 6
		assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
		assertThat(dryRun.out())
			.contains("would delete: 7 destination objects no object of the plan maps to "
					+ "(copy.delete-extraneous); 2 more outside the plan are left out by the filters and kept")
			.contains("refused: more than copy.max-deletes (0)")
			.contains("first 7 to delete:");
		for (String key : EXTRAS) {
			assertThat(dryRun.out()).contains("    " + key + " (");
		}
		assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(6);
		assertThat(refused.out()).contains("COMPLETED, DELETIONS REFUSED: 7 destination object(s)")
			.contains("7 destination object(s) not in the plan: 0 deleted, 0 not deleted (S3 refused), 7 left in "
					+ "place");
		assertThat(destinationKeys()).containsAll(before).hasSize(before.size() + 5);
		assertThat(outcomes("mirror", 1)).containsEntry("EXTRA_AT_DESTINATION", 7L).containsEntry("COPIED", 5L);
		assertThat(summary("mirror", 1).get("exitCode").asInt()).isEqualTo(6);
		assertThat(summary("mirror", 1).get("objects").get("extraAtDestination").asLong()).isEqualTo(7);
		assertThat(summary("mirror", 1).get("objects").get("total").asLong()).isEqualTo(5);

		// when max-deletes still allows fewer than there are
		jobFile("  delete-extraneous: true\n  max-deletes: 6\n");
		JobFixture.Result stillRefused = this.fixture.run("copy", "--job", job.toString());
		assertThat(stillRefused.exitCode()).as(stillRefused.toString()).isEqualTo(6);
		assertThat(destinationKeys()).containsAll(EXTRAS);

		// when it allows them all
		jobFile("  delete-extraneous: true\n  max-deletes: 7\n");
		JobFixture.Result mirrored = this.fixture.run("copy", "--job", job.toString());

		// then exactly the extras are gone: the copies, the keys outside the prefix and
		// those the filters leave out stay
		assertThat(mirrored.exitCode()).as(mirrored.toString()).isZero();
		assertThat(mirrored.out()).contains("7 destination object(s) not in the plan: 7 deleted, 0 not deleted");
		List<String> copies = SOURCE_KEYS.stream()
			.filter((key) -> !key.equals("src/small.txt"))
			.map((key) -> "dst/" + key.substring("src/".length()))
			.toList();
		assertThat(destinationKeys()).containsExactlyInAnyOrderElementsOf(concat(copies, OUTSIDE, LEFT_OUT));
		List<Map<String, String>> rows = this.fixture.reportRows("mirror", 3);
		assertThat(rows).filteredOn((row) -> row.get("Outcome").equals("DELETED"))
			.extracting((row) -> row.get("DestinationKey"))
			.containsExactlyInAnyOrderElementsOf(EXTRAS);
		assertThat(rows).filteredOn((row) -> row.get("Outcome").equals("DELETED"))
			.allSatisfy((row) -> assertThat(row.get("TaskStatus")).isEqualTo("succeeded"));
		JsonNode summary = summary("mirror", 3);
		assertThat(summary.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(summary.get("objects").get("deleted").asLong()).isEqualTo(7);
		assertThat(summary.get("objects").get("extraAtDestination").asLong()).isZero();
		assertThat(Files.readString(this.fixture.reports().resolve("mirror/3/report.html")))
			.contains("Deleted (not in plan)");

		// and a verify run finds the two sides equal
		JobFixture.Result verify = this.fixture.run("verify", "--job", job.toString());
		assertThat(verify.exitCode()).as(verify.toString()).isZero();
	}

	@Test
	void aMirrorCutShortWhileDeletingResumesWithTheExtrasLeftAndForgetsNoneItDeleted() throws IOException {
		// given: more extras than one DeleteObjects request takes
		S3TestData.putMany(LocalS3ProxyTest.sourceAsyncClient(), this.fixture.destinationBucket, 1000,
				(i) -> "dst/many/%04d".formatted(i), (i) -> new byte[] { 1 });
		Path job = jobFile("  delete-extraneous: true\n  max-deletes: 2000\n  max-attempts: 2\n");
		String good = Files.readString(job);
		AtomicInteger deletes = new AtomicInteger();
		try (FaultInjectingProxy proxy = new FaultInjectingProxy(this.fixture.endpoint, 0, 0)) {
			// The destination's first DeleteObjects goes through; every one after it
			// fails.
			proxy.answer("?delete", (headers) -> deletes.incrementAndGet() > 1, 500, "InternalError");
			int destinationEndpoint = good.lastIndexOf(this.fixture.endpoint.toString());
			Files.writeString(job, good.substring(0, destinationEndpoint) + proxy.endpoint()
					+ good.substring(destinationEndpoint + this.fixture.endpoint.toString().length()));

			// when
			JobFixture.Result cutShort = this.fixture.run("copy", "--job", job.toString());

			// then the run stops resumably with the first 1,000 extras deleted and
			// recorded as such
			assertThat(cutShort.exitCode()).as(cutShort.toString()).isEqualTo(3);
		}
		assertThat(outcomes("mirror", 1)).containsEntry("DELETED", 1000L).containsEntry("EXTRA_AT_DESTINATION", 7L);
		assertThat(destinationKeys()).hasSize(5 + OUTSIDE.size() + LEFT_OUT.size() + 7);
		Files.writeString(job, good);

		// when resumed
		JobFixture.Result resumed = this.fixture.run("copy", "--job", job.toString());

		// then it deletes the rest, and its report has each extra once, deleted
		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(resumed.out()).contains("(resumed)").contains("1,007 deleted");
		assertThat(destinationKeys()).hasSize(5 + OUTSIDE.size() + LEFT_OUT.size()).doesNotContainAnyElementsOf(EXTRAS);
		List<Map<String, String>> rows = this.fixture.reportRows("mirror", 1);
		assertThat(rows).filteredOn((row) -> row.get("Outcome").equals("DELETED"))
			.extracting((row) -> row.get("DestinationKey"))
			.doesNotHaveDuplicates()
			.hasSize(1007)
			.containsAll(EXTRAS);
	}

	private Path jobFile(String copy) throws IOException {
		return this.fixture.jobFile("mirror", "src/", "dst/", "type: listing", """
				copy:
				  partitions: 2
				  chunk-size: 3
				%s%s""".formatted(copy, FILTER));
	}

	private List<String> destinationKeys() {
		return this.s3.listObjectsV2Paginator((list) -> list.bucket(this.fixture.destinationBucket))
			.contents()
			.stream()
			.map(S3Object::key)
			.toList();
	}

	private Map<String, Long> outcomes(String job, long run) throws IOException {
		return this.fixture.reportRows(job, run)
			.stream()
			.collect(Collectors.groupingBy((row) -> row.get("Outcome"), Collectors.counting()));
	}

	private JsonNode summary(String job, long run) throws IOException {
		return JsonMapper.builder()
			.build()
			.readTree(Files.readString(this.fixture.reports().resolve(job + "/" + run + "/summary.json")));
	}

	@SafeVarargs
	private static List<String> concat(List<String>... lists) {
		List<String> all = new ArrayList<>();
		for (List<String> list : lists) {
			all.addAll(list);
		}
		return all;
	}

}
