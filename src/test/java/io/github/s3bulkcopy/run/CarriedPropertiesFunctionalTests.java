package io.github.s3bulkcopy.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.testsupport.FaultInjectingProxy;
import io.github.s3bulkcopy.testsupport.FaultInjectingProxy.Seen;
import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LocalS3MockTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.StorageClass;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a copy keeps of its source besides bytes, metadata and tags, in each copy mode
 * (server-side CopyObject, server-side multipart copy, streamed PUT, streamed multipart
 * upload), against S3Mock through a relay. S3Mock stores the storage class a write names,
 * so that is checked in what landed; it stores neither a website redirect location nor an
 * Object Lock retention or legal hold given with a write, nor does it return them on a
 * HEAD or GET, so the relay adds them to the source's HEAD and GET answers (as S3 answers
 * for such an object) and the test checks what the copy sent on the wire. The relay also
 * answers GetBucketWebsite with a configuration where a test says the source bucket
 * serves a website (S3Mock answers it with a listing, which the copy takes for none).
 */
class CarriedPropertiesFunctionalTests implements LocalS3MockTest {

	private static final int MIB = 1024 * 1024;

	private static final String WEBSITE = """
			<?xml version="1.0" encoding="UTF-8"?>
			<WebsiteConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">\
			<IndexDocument><Suffix>index.html</Suffix></IndexDocument></WebsiteConfiguration>""";

	private static final Instant RETAIN_UNTIL = Instant.parse("2099-01-01T00:00:00Z");

	@TempDir
	Path dir;

	@ParameterizedTest(name = "copy.mode: {0}")
	@ValueSource(strings = { "server-side", "stream" })
	void everyModeCarriesStorageClassWebsiteRedirectRetentionAndLegalHold(String mode) throws IOException {
		// given
		S3Client s3 = LocalS3MockTest.s3MockClient();
		String source = S3TestData.createBucket(s3, "carry-src");
		String destination = S3TestData.uniqueBucketName("carry-locked");
		s3.createBucket((create) -> create.bucket(destination).objectLockEnabledForBucket(true));
		put(s3, source, "small.bin", 100_000, StorageClass.STANDARD_IA);
		put(s3, source, "large.bin", 6 * MIB, StorageClass.ONEZONE_IA);
		put(s3, source, "expired.bin", 1000, StorageClass.STANDARD);
		try (FaultInjectingProxy proxy = new FaultInjectingProxy(LocalS3MockTest.s3Mock().endpoint(), 0, 0)) {
			proxy.answerXml("GET /" + source + "?website", WEBSITE);
			for (String key : List.of("small.bin", "large.bin")) {
				proxy.addAnswerHeaders("/" + source + "/" + key,
						Map.of("x-amz-website-redirect-location", "/moved/" + key, "x-amz-object-lock-mode",
								"GOVERNANCE", "x-amz-object-lock-retain-until-date", "2099-01-01T00:00:00.000Z",
								"x-amz-object-lock-legal-hold", "ON"));
			}
			proxy.addAnswerHeaders("/" + source + "/expired.bin",
					Map.of("x-amz-object-lock-mode", "COMPLIANCE", "x-amz-object-lock-retain-until-date",
							"2001-01-01T00:00:00.000Z", "x-amz-object-lock-legal-hold", "ON"));
			JobFixture fixture = new JobFixture(this.dir, proxy.endpoint(), LocalS3MockTest.IDENTITY, source,
					destination);
			Path job = fixture.jobFile("carry-" + mode, "", "", "type: listing", """
					copy:
					  mode: %s
					  multipart-threshold: 5MiB
					  part-size: 5MiB
					""".formatted(mode));

			// when
			JobFixture.Result result = fixture.run("copy", "--job", job.toString());

			// then: what landed
			assertThat(result.exitCode()).as(result.toString()).isZero();
			assertThat(s3.headObject((head) -> head.bucket(destination).key("small.bin")).storageClass())
				.isEqualTo(StorageClass.STANDARD_IA);
			assertThat(s3.headObject((head) -> head.bucket(destination).key("large.bin")).storageClass())
				.isEqualTo(StorageClass.ONEZONE_IA);
			assertThat(s3.headObject((head) -> head.bucket(destination).key("expired.bin")).storageClass()).isIn(null,
					StorageClass.STANDARD);
			// and what the copies sent: a CopyObject or PUT for small objects, a
			// CreateMultipartUpload for large ones
			Seen small = write(proxy, "PUT /" + destination + "/small.bin ");
			Seen large = write(proxy, "POST /" + destination + "/large.bin?uploads");
			assertThat(small.header("x-amz-copy-source"))
				.isEqualTo(mode.equals("server-side") ? source + "/small.bin" : null);
			for (Seen write : List.of(small, large)) {
				String key = write.requestLine().contains("small.bin") ? "small.bin" : "large.bin";
				assertThat(write.header("x-amz-storage-class")).as(write.requestLine())
					.isEqualTo(key.equals("small.bin") ? "STANDARD_IA" : "ONEZONE_IA");
				assertThat(write.header("x-amz-website-redirect-location")).as(write.requestLine())
					.isEqualTo("/moved/" + key);
				assertThat(write.header("x-amz-object-lock-mode")).as(write.requestLine()).isEqualTo("GOVERNANCE");
				assertThat(Instant.parse(write.header("x-amz-object-lock-retain-until-date"))).as(write.requestLine())
					.isEqualTo(RETAIN_UNTIL);
				assertThat(write.header("x-amz-object-lock-legal-hold")).as(write.requestLine()).isEqualTo("ON");
			}
			Seen expired = write(proxy, "PUT /" + destination + "/expired.bin ");
			assertThat(expired.header("x-amz-object-lock-mode")).isNull();
			assertThat(expired.header("x-amz-object-lock-retain-until-date")).isNull();
			assertThat(expired.header("x-amz-object-lock-legal-hold")).isEqualTo("ON");
			assertThat(expired.header("x-amz-storage-class")).isNull();
			// The SDK gave the sources a CRC32; the copies have a CRC64NVME.
			assertThat(notCarried(fixture, "carry-" + mode)).containsExactly("object lock retention: 1",
					"checksum algorithm: 3", "ACL grants: 3", "last-modified: 3");
		}
	}

