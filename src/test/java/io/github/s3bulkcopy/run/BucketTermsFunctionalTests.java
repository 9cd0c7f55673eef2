package io.github.s3bulkcopy.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.s3bulkcopy.testsupport.FaultInjectingProxy;
import io.github.s3bulkcopy.testsupport.FaultInjectingProxy.Seen;
import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LocalS3MockTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requester pays and expected bucket owners on the wire: every request of a run, as the
 * server receives it through a recording relay, carries
 * {@code x-amz-request-payer: requester} when its bucket is requester pays (a copy
 * request when either of its buckets is) and {@code x-amz-expected-bucket-owner} (and on
 * a copy {@code x-amz-source-expected-bucket-owner}) with the owner the job file names,
 * in each copy mode, in listings and manifest reads, and in a verify run. Against S3Mock,
 * which takes these headers (S3Proxy answers 501 Not Implemented to them).
 */
class BucketTermsFunctionalTests implements LocalS3MockTest {

	private static final String SOURCE_OWNER = "111122223333";

	private static final String DESTINATION_OWNER = "444455556666";

	private static final String PAYER = "x-amz-request-payer";

	private static final String OWNER = "x-amz-expected-bucket-owner";

	private static final String SOURCE_OWNER_HEADER = "x-amz-source-expected-bucket-owner";

