package io.github.s3bulkcopy.jobfile;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.github.s3bulkcopy.jobfile.loading.BindingProblems;
import io.github.s3bulkcopy.jobfile.loading.JobFileLoader;
import io.github.s3bulkcopy.jobfile.loading.PropertyNames;
import io.github.s3bulkcopy.jobfile.loading.SecretProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.s3bulkcopy.jobfile.JobFiles.MINIMAL;
import static io.github.s3bulkcopy.jobfile.JobFiles.assertLoadingFails;
import static org.assertj.core.api.Assertions.assertThat;

class JobFileLoaderTests {

	private final JobFileLoader loader = new JobFileLoader();

	@TempDir
	Path dir;

	@Test
	void minimalFileGetsDefaults() throws IOException {
		JobFile job = this.loader.load(write(MINIMAL));

		JobSpec spec = job.spec();
		assertThat(spec.name()).isEqualTo("copy-logs");
		assertThat(spec.source().bucket()).isEqualTo("acme-logs");
		assertThat(spec.source().prefix()).isEmpty();
		assertThat(spec.source().region()).isEqualTo("us-east-1");
		assertThat(spec.source().endpoint()).isNull();
		assertThat(spec.source().allowInsecureEndpoint()).isFalse();
		assertThat(spec.source().credentials().isDefaultChain()).isTrue();
		assertThat(spec.destination().bucket()).isEqualTo("acme-logs-b");
		assertThat(spec.destination().credentials().isDefaultChain()).isTrue();
		assertThat(spec.manifest().type()).isEqualTo(ManifestType.LISTING);
		assertThat(spec.manifest().location()).isNull();
		assertThat(spec.copy().partitions()).isEqualTo(8);
		assertThat(spec.copy().concurrency()).isEqualTo(Concurrency.AUTO);
		assertThat(spec.copy().concurrencyFloor()).isEqualTo(4);
		assertThat(spec.copy().concurrencyCeiling()).isEqualTo(512);
		assertThat(spec.copy().chunkSize()).isEqualTo(500);
		assertThat(spec.copy().multipartThreshold().bytes()).isEqualTo(5368709120L);
		assertThat(spec.copy().partSize().bytes()).isEqualTo(256L * 1024 * 1024);
		assertThat(spec.copy().skipExisting()).as("absent, so a scheduled run may decide").isNull();
		assertThat(spec.copy().skipExistingOr(false)).isFalse();
		assertThat(spec.copy().skipExistingOr(true)).isTrue();
		assertThat(spec.verify().method()).isEqualTo(VerifyMethod.AUTO);
		assertThat(spec.verify().require()).isFalse();
		assertThat(spec.report().location()).isEqualTo("reports/");
	}

	@Test
	void sha256IsOfTheFileBytes() throws IOException {
		Path file = write(MINIMAL);

		JobFile job = this.loader.load(file);

		assertThat(job.path()).isEqualTo(file);
		assertThat(job.sha256()).isEqualTo("ad5971cf5b66e192dd617eafee226a0ac9f336d605b38bd414c859dd33f6188f");
	}

	@Test
	void everyJobFileUnderJobsLoads() throws IOException {
		List<Path> jobFiles;
		try (Stream<Path> files = Files.list(Path.of("jobs"))) {
			jobFiles = files.filter((file) -> file.toString().endsWith(".yml")).sorted().toList();
		}

		assertThat(jobFiles).extracting(Path::toString).contains("jobs/example.yml", "jobs/local-s3proxy.yml");
		for (Path jobFile : jobFiles) {
			assertThat(this.loader.load(jobFile).spec().name()).as(jobFile.toString()).isNotBlank();
		}
	}

	@Test
	void exampleJobDocumentsEveryProperty() throws IOException {
		String example = Files.readString(Path.of("jobs/example.yml"));

		for (String property : PropertyNames.all()) {
			String leaf = property.substring(property.lastIndexOf('.') + 1);
			assertThat(example).as(property).containsPattern("(?m)^\\s*#?\\s*" + leaf + ":");
		}
	}

	@Test
	void exampleJobReadsAnInventoryManifest() {
		JobSpec spec = this.loader.load(Path.of("jobs/example.yml")).spec();

		assertThat(spec.source().bucket()).isEqualTo("acme-logs");
		assertThat(spec.destination().bucket()).isEqualTo("acme-logs-b");
		assertThat(spec.manifest().type()).isEqualTo(ManifestType.INVENTORY);
		assertThat(spec.manifest().location())
			.isEqualTo("s3://acme-inventory/acme-logs/daily/2026-11-01T01-00Z/manifest.json");
	}