	@Test
	void whatWasNotCarriedIsCountedInTheSummaryAndThePage() throws IOException {
		// given: no website configuration at the source, no Object Lock at the
		// destination
		S3Client s3 = LocalS3MockTest.s3MockClient();
		String source = S3TestData.createBucket(s3, "uncarried-src");
		String destination = S3TestData.createBucket(s3, "uncarried-dst");
		S3TestData.put(s3, source, "a.txt", S3TestData.randomBytes(1000), ChecksumAlgorithm.CRC64_NVME);
		S3TestData.put(s3, source, "b.txt", S3TestData.randomBytes(1000), ChecksumAlgorithm.CRC64_NVME);
		S3TestData.put(s3, source, "large.bin", S3TestData.randomBytes(6 * MIB), ChecksumAlgorithm.CRC32);
		try (FaultInjectingProxy proxy = new FaultInjectingProxy(LocalS3MockTest.s3Mock().endpoint(), 0, 0)) {
			proxy.addAnswerHeaders("/" + source + "/large.bin",
					Map.of("x-amz-website-redirect-location", "/moved/large.bin", "x-amz-object-lock-mode",
							"GOVERNANCE", "x-amz-object-lock-retain-until-date", "2099-01-01T00:00:00.000Z"));
			JobFixture fixture = new JobFixture(this.dir, proxy.endpoint(), LocalS3MockTest.IDENTITY, source,
					destination);
			Path job = fixture.jobFile("uncarried", "", "", "type: listing", """
					copy:
					  multipart-threshold: 5MiB
					  part-size: 5MiB
					""");

			// when
			JobFixture.Result result = fixture.run("copy", "--job", job.toString());

			// then
			assertThat(result.exitCode()).as(result.toString()).isZero();
			// The small copies made no HEAD of their sources: nothing said they had a
			// redirect or a lock to keep.
			assertThat(proxy.seen()).extracting(Seen::requestLine)
				.noneMatch((line) -> line.startsWith("HEAD /" + source + "/a.txt")
						|| line.startsWith("HEAD /" + source + "/b.txt"));
			Seen large = write(proxy, "POST /" + destination + "/large.bin?uploads");
			assertThat(large.header("x-amz-website-redirect-location")).isEqualTo("/moved/large.bin");
			assertThat(large.header("x-amz-object-lock-mode")).isNull();
			assertThat(notCarried(fixture, "uncarried")).containsExactly("object lock: 1", "object lock: 2",
					"website redirect location: 2", "checksum algorithm: 1", "ACL grants: 3", "last-modified: 3");
			JsonNode summary = summary(fixture, "uncarried");
			assertThat(summary.get("notCarried").get(0).get("why").asString())
				.contains("destination bucket has no Object Lock enabled");
			assertThat(summary.get("notCarried").get(2).get("why").asString())
				.contains("the source bucket has no website configuration");
			String page = Files.readString(fixture.reports().resolve("uncarried/1/report.html"),
					StandardCharsets.UTF_8);
			assertThat(page).contains("Not carried over", "website redirect location",
					"the source bucket has no website configuration");
		}
	}