	private static final int LARGE = 6 * 1024 * 1024;

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "server-side", "stream" })
	void everyRequestOfACopyAndOfItsVerifyRunCarriesItsBucketsTerms(String mode) throws IOException {
		S3Client s3 = LocalS3MockTest.s3MockClient();
		String source = S3TestData.createBucket(s3, "terms-src");
		String destination = S3TestData.createBucket(s3, "terms-dst");
		S3TestData.put(s3, source, "small/a.txt", "alpha");
		S3TestData.put(s3, source, "small/b.txt", "beta");
		byte[] large = S3TestData.randomBytes(LARGE);
		S3TestData.put(s3, source, "large/big.bin", large);
		try (FaultInjectingProxy relay = new FaultInjectingProxy(LocalS3MockTest.s3Mock().endpoint(), 0, 0)) {
			JobFixture fixture = new JobFixture(this.dir, relay.endpoint(), LocalS3MockTest.IDENTITY, source,
					destination);
			Path job = withTerms(fixture.jobFile("terms-" + mode, "", "", "type: listing", """
					copy:
					  mode: %s
					  multipart-threshold: 5MiB
					  part-size: 5MiB
					verify:
					  method: full-read
					""".formatted(mode)), "  requester-pays: true\n  expected-owner: \"" + SOURCE_OWNER + "\"\n",
					"  expected-owner: \"" + DESTINATION_OWNER + "\"\n");
			relay.record();

			JobFixture.Result copied = fixture.run("copy", "--job", job.toString());

			assertThat(copied.exitCode()).as(copied.toString()).isZero();
			assertThat(S3TestData.readBytes(s3, destination, "large/big.bin")).isEqualTo(large);
			assertThat(S3TestData.readString(s3, destination, "small/b.txt")).isEqualTo("beta");
			List<Seen> copyRun = relay.seen();
			assertTerms(copyRun, source, destination);
			assertThat(lines(copyRun, source)).as("the listing").anyMatch((line) -> line.contains("list-type=2"));
			if (mode.equals("server-side")) {
				assertThat(lines(copyRun, destination)).as("a CopyObject and an UploadPartCopy")
					.anyMatch((line) -> line.startsWith("PUT /" + destination + "/small/a.txt "))
					.anyMatch((line) -> line.startsWith("PUT /" + destination + "/large/big.bin?")
							&& line.contains("partNumber=2"));
			}
			else {
				assertThat(lines(copyRun, source)).as("GETs of a small object and of a large one's parts")
					.anyMatch((line) -> line.startsWith("GET /" + source + "/small/a.txt "))
					.anyMatch((line) -> line.startsWith("GET /" + source + "/large/big.bin"));
				assertThat(lines(copyRun, destination)).as("a PUT and a multipart upload")
					.anyMatch((line) -> line.startsWith("PUT /" + destination + "/small/a.txt "))
					.anyMatch((line) -> line.startsWith("POST /" + destination + "/large/big.bin?uploads"))
					.anyMatch((line) -> line.startsWith("PUT /" + destination + "/large/big.bin?")
							&& line.contains("partNumber=2"));
			}
			assertThat(lines(copyRun, source)).as("the full-read verification's source GET")
				.anyMatch((line) -> line.startsWith("GET /" + source + "/large/big.bin"));
			relay.record();

			JobFixture.Result verified = fixture.run("verify", "--job", job.toString());

			assertThat(verified.exitCode()).as(verified.toString()).isZero();
			List<Seen> verifyRun = relay.seen();
			assertTerms(verifyRun, source, destination);
			assertThat(lines(verifyRun, source))
				.anyMatch((line) -> line.startsWith("HEAD /" + source + "/small/a.txt"));
			assertThat(lines(verifyRun, destination))
				.anyMatch((line) -> line.startsWith("HEAD /" + destination + "/small/a.txt"));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "server-side", "stream" })
	void everyRequestToARequesterPaysDestinationSaysTheRequesterPaysAndNoneToTheSource(String mode) throws IOException {
		S3Client s3 = LocalS3MockTest.s3MockClient();
		String source = S3TestData.createBucket(s3, "terms-dsrc");
		String destination = S3TestData.createBucket(s3, "terms-ddst");
		S3TestData.put(s3, source, "small/a.txt", "alpha");
		S3TestData.put(s3, source, "large/big.bin", S3TestData.randomBytes(LARGE));
		try (FaultInjectingProxy relay = new FaultInjectingProxy(LocalS3MockTest.s3Mock().endpoint(), 0, 0)) {
			JobFixture fixture = new JobFixture(this.dir, relay.endpoint(), LocalS3MockTest.IDENTITY, source,
					destination);
			Path job = withTerms(fixture.jobFile("terms-paid-" + mode, "", "", "type: listing", """
					copy:
					  mode: %s
					  multipart-threshold: 5MiB
					  part-size: 5MiB
					""".formatted(mode)), "", "  requester-pays: true\n");
			relay.record();

			JobFixture.Result copied = fixture.run("copy", "--job", job.toString());

			assertThat(copied.exitCode()).as(copied.toString()).isZero();
			assertThat(relay.seen()).filteredOn((request) -> request.bucket().equals(destination))
				.extracting(Seen::requestLine)
				.anyMatch((line) -> line.contains("partNumber=2"));
			assertThat(relay.seen()).allSatisfy((request) -> {
				boolean toDestination = request.bucket().equals(destination);
				assertThat(request.header(PAYER)).as(request.requestLine())
					.isEqualTo((toDestination && !bucketLevel(request, request.bucket())) ? "requester" : null);
				assertThat(request.header(OWNER)).as(request.requestLine()).isNull();
			});
		}
	}

	@Test
	void manifestReadsFromARequesterPaysManifestBucketSayTheRequesterPays() throws IOException {
		S3Client s3 = LocalS3MockTest.s3MockClient();
		String source = S3TestData.createBucket(s3, "terms-msrc");
		String destination = S3TestData.createBucket(s3, "terms-mdst");
		String manifests = S3TestData.createBucket(s3, "terms-manifests");
		S3TestData.put(s3, source, "a.txt", "alpha");
		S3TestData.put(s3, manifests, "keys.csv", source + ",a.txt\n");
		try (FaultInjectingProxy relay = new FaultInjectingProxy(LocalS3MockTest.s3Mock().endpoint(), 0, 0)) {
			JobFixture fixture = new JobFixture(this.dir, relay.endpoint(), LocalS3MockTest.IDENTITY, source,
					destination);
			Path job = fixture.jobFile("terms-manifest", "", "", """
					type: csv
					location: s3://%s/keys.csv
					requester-pays: true
					""".formatted(manifests), "");
			relay.record();

			JobFixture.Result copied = fixture.run("copy", "--job", job.toString());

			assertThat(copied.exitCode()).as(copied.toString()).isZero();
			List<Seen> toManifests = relay.seen().stream().filter((seen) -> seen.bucket().equals(manifests)).toList();
			assertThat(toManifests).extracting(Seen::requestLine)
				.anyMatch((line) -> line.startsWith("GET /" + manifests + "/keys.csv"));
			assertThat(toManifests).allSatisfy((seen) -> {
				assertThat(seen.header(PAYER)).as(seen.requestLine()).isEqualTo("requester");
				assertThat(seen.header(OWNER)).as(seen.requestLine()).isNull();
			});
			assertThat(relay.seen()).filteredOn((seen) -> !seen.bucket().equals(manifests))
				.isNotEmpty()
				.allSatisfy((seen) -> assertThat(seen.header(PAYER)).as(seen.requestLine()).isNull());
		}
	}

	@Test
	void aSourceOwnedByAnotherAccountThanTheJobExpectsStopsTheRunNamingTheExpectedOwner() throws IOException {
		S3Client s3 = LocalS3MockTest.s3MockClient();
		String source = S3TestData.createBucket(s3, "terms-osrc");
		String destination = S3TestData.createBucket(s3, "terms-odst");
		S3TestData.put(s3, source, "a.txt", "alpha");
		try (FaultInjectingProxy relay = new FaultInjectingProxy(LocalS3MockTest.s3Mock().endpoint(), 0, 0)) {
			// As S3 answers when the bucket's owner (here 999999999999) is not the
			// expected one.
			relay.answer(" /" + source,
					(headers) -> headers.containsKey(OWNER) && !headers.get(OWNER).equals("999999999999"), 403,
					"AccessDenied");
			JobFixture fixture = new JobFixture(this.dir, relay.endpoint(), LocalS3MockTest.IDENTITY, source,
					destination);
			Path job = withTerms(fixture.jobFile("terms-owner", "", "", "type: listing", ""),
					"  expected-owner: \"" + SOURCE_OWNER + "\"\n", "");

			JobFixture.Result result = fixture.run("copy", "--job", job.toString());

			assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
			assertThat(result.err()).contains("source.bucket " + source)
				.contains("is not owned by account " + SOURCE_OWNER + " (source.expected-owner)");
			assertThat(s3.listObjectsV2((list) -> list.bucket(destination)).contents()).isEmpty();
		}
	}

	private static boolean bucketLevel(Seen request, String bucket) {
		String line = request.requestLine();
		return line.startsWith("HEAD /" + bucket + " ") || line.startsWith("GET /" + bucket + "?website ")
				|| line.startsWith("GET /" + bucket + "?object-lock ");
	}

	/**
	 * Requests to the requester pays source: the payer and the source's owner. Requests
	 * to the destination: its owner and no payer, except copies, which also read the
	 * source: the payer and the source's owner as the copy source's.
	 */
	private static void assertTerms(List<Seen> seen, String source, String destination) {
		List<Seen> toSource = seen.stream().filter((request) -> request.bucket().equals(source)).toList();
		List<Seen> toDestination = seen.stream().filter((request) -> request.bucket().equals(destination)).toList();
		assertThat(toSource).isNotEmpty().allSatisfy((request) -> {
			// Bucket-level requests (HeadBucket, the website and Object Lock
			// configurations) have no request-payer:
			// S3 does not charge the requester for them, and the SDK has no field for it.
			assertThat(request.header(PAYER)).as(request.requestLine())
				.isEqualTo(bucketLevel(request, source) ? null : "requester");
			assertThat(request.header(OWNER)).as(request.requestLine()).isEqualTo(SOURCE_OWNER);
		});
		assertThat(toDestination).isNotEmpty().allSatisfy((request) -> {
			boolean copy = request.header("x-amz-copy-source") != null;
			assertThat(request.header(PAYER)).as(request.requestLine()).isEqualTo(copy ? "requester" : null);
			assertThat(request.header(OWNER)).as(request.requestLine()).isEqualTo(DESTINATION_OWNER);
			assertThat(request.header(SOURCE_OWNER_HEADER)).as(request.requestLine())
				.isEqualTo(copy ? SOURCE_OWNER : null);
		});
		assertThat(seen).as("every request is to one of the job's buckets")
			.allSatisfy((request) -> assertThat(request.bucket()).isIn(source, destination));
	}

	private static List<String> lines(List<Seen> seen, String bucket) {
		return seen.stream().filter((request) -> request.bucket().equals(bucket)).map(Seen::requestLine).toList();
	}

	/**
	 * The job file with lines added at the top of its source and destination sections.
	 */
	private static Path withTerms(Path job, String sourceLines, String destinationLines) throws IOException {
		String yaml = Files.readString(job, StandardCharsets.UTF_8)
			.replaceFirst("(?m)^source:\n", "source:\n" + sourceLines)
			.replaceFirst("(?m)^destination:\n", "destination:\n" + destinationLines);
		return Files.writeString(job, yaml, StandardCharsets.UTF_8);
	}

}
