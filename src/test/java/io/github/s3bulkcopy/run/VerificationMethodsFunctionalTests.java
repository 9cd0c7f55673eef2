package io.github.s3bulkcopy.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.s3bulkcopy.testsupport.JobFixture;
import io.github.s3bulkcopy.testsupport.LocalS3MockTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each {@code verify.method} on each kind of object, copied for real against S3Mock,
 * which keeps checksums the way S3 does (full-object and composite). The copy job's
 * threshold of 8 MiB makes the 9 MiB objects multipart copies. S3Mock carries a source's
 * checksum over on CopyObject instead of computing the CRC64NVME asked for, and reports
 * it in the copy response: a CRC64NVME source's value therefore reads as computed (as on
 * S3, where it is), while a CRC32 one is recognised as carried over and never compared.
 * {@code auto} takes the free proof first: single-part objects whose MD5 ETags match are
 * verified by ETag without a HEAD of the source.
 */
public class VerificationMethodsFunctionalTests implements LocalS3MockTest {

	private static final int MIB = 1024 * 1024;

	/** key → content, in the order the expectations below list them. */
	private static final Map<String, byte[]> OBJECTS = new LinkedHashMap<>();

	private static String sourceBucket;

	private static String destinationBucket;

	@TempDir
	Path dir;

	@BeforeAll
	static void seed() {
		S3Client s3 = LocalS3MockTest.s3MockClient();
		sourceBucket = S3TestData.createBucket(s3, "methods-src");
		destinationBucket = S3TestData.createBucket(s3, "methods-dst");
		// single part, with the CRC64NVME S3 gives new uploads
		put(s3, "single-crc64.bin", S3TestData.randomBytes(100_000), ChecksumAlgorithm.CRC64_NVME);
		// single part, with the SDK's default CRC32
		put(s3, "single-crc32.bin", S3TestData.randomBytes(100_000), ChecksumAlgorithm.CRC32);
		// uploaded in parts with CRC32: a composite checksum and a multipart ETag; copied
		// with one CopyObject
		putComposite(s3, "composite-copied-whole.bin", 5 * MIB, 1000);
		// the same, copied in parts
		putComposite(s3, "composite-copied-in-parts.bin", 5 * MIB, 4 * MIB);
		// single part with CRC64NVME, copied in parts: the copy's ETag is a multipart one
		put(s3, "large-crc64.bin", S3TestData.randomBytes(9 * MIB), ChecksumAlgorithm.CRC64_NVME);
	}

	@ParameterizedTest(name = "{0} (require: {1})")
	@CsvSource(delimiter = '|',
			textBlock = """
					# method  | require | single-crc64       | single-crc32       | composite whole     | composite in parts  | large-crc64
					checksum  | false   | CHECKSUM VERIFIED  | NONE NOT_VERIFIED  | NONE NOT_VERIFIED   | NONE NOT_VERIFIED   | CHECKSUM VERIFIED
					etag      | false   | ETAG VERIFIED      | ETAG VERIFIED      | NONE NOT_VERIFIED   | NONE NOT_VERIFIED   | NONE NOT_VERIFIED
					full-read | false   | FULL_READ VERIFIED | FULL_READ VERIFIED | FULL_READ VERIFIED  | FULL_READ VERIFIED  | FULL_READ VERIFIED
					auto      | false   | ETAG VERIFIED      | ETAG VERIFIED      | NONE NOT_VERIFIED   | NONE NOT_VERIFIED   | CHECKSUM VERIFIED
					auto      | true    | ETAG VERIFIED      | ETAG VERIFIED      | FULL_READ VERIFIED  | FULL_READ VERIFIED  | CHECKSUM VERIFIED
					none      | false   | NONE NOT_VERIFIED  | NONE NOT_VERIFIED  | NONE NOT_VERIFIED   | NONE NOT_VERIFIED   | NONE NOT_VERIFIED
					""")
	void eachMethodVerifiesWhatItCanProveAndNothingElse(String method, boolean require, String singleCrc64,
			String singleCrc32, String compositeWhole, String compositeInParts, String largeCrc64) throws IOException {
		// given
		JobFixture fixture = new JobFixture(this.dir, LocalS3MockTest.s3Mock().endpoint(), LocalS3MockTest.IDENTITY,
				sourceBucket, destinationBucket);
		String name = "methods-" + method + (require ? "-required" : "");
		Path job = fixture.jobFile(name, "", name + "/", "type: listing", """
				copy:
				  multipart-threshold: 8MiB
				  part-size: 5MiB
				verify:
				  method: %s
				  require: %s
				""".formatted(method, require));

		// when
		JobFixture.Result result = fixture.run("copy", "--job", job.toString());

		// then
		assertThat(result.exitCode()).as(result.toString()).isZero();
		S3Client s3 = LocalS3MockTest.s3MockClient();
		for (Map.Entry<String, byte[]> object : OBJECTS.entrySet()) {
			assertThat(S3TestData.readBytes(s3, destinationBucket, name + "/" + object.getKey())).as(object.getKey())
				.isEqualTo(object.getValue());
		}
		Map<String, String> expected = new LinkedHashMap<>();
		List<String> verdicts = List.of(singleCrc64, singleCrc32, compositeWhole, compositeInParts, largeCrc64);
		List<String> keys = List.copyOf(OBJECTS.keySet());
		for (int i = 0; i < keys.size(); i++) {
			expected.put(keys.get(i), verdicts.get(i));
		}
		List<Map<String, String>> rows = fixture.reportRows(name, 1);
		Map<String, String> actual = rows.stream()
			.collect(Collectors.toMap((row) -> row.get("Key"),
					(row) -> row.get("VerificationMethod") + " " + row.get("Verified")));
		assertThat(actual).as(result.toString()).containsExactlyInAnyOrderEntriesOf(expected);
		assertThat(rows).allSatisfy((row) -> assertThat(row.get("Outcome")).isEqualTo("COPIED"));
		Map<String, String> crc64 = row(rows, "single-crc64.bin");
		if (crc64.get("VerificationMethod").equals("CHECKSUM") || crc64.get("VerificationMethod").equals("FULL_READ")) {
			assertThat(crc64.get("SourceChecksum"))
				.isEqualTo("CRC64NVME:FULL_OBJECT:" + S3TestData.crc64nvme(OBJECTS.get("single-crc64.bin")));
			assertThat(crc64.get("DestinationChecksum")).isEqualTo(crc64.get("SourceChecksum"));
		}
		if (method.equals("checksum")) {
			assertThat(row(rows, "single-crc32.bin").get("VerificationDetail"))
				.contains("did not compute the CRC64NVME");
			assertThat(row(rows, "composite-copied-in-parts.bin").get("VerificationDetail"))
				.contains("CRC32 and the destination's CRC64NVME");
		}
	}

	private static Map<String, String> row(List<Map<String, String>> rows, String key) {
		return rows.stream().filter((row) -> row.get("Key").equals(key)).findFirst().orElseThrow();
	}

	private static void put(S3Client s3, String key, byte[] content, ChecksumAlgorithm algorithm) {
		S3TestData.put(s3, sourceBucket, key, content, algorithm);
		OBJECTS.put(key, content);
	}

	private static void putComposite(S3Client s3, String key, int firstPart, int secondPart) {
		byte[] content = S3TestData.randomBytes(firstPart + secondPart);
		S3TestData.putMultipart(s3, sourceBucket, key, List.of(Arrays.copyOfRange(content, 0, firstPart),
				Arrays.copyOfRange(content, firstPart, content.length)), ChecksumAlgorithm.CRC32);
		OBJECTS.put(key, content);
	}

}