	@Test
	void valuesAreReadTheWayPeopleWriteThem() throws IOException {
		Path file = write(MINIMAL + """
				copy:
				  multipart-threshold: 64MiB
				  part-size: 16777216
				  skip-existing: true
				verify:
				  method: ETAG
				""");

		JobSpec spec = this.loader.load(file).spec();

		assertThat(spec.copy().multipartThreshold()).isEqualTo(ByteSize.ofMebibytes(64));
		assertThat(spec.copy().partSize()).isEqualTo(ByteSize.ofMebibytes(16));
		assertThat(spec.copy().skipExisting()).isTrue();
		assertThat(spec.copy().skipExistingOr(false)).isTrue();
		assertThat(spec.verify().method()).isEqualTo(VerifyMethod.ETAG);
	}

	@Test
	void enumNamesAreLowerCaseWithHyphens() {
		assertThat(BindingProblems.enumName(Sample.FULL_READ)).isEqualTo("full-read");
		assertThat(
				new org.springframework.boot.convert.ApplicationConversionService().convert("full-read", Sample.class))
			.isEqualTo(Sample.FULL_READ);
	}

	@Test
	void missingFileIsReported() {
		Path file = this.dir.resolve("nowhere.yml");

		assertLoadingFails(file).withMessage(file + ": file not found");
	}

	@Test
	void emptyFileIsReported() throws IOException {
		Path file = write("# nothing here yet\n");

		assertLoadingFails(file).withMessageStartingWith(file + ": is empty");
	}

	@Test
	void invalidYamlIsReportedWithLineAndColumn() throws IOException {
		Path file = write("""
				name: copy-logs
				source:
				  bucket: acme-logs
				   region: us-east-1
				""");

		assertLoadingFails(file)
			.withMessageStartingWith(file + ":4:10: not valid YAML: mapping values are not allowed here");
	}

	@Test
	void duplicateKeyIsInvalidYaml() throws IOException {
		Path file = write(MINIMAL + "name: again\n");

		assertLoadingFails(file).withMessageStartingWith(file + ":8:1: not valid YAML: found duplicate key name");
	}

	@Test
	void moreThanOneDocumentIsReported() throws IOException {
		Path file = write(MINIMAL + "---\nname: other\n");

		assertLoadingFails(file).withMessageStartingWith(file + ":9: holds 2 YAML documents");
	}

	@Test
	void aListIsNotAJobFile() throws IOException {
		Path file = write("- acme-logs\n- acme-logs-b\n");

		assertLoadingFails(file).withMessageStartingWith(file + ":1: is not a job file");
	}

	@Test
	void unknownEnumValueNamesTheLineAndTheAllowedValues() throws IOException {
		Path file = write("""
				name: copy-logs
				source:
				  bucket: acme-logs
				destination:
				  bucket: acme-logs-b
				manifest:
				  type: inventroy
				  location: s3://acme-inventory/acme-logs/daily/2026-11-01T01-00Z/manifest.json
				""");

		assertLoadingFails(file)
			.withMessage(file + ":7: manifest.type: must be one of inventory, csv, listing (was 'inventroy')");
	}

	@Test
	void missingRequiredPropertyIsReportedWithoutALine() throws IOException {
		Path file = write("""
				name: copy-logs
				source:
				  prefix: logs/
				destination:
				  bucket: acme-logs-b
				manifest:
				  type: listing
				""");

		assertLoadingFails(file).withMessage(file + ": source.bucket: is required");
	}

	@Test
	void missingSectionsAreAllReported() throws IOException {
		Path file = write("name: copy-logs\n");

		assertLoadingFails(file)
			.satisfies((ex) -> assertThat(ex.getMessage().lines()).containsExactly(file + ": destination: is required",
					file + ": manifest: is required", file + ": source: is required"));
	}

	@Test
	void unknownPropertyNamesItsLineAndSuggestsTheKnownName() throws IOException {
		Path file = write(MINIMAL + """
				copy:
				  partitions: 4
				  skip-exisiting: true
				""");

		assertLoadingFails(file)
			.withMessage(file + ":10: copy.skip-exisiting: unknown property (did you mean skip-existing?)");
	}

