package io.github.s3bulkcopy.run;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LocalInventory;
import io.github.s3bulkcopy.testsupport.LocalPostgres;
import io.github.s3bulkcopy.testsupport.LocalS3MockTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code copy.versions} against S3Mock with versioning on both sides: every version of a
 * key reaches the destination oldest first whatever order the manifest lists them in, a
 * key deleted at the source is deleted at the destination last, the report names the
 * destination version of each, and later runs compare each version with that one.
 */
class VersionsFunctionalTests implements LocalS3MockTest {

	private final S3Client s3 = LocalS3MockTest.s3MockClient();

	@TempDir
	Path dir;

	private JobFixture fixture;

	/** One version of the source as ListObjectVersions gave it. */
	record SourceVersion(String key, String versionId, boolean latest, boolean deleteMarker, String lastModified,
			long size, String etag, String content) {
	}

	private List<SourceVersion> versions;

	@BeforeEach
	void versionedSource() throws InterruptedException {
		this.fixture = new JobFixture(this.dir, LocalS3MockTest.s3Mock().endpoint(), LocalS3MockTest.IDENTITY,
				versionedBucket("ver-src"), versionedBucket("ver-dst"));
		// Three rounds a little apart, so every version of a key has a date of its own.
		for (int round = 1; round <= 3; round++) {
			for (String key : List.of("three.txt", "deleted.txt", "dir/awkward key+1.txt")) {
				put(this.fixture.sourceBucket, key, key + " version " + round);
			}
			Thread.sleep(1100);
		}
		put(this.fixture.sourceBucket, "once.txt", "only version");
		this.s3.deleteObject((delete) -> delete.bucket(this.fixture.sourceBucket).key("deleted.txt"));
		this.versions = sourceVersions();
	}

	enum Order {

		NEWEST_FIRST, OLDEST_FIRST, SHUFFLED

	}

	@ParameterizedTest
	@EnumSource(Order.class)
	void anInventoryOfAllVersionsIsCopiedOldestFirstInWhateverOrderItListsThem(Order order) throws IOException {
		Path manifest = inventory(ordered(order));
		Path job = this.fixture.jobFile("inv", "", "", "type: inventory\nlocation: " + manifest, """
				copy:
				  versions: all
				  chunk-size: 2
				  partitions: 3
				""");

		JobFixture.Result result = this.fixture.run("copy", "--job", job.toString());

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertDestinationHasTheSourceHistory();
		assertEveryVersionReportedOnceWithItsDestinationVersion("inv", 1);
	}

	@Test
	void aStreamedCopyOfEveryVersionKeepsTheHistoryToo() throws IOException {
		Path job = this.fixture.jobFile("stream", "", "",
				"type: inventory\nlocation: " + inventory(ordered(Order.NEWEST_FIRST)), """
						copy:
						  versions: all
						  mode: stream
						""");

		JobFixture.Result result = this.fixture.run("copy", "--job", job.toString());

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertDestinationHasTheSourceHistory();
		assertEveryVersionReportedOnceWithItsDestinationVersion("stream", 1);
	}

	@Test
	void aCsvOfVersionIdsIsOrderedByTheSourcesOwnListing() throws IOException {
		List<SourceVersion> shuffled = ordered(Order.SHUFFLED);
		Path csv = this.dir.resolve("versions.csv");
		Files.writeString(csv,
				shuffled.stream()
					.map((v) -> this.fixture.sourceBucket + "," + encode(v.key()) + "," + v.versionId())
					.collect(Collectors.joining("\n", "", "\n")));
		Path job = this.fixture.jobFile("csv", "", "", "type: csv\nlocation: " + csv, """
				copy:
				  versions: all
				""");

		JobFixture.Result result = this.fixture.run("copy", "--job", job.toString());

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertDestinationHasTheSourceHistory();
		assertEveryVersionReportedOnceWithItsDestinationVersion("csv", 1);
	}