	@Test
	void refusedBucketQuestionsMeanAHeadOfEverySourceAndNoLockSent() throws IOException {
		// given: both bucket questions answered AccessDenied
		S3Client s3 = LocalS3MockTest.s3MockClient();
		String source = S3TestData.createBucket(s3, "refused-src");
		String destination = S3TestData.uniqueBucketName("refused-locked");
		s3.createBucket((create) -> create.bucket(destination).objectLockEnabledForBucket(true));
		put(s3, source, "a.txt", 1000, StorageClass.STANDARD);
		try (FaultInjectingProxy proxy = new FaultInjectingProxy(LocalS3MockTest.s3Mock().endpoint(), 0, 0)) {
			proxy.answer("/" + source + "?website", 403, "AccessDenied", Map.of());
			proxy.answer("/" + destination + "?object-lock", 403, "AccessDenied", Map.of());
			proxy.addAnswerHeaders("/" + source + "/a.txt",
					Map.of("x-amz-website-redirect-location", "/moved/a.txt", "x-amz-object-lock-legal-hold", "ON"));
			JobFixture fixture = new JobFixture(this.dir, proxy.endpoint(), LocalS3MockTest.IDENTITY, source,
					destination);
			Path job = fixture.jobFile("refused", "", "", "type: listing", "");

			// when
			JobFixture.Result result = fixture.run("copy", "--job", job.toString());

			// then: the redirect was looked up and carried, the lock was not sent
			assertThat(result.exitCode()).as(result.toString()).isZero();
			assertThat(proxy.seen()).extracting(Seen::requestLine)
				.anyMatch((line) -> line.startsWith("HEAD /" + source + "/a.txt "));
			Seen copy = write(proxy, "PUT /" + destination + "/a.txt ");
			assertThat(copy.header("x-amz-website-redirect-location")).isEqualTo("/moved/a.txt");
			assertThat(copy.header("x-amz-object-lock-legal-hold")).isNull();
			assertThat(notCarried(fixture, "refused")).startsWith("object lock: 1");
			assertThat(summary(fixture, "refused").get("notCarried").get(0).get("why").asString())
				.contains("Object Lock configuration could not be read");
		}
	}

	@Test
	void aCsvManifestsObjectsKeepTheirStorageClassThroughAHeadOfTheSource() throws IOException {
		// given: a CSV manifest states no storage class
		S3Client s3 = LocalS3MockTest.s3MockClient();
		String source = S3TestData.createBucket(s3, "csv-class-src");
		String destination = S3TestData.createBucket(s3, "csv-class-dst");
		put(s3, source, "cold.bin", 1000, StorageClass.GLACIER_IR);
		Path manifest = this.dir.resolve("manifest.csv");
		Files.writeString(manifest, source + ",cold.bin\n", StandardCharsets.UTF_8);
		try (FaultInjectingProxy proxy = new FaultInjectingProxy(LocalS3MockTest.s3Mock().endpoint(), 0, 0)) {
			JobFixture fixture = new JobFixture(this.dir, proxy.endpoint(), LocalS3MockTest.IDENTITY, source,
					destination);
			Path job = fixture.jobFile("csv-class", "", "", "type: csv\nlocation: " + manifest.toAbsolutePath(), "");

			// when
			JobFixture.Result result = fixture.run("copy", "--job", job.toString());

			// then: S3Mock's CopyObject keeps the source's class by itself (S3 defaults
			// to STANDARD), so the request is what shows it
			assertThat(result.exitCode()).as(result.toString()).isZero();
			assertThat(proxy.seen()).extracting(Seen::requestLine)
				.anyMatch((line) -> line.startsWith("HEAD /" + source + "/cold.bin "));
			assertThat(write(proxy, "PUT /" + destination + "/cold.bin ").header("x-amz-storage-class"))
				.isEqualTo("GLACIER_IR");
			assertThat(s3.headObject((head) -> head.bucket(destination).key("cold.bin")).storageClass())
				.isEqualTo(StorageClass.GLACIER_IR);
		}
	}

	private static void put(S3Client s3, String bucket, String key, int size, StorageClass storageClass) {
		s3.putObject((put) -> put.bucket(bucket).key(key).storageClass(storageClass),
				RequestBody.fromBytes(S3TestData.randomBytes(size)));
	}

	/** The one write request whose request line starts with {@code line}. */
	private static Seen write(FaultInjectingProxy proxy, String line) {
		List<Seen> writes = proxy.seen().stream().filter((seen) -> seen.requestLine().startsWith(line)).toList();
		assertThat(writes).as(line).hasSize(1);
		return writes.get(0);
	}

	private static JsonNode summary(JobFixture fixture, String job) throws IOException {
		return JsonMapper.builder()
			.build()
			.readTree(Files.readString(fixture.reports().resolve(job + "/1/summary.json"), StandardCharsets.UTF_8));
	}

	/** The summary's notCarried entries as {@code what: objects}. */
	private static List<String> notCarried(JobFixture fixture, String job) throws IOException {
		List<String> entries = new ArrayList<>();
		summary(fixture, job).get("notCarried")
			.forEach((entry) -> entries.add(entry.get("what").asString() + ": " + entry.get("objects").asLong()));
		return entries;
	}

}