	@Test
	void typoInARequiredNameShowsBothTheUnknownAndTheMissingProperty() throws IOException {
		Path file = write(MINIMAL.replace("  bucket: acme-logs\n", "  buckt: acme-logs\n  region: eu-west-1\n"));

		assertLoadingFails(file).satisfies((ex) -> assertThat(ex.getMessage().lines()).containsExactly(
				file + ":3: source.buckt: unknown property (did you mean bucket?)",
				file + ": source.bucket: is required"));
	}

	@Test
	void sectionOfOnlyUnknownPropertiesIsNotAlsoReportedMissing() throws IOException {
		Path file = write(MINIMAL.replace("  bucket: acme-logs\n", "  buckt: acme-logs\n"));

		assertLoadingFails(file).withMessage(file + ":3: source.buckt: unknown property (did you mean bucket?)");
	}

	@Test
	void misspeltSectionIsSuggestedAndReportedMissing() throws IOException {
		Path file = write(MINIMAL.replace("source:\n", "sorce:\n"));

		assertLoadingFails(file).satisfies((ex) -> assertThat(ex.getMessage().lines()).containsExactly(
				file + ":3: sorce.bucket: unknown property (did you mean source?)", file + ": source: is required"));
	}

	@Test
	void sizeThatIsNotASizeNamesItsLine() throws IOException {
		Path file = write(MINIMAL + """
				copy:
				  multipart-threshold: 5 gigs
				""");

		assertLoadingFails(file)
			.withMessageStartingWith(file + ":9: copy.multipart-threshold: '5 gigs' is not a size: ");
	}

	@Test
	void valuesOfTheWrongShapeAreReported() throws IOException {
		Path file = write(MINIMAL.replace("name: copy-logs", "name: [copy, logs]") + """
				copy: fast
				""");

		assertLoadingFails(file).satisfies((ex) -> assertThat(ex.getMessage().lines()).containsExactly(
				file + ":1: name: must be a single value, not a list",
				file + ":8: copy: must be a section of properties, not a single value"));
	}

