package io.github.s3bulkcopy.preflight;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import io.github.s3bulkcopy.cli.Main;
import io.github.s3bulkcopy.testsupport.CrossAccountTest;
import io.github.s3bulkcopy.testsupport.S3TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code preflight} through the command line against two role-only accounts: it passes on
 * a correct setup and names the failing check, with its likely cause, on each broken one.
 */
class PreflightFunctionalTests implements CrossAccountTest {

	@TempDir
	Path dir;

	private String sourceBucket;

	private String destinationBucket;

	private String sourceRole;

	private String destinationRole;

	@BeforeEach
	void accounts() {
		System.setProperty("aws.accessKeyId", RUNNER.accessKeyId());
		System.setProperty("aws.secretAccessKey", RUNNER.secretAccessKey());
		this.sourceBucket = S3TestData.createBucket(CrossAccountTest.sourceAccount(), "pre-src");
		this.destinationBucket = S3TestData.createBucket(CrossAccountTest.destinationAccount(), "pre-dst");
		S3TestData.put(CrossAccountTest.sourceAccount(), this.sourceBucket, "in/a.txt", "hello");
		this.sourceRole = CrossAccountTest.sourceRole(null, Duration.ofHours(1));
		this.destinationRole = CrossAccountTest.destinationRole("acme-2026", Duration.ofHours(1));
	}

	@Test
	void passesOnACorrectSetupWithTheWriteTest() throws IOException {
		Result result = preflight(job(this.sourceBucket, this.sourceRole, this.destinationRole, "acme-2026", "stream"),
				"--write-test");

		assertThat(result.code()).as(result.out()).isZero();
		assertThat(result.out()).contains("Preflight of job preflight-job (copy mode: stream)")
			.contains("PASS  base identity: default credential chain acts as " + RUNNER_ARN)
			.contains("PASS  assume role: " + this.sourceRole + " as arn:aws:sts::" + SOURCE_ACCOUNT_ID
					+ ":assumed-role/")
			.contains("PASS  bucket: s3://" + this.sourceBucket + " exists")
			.contains("PASS  list: s3://" + this.sourceBucket + "/in/: first key in/a.txt")
			.contains("PASS  read: HeadObject s3://" + this.sourceBucket + "/in/a.txt: 5 bytes")
			.contains("PASS  write: put and deleted s3://" + this.destinationBucket + "/out/.s3-bulk-copy-preflight-")
			.contains("INFO  website: no website configuration: website redirect locations are not looked up")
			.contains("INFO  object lock: not enabled: retention and legal hold are not carried")
			.contains("Result: PASS")
			.doesNotContain("FAIL");
		assertThat(CrossAccountTest.destinationAccount()
			.listObjectsV2((list) -> list.bucket(this.destinationBucket))
			.contents()).isEmpty();
	}

	@Test
	void namesAnUntrustedRoleAndWhoItDoesNotTrust() throws IOException {
		String untrusted = "arn:aws:iam::" + SOURCE_ACCOUNT_ID + ":role/untrusted-"
				+ UUID.randomUUID().toString().substring(0, 8);
		CrossAccountTest.sts()
			.role(untrusted, SOURCE_ROLE_KEYS, Set.of("arn:aws:iam::999999999999:user/someone-else"), null,
					Duration.ofHours(1));

		Result result = preflight(job(this.sourceBucket, untrusted, this.destinationRole, "acme-2026", "stream"));

		assertThat(result.code()).as(result.out()).isEqualTo(1);
		assertThat(result.out()).contains("FAIL  assume role: " + untrusted + ": AccessDenied (HTTP 403)")
			.contains("AccessDenied on AssumeRole: the trust policy of " + untrusted + " does not trust " + RUNNER_ARN)
			.contains("SKIP  bucket, read")
			.contains("Result: FAIL");
	}

	@Test
	void namesAWrongExternalId() throws IOException {
		Result result = preflight(job(this.sourceBucket, this.sourceRole, this.destinationRole, "wrong-id", "stream"));

		assertThat(result.code()).isEqualTo(1);
		assertThat(result.out()).contains("FAIL  assume role: " + this.destinationRole)
			.contains("or requires another external id than the one set");
	}

	@Test
	void namesAMissingBucket() throws IOException {
		Result result = preflight(job("no-such-bucket-" + UUID.randomUUID().toString().substring(0, 8), this.sourceRole,
				this.destinationRole, "acme-2026", "stream"));

		assertThat(result.code()).isEqualTo(1);
		assertThat(result.out()).contains("FAIL  bucket: HeadBucket s3://no-such-bucket-")
			.contains("does not exist, or (on S3-compatible servers) belongs to an account");
	}

	@Test
	void namesMissingReadAccessOnTheSource() throws IOException {
		// The destination's role cannot read the source bucket: on S3Proxy, another
		// account's bucket is invisible.
		Result result = preflight(
				job(this.sourceBucket, this.destinationRole, this.destinationRole, "acme-2026", "stream", "acme-2026"));

		assertThat(result.code()).isEqualTo(1);
		assertThat(result.out()).contains("source s3://" + this.sourceBucket)
			.contains("FAIL  bucket: HeadBucket s3://" + this.sourceBucket);
	}

	@Test
	void namesAServerSideCopyTheDestinationCannotRead() throws IOException {
		Result result = preflight(
				job(this.sourceBucket, this.sourceRole, this.destinationRole, "acme-2026", "server-side"));

		assertThat(result.code()).isEqualTo(1);
		assertThat(result.out()).contains("FAIL  server-side read")
			.contains("copy.mode is server-side, and the source bucket policy does not grant s3:GetObject to");
	}

	@Test
	void anInvalidJobFileExitsTwo() throws IOException {
		Path file = Files.writeString(this.dir.resolve("bad.yml"), "name: bad\nsource: {}\n");

		assertThat(preflight(file).code()).isEqualTo(2);
	}

	private Path job(String sourceBucket, String sourceRole, String destinationRole, String externalId, String mode)
			throws IOException {
		return job(sourceBucket, sourceRole, destinationRole, externalId, mode, null);
	}

	private Path job(String sourceBucket, String sourceRole, String destinationRole, String externalId, String mode,
			String sourceExternalId) throws IOException {
		String yaml = """
				name: preflight-job
				source:
				  bucket: %s
				  prefix: in/
				  endpoint: %s
				  credentials:
				    role-arn: %s
				    sts-endpoint: %s
				%s
				destination:
				  bucket: %s
				  prefix: out/
				  endpoint: %s
				  credentials:
				    role-arn: %s
				    external-id: %s
				    sts-endpoint: %s
				manifest:
				  type: listing
				copy:
				  mode: %s
				""".formatted(sourceBucket, CrossAccountTest.s3Proxy().endpoint(), sourceRole,
				CrossAccountTest.sts().endpoint(),
				(sourceExternalId != null) ? "    external-id: " + sourceExternalId : "", this.destinationBucket,
				CrossAccountTest.s3Proxy().endpoint(), destinationRole, externalId, CrossAccountTest.sts().endpoint(),
				mode);
		return Files.writeString(this.dir.resolve("preflight-job.yml"), yaml, StandardCharsets.UTF_8);
	}

	private static Result preflight(Path job, String... extra) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		String[] args = new String[2 + 1 + extra.length];
		args[0] = "preflight";
		args[1] = "--job";
		args[2] = job.toString();
		System.arraycopy(extra, 0, args, 3, extra.length);
		int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
		return new Result(code, out + err.toString());
	}

	private record Result(int code, String out) {

	}

}