	@Test
	void aListingWithAllVersionsListsThem() throws IOException {
		Path job = this.fixture.jobFile("listing", "", "", "type: listing", """
				copy:
				  versions: all
				""");

		JobFixture.Result result = this.fixture.run("copy", "--job", job.toString());

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertDestinationHasTheSourceHistory();
		assertEveryVersionReportedOnceWithItsDestinationVersion("listing", 1);
	}

	@Test
	void aSecondRunWithSkipExistingCopiesNothingAndVerifyVerifiesEveryVersion() throws IOException {
		Path job = this.fixture.jobFile("again", "", "",
				"type: inventory\nlocation: " + inventory(ordered(Order.SHUFFLED)), """
						copy:
						  versions: all
						  skip-existing: true
						""");
		JobFixture.Result first = this.fixture.run("copy", "--job", job.toString());
		assertThat(first.exitCode()).as(first.toString()).isZero();
		List<List<String>> history = destinationHistory();

		JobFixture.Result second = this.fixture.run("copy", "--job", job.toString());

		assertThat(second.exitCode()).as(second.toString()).isZero();
		assertThat(second.out()).contains("0 copied");
		assertThat(destinationHistory()).as("no version added").isEqualTo(history);
		assertThat(this.fixture.reportRows("again", 2)).hasSize(this.versions.size())
			.allSatisfy((row) -> assertThat(row.get("Outcome")).isEqualTo("SKIPPED_UNCHANGED"));
		assertThat(this.fixture.reportRows("again", 2)).extracting((row) -> row.get("DestinationVersionId"))
			.containsExactlyInAnyOrderElementsOf(this.fixture.reportRows("again", 1)
				.stream()
				.map((row) -> row.get("DestinationVersionId"))
				.toList());

		JobFixture.Result verify = this.fixture.run("verify", "--job", job.toString());

		assertThat(verify.exitCode()).as(verify.toString()).isZero();
		assertThat(this.fixture.verifyReportRows("again", 1)).hasSize(this.versions.size())
			.allSatisfy((row) -> assertThat(row.get("Finding")).as(row.toString()).isEqualTo("VERIFIED"));
	}

	@Test
	void withTheLedgerOnPostgresTheSecondRunCopiesNothingToo() throws IOException {
		LocalPostgres.Database database = LocalPostgres.database();
		System.setProperty("spring.datasource.url", database.url());
		System.setProperty("spring.datasource.username", LocalPostgres.Database.USER);
		System.setProperty("spring.datasource.password", "");
		try {
			Path job = this.fixture.jobFile("pg", "", "",
					"type: inventory\nlocation: " + inventory(ordered(Order.SHUFFLED)), """
							copy:
							  versions: all
							  skip-existing: true
							  chunk-size: 2
							""");

			JobFixture.Result first = this.fixture.run("copy", "--job", job.toString());
			JobFixture.Result second = this.fixture.run("copy", "--job", job.toString());

			assertThat(first.exitCode()).as(first.toString()).isZero();
			assertDestinationHasTheSourceHistory();
			assertEveryVersionReportedOnceWithItsDestinationVersion("pg", 1);
			assertThat(second.exitCode()).as(second.toString()).isZero();
			assertThat(second.out()).contains("0 copied");
			assertThat(new JdbcTemplate(database.dataSource()).queryForObject(
					"SELECT COUNT(*) FROM BULK_LEDGER WHERE DESTINATION_VERSION_ID IS NOT NULL", Integer.class))
				.as("both runs' rows name their destination versions, in PostgreSQL")
				.isEqualTo(2 * this.versions.size());
		}
		finally {
			System.clearProperty("spring.datasource.url");
			System.clearProperty("spring.datasource.username");
			System.clearProperty("spring.datasource.password");
		}
	}

	@Test
	void withCurrentOnlyEachKeysCurrentVersionIsCopiedAndDeletedKeysAreLeftOut() throws IOException {
		Path job = this.fixture.jobFile("cur", "", "",
				"type: inventory\nlocation: " + inventory(ordered(Order.SHUFFLED)), "");

		JobFixture.Result result = this.fixture.run("copy", "--job", job.toString());

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(this.fixture.reportRows("cur", 1)).extracting((row) -> row.get("Key"))
			.containsExactlyInAnyOrder("three.txt", "dir/awkward key+1.txt", "once.txt");
		assertThat(S3TestData.readString(this.s3, this.fixture.destinationBucket, "three.txt"))
			.isEqualTo("three.txt version 3");
		assertThat(historyOf(this.fixture.destinationBucket, "three.txt")).containsExactly("three.txt version 3");
	}