	@Test
	void fileThatIsNotUtf8IsReported() throws IOException {
		Path file = Files.write(this.dir.resolve("latin1.yml"),
				"name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

		assertLoadingFails(file).withMessage(file + ": is not UTF-8 text");
	}

	@Test
	void everyConstraintViolationAndBadValueIsReportedAtOnce() throws IOException {
		Path file = write("""
				name: copy logs!
				source:
				  bucket: acme-logs
				destination:
				  bucket: ''
				manifest:
				  type: listing
				copy:
				  partitions: 0
				  concurrency: lots
				  chunk-size: 200000
				verify:
				  method: sometimes
				""");

		assertLoadingFails(file).satisfies((ex) -> assertThat(ex.getMessage().lines()).containsExactly(
				file + ":1: name: must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit",
				file + ":5: destination.bucket: must not be blank",
				file + ":9: copy.partitions: must be greater than or equal to 1 (was '0')",
				file + ":10: copy.concurrency: must be auto or a whole number from 1 to 4096 (was 'lots')",
				file + ":11: copy.chunk-size: must be less than or equal to 100000 (was '200000')",
				file + ":13: verify.method: must be one of auto, checksum, etag, full-read, none (was 'sometimes')"));
	}

	@Test
	void concurrencyIsAutoWithinBoundsOrAFixedNumber() throws IOException {
		CopySpec bounded = this.loader
			.load(write(MINIMAL + "copy:\n  concurrency: auto\n  min-concurrency: 8\n  max-concurrency: 2000\n"))
			.spec()
			.copy();
		assertThat(bounded.concurrency().auto()).isTrue();
		assertThat(bounded.concurrencyFloor()).isEqualTo(8);
		assertThat(bounded.concurrencyCeiling()).isEqualTo(2000);

		CopySpec fixed = this.loader.load(write(MINIMAL + "copy:\n  concurrency: 200\n")).spec().copy();
		assertThat(fixed.concurrency()).isEqualTo(Concurrency.of(200));
		assertThat(fixed.concurrencyFloor()).as("a fixed number halves down to 1 while S3 throttles").isEqualTo(1);
		assertThat(fixed.concurrencyCeiling()).isEqualTo(200);

		CopySpec onlyMaximum = this.loader.load(write(MINIMAL + "copy:\n  max-concurrency: 2\n")).spec().copy();
		assertThat(onlyMaximum.concurrencyFloor()).isEqualTo(2);
		assertThat(onlyMaximum.concurrencyCeiling()).isEqualTo(2);
	}

	@Test
	void concurrencyOutOfRangeOrBoundsThatDisagreeAreRejectedWithTheirLines() throws IOException {
		Path file = write(MINIMAL + """
				copy:
				  concurrency: 5000
				""");
		assertLoadingFails(file)
			.withMessage(file + ":9: copy.concurrency: must be auto or a whole number from 1 to 4096 (was '5000')");

		Path inverted = write(MINIMAL + """
				copy:
				  min-concurrency: 64
				  max-concurrency: 16
				""");
		assertLoadingFails(inverted)
			.withMessage(inverted + ":9: copy.min-concurrency: must be at most copy.max-concurrency, 16 (was 64)");

		Path withFixed = write(MINIMAL + """
				copy:
				  concurrency: 32
				  max-concurrency: 0
				  min-concurrency: 8
				""");
		assertLoadingFails(withFixed).satisfies((ex) -> assertThat(ex.getMessage().lines()).containsExactlyInAnyOrder(
				withFixed + ":10: copy.max-concurrency: must be greater than or equal to 1 (was '0')",
				withFixed + ":11: copy.min-concurrency: bounds only copy.concurrency: auto, and copy.concurrency "
						+ "is 32: remove it, or set concurrency to auto"));
	}

	@Test
	void restoresOfArchivedObjectsAreOffUnlessAskedForAndTakeDaysAndATier() throws IOException {
		assertThat(this.loader.load(write(MINIMAL)).spec().copy().restore()).isNull();

		Path defaults = write(MINIMAL + "copy:\n  restore: {}\n");
		assertThat(this.loader.load(defaults).spec().copy().restore())
			.isEqualTo(new RestoreSpec(7, RestoreTier.STANDARD));

		Path bulk = write(MINIMAL + "copy:\n  restore:\n    days: 2\n    tier: bulk\n");
		assertThat(this.loader.load(bulk).spec().copy().restore()).isEqualTo(new RestoreSpec(2, RestoreTier.BULK));
	}

	@Test
	void restoreDaysAndTierAreValidated() throws IOException {
		Path file = write(MINIMAL + """
				copy:
				  restore:
				    days: 0
				    tier: glacial
				""");

		assertLoadingFails(file).satisfies((ex) -> assertThat(ex.getMessage().lines()).containsExactly(
				file + ":10: copy.restore.days: must be greater than or equal to 1 (was '0')",
				file + ":11: copy.restore.tier: must be one of bulk, standard, expedited (was 'glacial')"));
	}

	@Test
	void everyVerificationMethodIsWrittenInLowerCaseWithHyphens() throws IOException {
		for (VerifyMethod method : VerifyMethod.values()) {
			String name = method.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
			Path file = write(MINIMAL + "verify:\n  method: " + name + "\n");

			assertThat(this.loader.load(file).spec().verify().method()).as(name).isEqualTo(method);
		}
	}

	@Test
	void requiringVerificationWithMethodNoneIsRejected() throws IOException {
		Path file = write(MINIMAL + """
				verify:
				  method: none
				  require: true
				""");

		assertLoadingFails(file).withMessageContaining("verify.require: cannot be true with verify.method none");
	}

	@Test
	void manifestLocationIsRequiredForInventoryAndCsv() throws IOException {
		Path inventory = write(MINIMAL.replace("type: listing", "type: inventory"));
		Path csv = write(MINIMAL.replace("type: listing", "type: csv"));

		assertLoadingFails(inventory)
			.withMessageStartingWith(inventory + ": manifest.location: is required for an inventory manifest");
		assertLoadingFails(csv).withMessageStartingWith(csv + ": manifest.location: is required for a csv manifest");
	}

	@Test
	void manifestLocationIsNotUsedByListing() throws IOException {
		Path file = write(MINIMAL + "  location: manifests/keys.csv\n");

		assertLoadingFails(file).withMessageStartingWith(file + ":8: manifest.location: not used by listing");
	}

	@Test
	void partSizeAndThresholdStayWithinS3Limits() throws IOException {
		Path file = write(MINIMAL + """
				copy:
				  multipart-threshold: 6GiB
				  part-size: 1MiB
				""");

		assertLoadingFails(file).satisfies((ex) -> assertThat(ex.getMessage().lines()).containsExactly(
				file + ":9: copy.multipart-threshold: must be at most 5 GiB, the largest object CopyObject "
						+ "copies in one request (was 6 GiB)",
				file + ":10: copy.part-size: must be between 5 MiB and 5 GiB, the part sizes S3 accepts "
						+ "(was 1 MiB)"));
	}

	@Test
	void thresholdBelowTheSmallestPartIsRejected() throws IOException {
		Path file = write(MINIMAL + "copy:\n  multipart-threshold: 4MiB\n");

		assertLoadingFails(file).withMessageStartingWith(file + ":9: copy.multipart-threshold: must be at least 5 MiB");
	}

	@Test
	void plainHttpEndpointToAnotherHostIsRejected() throws IOException {
		Path file = write(withSource("  endpoint: http://10.0.0.5:9000\n"));

		assertLoadingFails(file)
			.withMessage(file + ":4: source.endpoint: plain http is only allowed to a loopback host "
					+ "(127.0.0.0/8, localhost, ::1): use https, or set source.allow-insecure-endpoint: true");
	}

	@Test
	void plainHttpEndpointToLoopbackIsAccepted() throws IOException {
		for (String host : List.of("127.0.0.1", "127.1.2.3", "localhost", "[::1]")) {
			Path file = write(withSource("  endpoint: http://" + host + ":9000\n"));

			assertThat(this.loader.load(file).spec().source().endpoint())
				.isEqualTo(URI.create("http://" + host + ":9000"));
		}
	}

	@Test
	void plainHttpEndpointIsAcceptedWhenExplicitlyAllowed() throws IOException {
		Path file = write(MINIMAL.replace("  bucket: acme-logs-b\n", """
				  bucket: acme-logs-b
				  endpoint: http://10.0.0.5:9000
				  allow-insecure-endpoint: true
				"""));

		assertThat(this.loader.load(file).spec().destination().allowInsecureEndpoint()).isTrue();
	}

	@Test
	void endpointMustBeHttpOrHttps() throws IOException {
		Path file = write(withSource("  endpoint: ftp://s3.example.com\n"));

		assertLoadingFails(file)
			.withMessage(file + ":4: source.endpoint: must be an http or https URL, such as https://s3.example.com");
	}

	@Test
	void endpointWithAPasswordIsRejectedWithoutEchoingIt() throws IOException {
		Path file = write(withSource("  endpoint: https://minio:hunter2@s3.example.com\n"));

		assertLoadingFails(file)
			.withMessageContaining(file + ":4: source.endpoint: must not contain a user name or password")
			.withMessageNotContaining("hunter2");
	}

	@Test
	void accessKeysAreNeverReadFromJobFiles() throws IOException {
		Path file = write(withSource("""
				  credentials:
				    access-key-id: AKIAIOSFODNN7EXAMPLE
				    secret-access-key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
				"""));

		assertLoadingFails(file)
			.satisfies((ex) -> assertThat(ex.getMessage().lines()).containsExactly(
					file + ":5: source.credentials.access-key-id: " + SecretProperties.NEVER_IN_JOB_FILES,
					file + ":6: source.credentials.secret-access-key: " + SecretProperties.NEVER_IN_JOB_FILES))
			.satisfies((ex) -> assertNoSecretIn(ex, "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI"));
	}

	@Test
	void secretNamesAreCaughtAnywhereAndInAnySpelling() throws IOException {
		Path file = write(MINIMAL + """
				aws_access_key_id: AKIAIOSFODNN7EXAMPLE
				destination-secret: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
				copy:
				  sessionToken: FwoGZXIvYXdzEXAMPLETOKEN
				""");

		assertLoadingFails(file)
			.satisfies((ex) -> assertThat(ex.getMessage().lines()).hasSize(3)
				.allSatisfy((line) -> assertThat(line).endsWith(SecretProperties.NEVER_IN_JOB_FILES)))
			.satisfies((ex) -> assertNoSecretIn(ex, "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI", "FwoGZXIvYXdz"));
	}

	@Test
	void accessKeyIdInAnOrdinaryPropertyIsRejectedWithoutEchoingIt() throws IOException {
		Path file = write(withSource("  credentials:\n    profile: AKIAIOSFODNN7EXAMPLE\n"));

		assertLoadingFails(file)
			.withMessageContaining(file + ":5: source.credentials.profile: looks like an AWS access key id")
			.satisfies((ex) -> assertNoSecretIn(ex, "AKIAIOSFODNN7EXAMPLE"));
	}

	@Test
	void roleCredentialsAreRead() throws IOException {
		Path file = write(withSource("""
				  credentials:
				    role-arn: arn:aws:iam::123456789012:role/s3-bulk-copy-reader
				    external-id: acme-2026
				    session-name: s3-bulk-copy
				    duration: 1h
				    base-profile: ops
				    sts-region: us-east-1
				    sts-endpoint: https://sts.us-east-1.amazonaws.com
				"""));

		CredentialsSpec credentials = this.loader.load(file).spec().source().credentials();

		assertThat(credentials.roleArn()).isEqualTo("arn:aws:iam::123456789012:role/s3-bulk-copy-reader");
		assertThat(credentials.duration()).isEqualTo(Duration.ofHours(1));
		assertThat(credentials.stsEndpoint()).isEqualTo(URI.create("https://sts.us-east-1.amazonaws.com"));
		assertThat(credentials.isDefaultChain()).isFalse();
	}

	@Test
	void durationWithoutAUnitIsSeconds() throws IOException {
		Path file = write(withSource("""
				  credentials:
				    role-arn: arn:aws-us-gov:iam::123456789012:role/path/reader
				    duration: 3600
				"""));

		assertThat(this.loader.load(file).spec().source().credentials().duration()).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void credentialRulesAreChecked() throws IOException {
		Path file = write("""
				name: copy-logs
				source:
				  bucket: acme-logs
				  credentials:
				    role-arn: arn:aws:iam::1234:user/alice
				    profile: ops
				    duration: 5m
				destination:
				  bucket: acme-logs-b
				  credentials:
				    external-id: acme-2026
				    base-profile: ops
				manifest:
				  type: listing
				""");

		assertLoadingFails(file).satisfies((ex) -> assertThat(ex.getMessage().lines()).containsExactly(
				file + ":5: source.credentials.role-arn: must look like arn:aws:iam::123456789012:role/name",
				file + ":6: source.credentials.profile: cannot be used with role-arn: to choose who assumes the "
						+ "role, set base-profile; to use a profile that assumes a role itself, remove role-arn",
				file + ":7: source.credentials.duration: must be between 15m and 12h, the session durations "
						+ "STS grants (was 5m)",
				file + ":11: destination.credentials.external-id: only used with role-arn: set role-arn, or "
						+ "remove external-id",
				file + ":12: destination.credentials.base-profile: only used with role-arn: set role-arn, or "
						+ "remove base-profile"));
	}

	@Test
	void destinationMustNotBeTheSource() throws IOException {
		Path file = write(MINIMAL.replace("acme-logs-b", "acme-logs"));

		assertLoadingFails(file)
			.withMessage(file + ":5: destination.bucket: is the source bucket and prefix: every object would be "
					+ "copied onto itself");
	}

	@Test
	void destinationMustNotBeInsideTheSource() throws IOException {
		Path file = write(withSource("  prefix: logs\n").replace("  bucket: acme-logs-b\n",
				"  bucket: acme-logs\n  prefix: logs-copy/\n"));

		assertLoadingFails(file)
			.withMessage(file + ":7: destination.prefix: is inside the source (bucket acme-logs, prefix 'logs'): "
					+ "the copies would be copied again; use another bucket or a prefix outside source.prefix");
	}

	@Test
	void sameBucketIsFineOutsideTheSourcePrefixOrOnAnotherEndpoint() throws IOException {
		Path besideSource = write(withSource("  prefix: logs/\n").replace("  bucket: acme-logs-b\n",
				"  bucket: acme-logs\n  prefix: archive/logs/\n"));
		Path otherEndpoint = write(
				withSource("  endpoint: http://127.0.0.1:9000\n").replace("acme-logs-b", "acme-logs"));

		assertThat(this.loader.load(besideSource).spec().destination().prefix()).isEqualTo("archive/logs/");
		assertThat(this.loader.load(otherEndpoint).spec().destination().bucket()).isEqualTo("acme-logs");
	}

	@Test
	void requesterPaysAndExpectedOwnersAreRead() throws IOException {
		Path file = write(withSource("  requester-pays: true\n  expected-owner: \"012345678901\"\n")
			.replace("  bucket: acme-logs-b\n", "  bucket: acme-logs-b\n  expected-owner: 444455556666\n"));

		JobSpec spec = this.loader.load(file).spec();

		assertThat(spec.source().requesterPays()).isTrue();
		assertThat(spec.source().expectedOwner()).isEqualTo("012345678901");
		assertThat(spec.destination().requesterPays()).isFalse();
		assertThat(spec.destination().expectedOwner()).isEqualTo("444455556666");
		assertThat(spec.manifest().requesterPays()).isNull();
	}

	@Test
	void requesterPaysAndExpectedOwnersDefaultToNone() throws IOException {
		JobSpec spec = this.loader.load(write(MINIMAL)).spec();

		assertThat(spec.source().requesterPays()).isFalse();
		assertThat(spec.source().expectedOwner()).isNull();
		assertThat(spec.destination().requesterPays()).isFalse();
		assertThat(spec.destination().expectedOwner()).isNull();
	}

	@Test
	void aManifestInTheSourceBucketIsRequesterPaysAsTheSourceUnlessItSaysOtherwise() throws IOException {
		String paying = withSource("  requester-pays: true\n").replace("type: listing", "type: csv");
		JobSpec inSource = this.loader.load(write(paying + "  location: s3://acme-logs/keys.csv\n")).spec();
		JobSpec elsewhere = this.loader.load(write(paying + "  location: s3://acme-manifests/keys.csv\n")).spec();
		JobSpec saysNo = this.loader
			.load(write(paying + "  location: s3://acme-logs/keys.csv\n  requester-pays: false\n"))
			.spec();
		JobSpec saysYes = this.loader
			.load(write(MINIMAL.replace("type: listing", "type: csv")
					+ "  location: s3://acme-manifests/keys.csv\n  requester-pays: true\n"))
			.spec();

		assertThat(inSource.manifest().requesterPays(inSource.source())).isTrue();
		assertThat(elsewhere.manifest().requesterPays(elsewhere.source())).isFalse();
		assertThat(saysNo.manifest().requesterPays(saysNo.source())).isFalse();
		assertThat(saysYes.manifest().requesterPays(saysYes.source())).isTrue();
		assertThat(saysYes.manifest().s3Bucket()).isEqualTo("acme-manifests");
	}

	@Test
	void expectedOwnerMustBeATwelveDigitAccountId() throws IOException {
		Path shortId = write(withSource("  expected-owner: \"12345\"\n"));
		Path arn = write(MINIMAL.replace("  bucket: acme-logs-b\n",
				"  bucket: acme-logs-b\n  expected-owner: arn:aws:iam::111122223333:root\n"));

		assertLoadingFails(shortId)
			.withMessageContaining(shortId + ":4: source.expected-owner: must be a 12-digit AWS account id");
		assertLoadingFails(arn)
			.withMessageContaining(arn + ":6: destination.expected-owner: must be a 12-digit AWS account id");
	}

	@Test
	void anUnquotedAccountIdThatYamlReadsAsOctalIsRejectedAskingForQuotes() throws IOException {
		Path file = write(withSource("  expected-owner: 012345670123\n"));

		assertLoadingFails(file)
			.withMessageContaining(file + ":4: source.expected-owner: must be a 12-digit AWS account id, quoted");
	}

	@Test
	void oneBucketCannotExpectTwoOwners() throws IOException {
		Path file = write(
				withSource("  prefix: logs/\n  expected-owner: \"111122223333\"\n").replace("  bucket: acme-logs-b\n",
						"  bucket: acme-logs\n  prefix: archive/\n  expected-owner: \"444455556666\"\n"));

		assertLoadingFails(file)
			.withMessageContaining("destination.expected-owner: is not source.expected-owner (111122223333) though "
					+ "both sides are bucket acme-logs");
	}

	private static void assertNoSecretIn(Throwable ex, String... secrets) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			for (String secret : secrets) {
				assertThat(String.valueOf(cause.getMessage())).doesNotContain(secret);
				assertThat(cause.toString()).doesNotContain(secret);
			}
		}
	}

	/**
	 * The minimal file with lines added to the source section, after its bucket (line 3).
	 */
	private static String withSource(String lines) {
		return MINIMAL.replace("  bucket: acme-logs\n", "  bucket: acme-logs\n" + lines);
	}

	private Path write(String content) throws IOException {
		return JobFiles.write(this.dir, content);
	}

	enum Sample {

		FULL_READ

	}

}