	@Test
	void withCurrentOnlyACsvNamingOneKeyTwiceIsRefused() throws IOException {
		Path csv = this.dir.resolve("twice.csv");
		Files.writeString(csv,
				ordered(Order.OLDEST_FIRST).stream()
					.filter((v) -> v.key().equals("three.txt"))
					.map((v) -> this.fixture.sourceBucket + ",three.txt," + v.versionId())
					.collect(Collectors.joining("\n", "", "\n")));
		Path job = this.fixture.jobFile("twice", "", "", "type: csv\nlocation: " + csv, "");

		JobFixture.Result result = this.fixture.run("copy", "--job", job.toString());

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err()).contains("names key 'three.txt' 3 times").contains("copy.versions: all");
		assertThat(historyOf(this.fixture.destinationBucket, "three.txt")).isEmpty();
	}

	private void assertDestinationHasTheSourceHistory() {
		for (String key : List.of("three.txt", "dir/awkward key+1.txt")) {
			assertThat(historyOf(this.fixture.destinationBucket, key)).as(key)
				.containsExactly(key + " version 1", key + " version 2", key + " version 3");
			assertThat(S3TestData.readString(this.s3, this.fixture.destinationBucket, key)).as(key)
				.isEqualTo(key + " version 3");
		}
		assertThat(historyOf(this.fixture.destinationBucket, "deleted.txt")).containsExactly("deleted.txt version 1",
				"deleted.txt version 2", "deleted.txt version 3", "(delete marker)");
		assertThatThrownBy(
				() -> this.s3.headObject((head) -> head.bucket(this.fixture.destinationBucket).key("deleted.txt")))
			.isInstanceOfAny(NoSuchKeyException.class, S3Exception.class);
		assertThat(historyOf(this.fixture.destinationBucket, "once.txt")).containsExactly("only version");
	}

	private void assertEveryVersionReportedOnceWithItsDestinationVersion(String job, long run) throws IOException {
		List<Map<String, String>> rows = this.fixture.reportRows(job, run);
		assertThat(rows).extracting((row) -> row.get("Key") + "@" + row.get("VersionId"))
			.containsExactlyInAnyOrderElementsOf(
					this.versions.stream().map((v) -> v.key() + "@" + v.versionId()).toList());
		assertThat(rows).allSatisfy((row) -> assertThat(row.get("Outcome")).as(row.toString()).isEqualTo("COPIED"));
		Map<String, String> destinationVersions = destinationVersionIds();
		assertThat(rows).allSatisfy((row) -> assertThat(destinationVersions).as(row.toString())
			.containsKey(row.get("DestinationVersionId")));
		assertThat(rows).extracting((row) -> row.get("DestinationVersionId"))
			.as(rows.toString())
			.doesNotHaveDuplicates();
	}

	/**
	 * Every key's versions at the destination, oldest first: contents, or "(delete
	 * marker)".
	 */
	private List<List<String>> destinationHistory() {
		List<List<String>> history = new ArrayList<>();
		for (String key : List.of("three.txt", "deleted.txt", "dir/awkward key+1.txt", "once.txt")) {
			history.add(historyOf(this.fixture.destinationBucket, key));
		}
		return history;
	}

	/**
	 * A key's versions oldest first, from the listing's own order (newest first; copies
	 * made within one second may share a date): their contents, and "(delete marker)" for
	 * a delete marker, which here is only ever the latest.
	 */
	private List<String> historyOf(String bucket, String key) {
		ListObjectVersionsResponse listing = this.s3.listObjectVersions((list) -> list.bucket(bucket).prefix(key));
		List<String> history = new ArrayList<>();
		listing.versions()
			.stream()
			.filter((v) -> v.key().equals(key))
			.forEach((v) -> history.add(0,
					new String(this.s3.getObjectAsBytes((get) -> get.bucket(bucket).key(key).versionId(v.versionId()))
						.asByteArray(), StandardCharsets.UTF_8)));
		listing.deleteMarkers().stream().filter((m) -> m.key().equals(key)).forEach((m) -> {
			assertThat(m.isLatest()).as("a delete marker of " + key + " is the latest version").isTrue();
			history.add("(delete marker)");
		});
		return history;
	}

	private Map<String, String> destinationVersionIds() {
		ListObjectVersionsResponse listing = this.s3
			.listObjectVersions((list) -> list.bucket(this.fixture.destinationBucket));
		Map<String, String> ids = new java.util.HashMap<>();
		listing.versions().forEach((v) -> ids.put(v.versionId(), v.key()));
		listing.deleteMarkers().forEach((m) -> ids.put(m.versionId(), m.key()));
		return ids;
	}

	private List<SourceVersion> sourceVersions() {
		ListObjectVersionsResponse listing = this.s3
			.listObjectVersions((list) -> list.bucket(this.fixture.sourceBucket));
		List<SourceVersion> found = new ArrayList<>();
		listing.versions()
			.forEach((v) -> found.add(new SourceVersion(v.key(), v.versionId(), v.isLatest(), false,
					v.lastModified().toString(), v.size(), S3TestData.unquoted(v.eTag()), null)));
		listing.deleteMarkers()
			.forEach((m) -> found.add(new SourceVersion(m.key(), m.versionId(), m.isLatest(), true,
					m.lastModified().toString(), 0, null, null)));
		assertThat(found).as("10 versions and a delete marker").hasSize(11);
		return found;
	}

	private List<SourceVersion> ordered(Order order) {
		List<SourceVersion> list = new ArrayList<>(this.versions);
		Comparator<SourceVersion> byDate = Comparator.comparing(SourceVersion::key)
			.thenComparing((v) -> java.time.Instant.parse(v.lastModified()));
		switch (order) {
			case OLDEST_FIRST -> list.sort(byDate);
			case NEWEST_FIRST -> list.sort(Comparator.comparing(SourceVersion::key)
				.thenComparing((v) -> java.time.Instant.parse(v.lastModified()), Comparator.reverseOrder()));
			case SHUFFLED -> Collections.shuffle(list, new Random(20));
		}
		return list;
	}

	/**
	 * A local S3 Inventory report (CSV, all versions) listing the versions in the given
	 * order.
	 */
	private Path inventory(List<SourceVersion> rows) throws IOException {
		List<String> lines = new ArrayList<>();
		for (SourceVersion v : rows) {
			lines
				.add(String.join(",", quoted(this.fixture.sourceBucket), quoted(encode(v.key())), quoted(v.versionId()),
						quoted(Boolean.toString(v.latest())), quoted(Boolean.toString(v.deleteMarker())),
						quoted(v.deleteMarker() ? "" : Long.toString(v.size())), quoted(v.lastModified()),
						quoted(v.deleteMarker() ? "" : v.etag()), quoted(v.deleteMarker() ? "" : "STANDARD")));
		}
		return LocalInventory.write(this.dir.resolve("inventory-" + System.nanoTime()), this.fixture.sourceBucket,
				"Bucket, Key, VersionId, IsLatest, IsDeleteMarker, Size, LastModifiedDate, ETag, StorageClass", lines);
	}

	private String versionedBucket(String hint) {
		String bucket = S3TestData.createBucket(this.s3, hint);
		this.s3.putBucketVersioning((versioning) -> versioning.bucket(bucket)
			.versioningConfiguration((config) -> config.status(BucketVersioningStatus.ENABLED)));
		return bucket;
	}

	private void put(String bucket, String key, String content) {
		this.s3.putObject((put) -> put.bucket(bucket).key(key), RequestBody.fromString(content));
	}

	private static String encode(String key) {
		return URLEncoder.encode(key, StandardCharsets.UTF_8);
	}

	private static String quoted(String value) {
		return LocalInventory.quoted(value);
	}

}
