package io.github.s3bulkcopy.manifest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import static io.github.s3bulkcopy.manifest.ManifestReading.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class InventoryManifestReaderTests {

	@TempDir
	Path root;

	@Test
	void readsColumnsInTheOrderFileSchemaLists() {
		Path manifest = new InventoryFixture(this.root, "acme").schema("Key,Size, Bucket,  ETag, StorageClass")
			.dataFile("a.csv.gz", "\"photos/1.jpg\",\"10\",\"acme\",\"e1\",\"STANDARD\"",
					"\"photos/2.jpg\",\"\",\"acme\",\"\",\"GLACIER\"")
			.write();

		List<ManifestEntry> entries = readAll(reader(manifest, ""));

		assertThat(entries)
			.extracting(ManifestEntry::bucket, ManifestEntry::key, ManifestEntry::size, ManifestEntry::etag,
					ManifestEntry::storageClass)
			.containsExactly(tuple("acme", "photos/1.jpg", 10L, "e1", "STANDARD"),
					tuple("acme", "photos/2.jpg", null, null, "GLACIER"));
		assertThat(entries.get(1).origin()).endsWith("a.csv.gz:2");
	}

	@Test
	void readsGzipAndPlainDataFilesInManifestOrder() {
		Path manifest = new InventoryFixture(this.root, "acme")
			.dataFile("first.csv.gz", "\"acme\",\"a\",\"1\"", "\"acme\",\"b\",\"2\"")
			.dataFile("second.csv", "\"acme\",\"c\",\"3\"")
			.dataFile("third.csv.gz", "acme,d,4")
			.write();

		assertThat(readAll(reader(manifest, ""))).extracting(ManifestEntry::key).containsExactly("a", "b", "c", "d");
	}

	@Test
	void decodesKeysAsHtmlFormsDo() {
		Path manifest = new InventoryFixture(this.root, "acme")
			.dataFile("a.csv.gz", "acme,a+b%2Bc,1", "acme,x%20y,1", "acme,caf%C3%A9,1", "acme,100%25,1",
					"acme,%E2%82%AC/%F0%9F%98%80,1")
			.write();

		assertThat(readAll(reader(manifest, ""))).extracting(ManifestEntry::key)
			.containsExactly("a b+c", "x y", "café", "100%", "€/😀");
	}

	@Test
	void fillsEveryColumnAFullReportHas() {
		Path manifest = new InventoryFixture(this.root, "acme").schema(InventoryFixture.FULL_SCHEMA)
			.dataFile("a.csv.gz",
					"\"acme\",\"big+file.bin\",\"3/L4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY\",\"true\",\"false\",\"6291456\","
							+ "\"2024-06-11T10:00:00.000Z\",\"9b2cf535f27731c974343645a3985328-2\",\"STANDARD_IA\","
							+ "\"true\",\"\",\"SSE-KMS\",\"\",\"\",\"\",\"\",\"ENABLED\",\"CRC64NVME\"")
			.write();

		assertThat(readAll(reader(manifest, "")))
			.containsExactly(new ManifestEntry("acme", "big file.bin", "3/L4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY", 6291456L,
					"9b2cf535f27731c974343645a3985328-2", "CRC64NVME", "STANDARD_IA", "SSE-KMS", true,
					this.root.resolve(new InventoryFixture(this.root, "acme").dataKey("a.csv.gz")) + ":1",
					Instant.parse("2024-06-11T10:00:00.000Z"), true, false));
	}

	@Test
	void readsEveryVersionAndDeleteMarkerWithWhetherItIsCurrentAndWhenItWasWritten() {
		Path manifest = new InventoryFixture(this.root, "acme")
			.schema("Bucket, Key, VersionId, IsLatest, IsDeleteMarker, Size, LastModifiedDate")
			.dataFile("a.csv.gz", "acme,doc,v3,true,true,,2026-03-01T00:00:03.000Z",
					"acme,doc,v2,false,false,20,2026-03-01T00:00:02.000Z",
					"acme,doc,v1,false,false,10,2026-03-01T00:00:01.000Z", "acme,other,,true,false,5,")
			.write();

		assertThat(readAll(reader(manifest, "")))
			.extracting(ManifestEntry::key, ManifestEntry::versionId, ManifestEntry::latest,
					ManifestEntry::deleteMarker, ManifestEntry::lastModified, ManifestEntry::size)
			.containsExactly(tuple("doc", "v3", true, true, Instant.parse("2026-03-01T00:00:03Z"), null),
					tuple("doc", "v2", false, false, Instant.parse("2026-03-01T00:00:02Z"), 20L),
					tuple("doc", "v1", false, false, Instant.parse("2026-03-01T00:00:01Z"), 10L),
					tuple("other", null, true, false, null, 5L));
	}

	@Test
	void aLastModifiedDateThatIsNoTimeNamesTheLine() {
		Path manifest = new InventoryFixture(this.root, "acme").schema("Bucket, Key, LastModifiedDate")
			.dataFile("a.csv", "acme,k,2026-03-01T00:00:01.000Z", "acme,k,yesterday")
			.write();

		assertThatThrownBy(() -> readAll(reader(manifest, ""))).isInstanceOf(ManifestException.class)
			.hasMessageContaining("a.csv line 2")
			.hasMessageContaining("LastModifiedDate is not an ISO-8601 time")
			.hasMessageContaining("'yesterday'");
	}

	@ParameterizedTest
	@CsvSource({ "2026-11-01T01:00:00.000Z", "2026-11-01T01:00:00Z", "2024-02-29T23:59:59.999999999Z",
			"1970-01-01T00:00:00.1Z", "1969-12-31T23:59:59.12345Z", "0000-01-01T00:00:00.000Z",
			"9999-12-31T23:59:59.99Z", "2026-11-01T01:00:00.000+01:00", "2026-11-01T24:00:00Z",
			"2026-12-31T23:59:60Z" })
	void readsLastModifiedDatesAsInstantParseDoes(String value) {
		assertThat(InventorySchema.instant(value)).isEqualTo(Instant.parse(value));
	}

	@ParameterizedTest
	@CsvSource({ "2026-02-29T00:00:00.000Z", "2026-13-01T00:00:00.000Z", "2026-11-01T25:00:00.000Z",
			"2026-11-01T01:60:00.000Z", "2026-11-01T01:00:00.0000000000Z", "2026-11-01 01:00:00.000Z",
			"2026-11-0xT01:00:00.000Z", "2026-11-01T01:00:00.000" })
	void rejectsWhatInstantParseRejects(String value) {
		assertThatThrownBy(() -> Instant.parse(value)).isInstanceOf(DateTimeParseException.class);
		assertThatThrownBy(() -> InventorySchema.instant(value)).isInstanceOf(DateTimeParseException.class);
	}

	@Test
	void readsEveryFractionLengthOfManyTimesAsInstantParseDoes() {
		Random random = new Random(23);
		for (int i = 0; i < 20_000; i++) {
			Instant time = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_800L),
					random.nextInt(1_000_000_000));
			String text = DateTimeFormatter.ISO_INSTANT.format(time);
			String withFraction = text.substring(0, 19) + "."
					+ String.format("%09d", time.getNano()).substring(0, 1 + i % 9) + "Z";
			assertThat(InventorySchema.instant(text)).as(text).isEqualTo(Instant.parse(text));
			assertThat(InventorySchema.instant(withFraction)).as(withFraction).isEqualTo(Instant.parse(withFraction));
		}
	}

	@Test
	void decodesAnEncodedVersionId() {
		Path manifest = new InventoryFixture(this.root, "acme").schema("Bucket, Key, VersionId")
			.dataFile("a.csv", "acme,k,abc%2Bdef%2Fg", "acme,k,abc+def/g")
			.write();

		assertThat(readAll(reader(manifest, ""))).extracting(ManifestEntry::versionId)
			.containsExactly("abc+def/g", "abc+def/g");
	}

	@Test
	void skipsKeysOutsideTheSourcePrefix() {
		Path manifest = new InventoryFixture(this.root, "acme")
			.dataFile("a.csv.gz", "acme,logs/1,1", "acme,photos/1,1", "acme,logs/2,1", "acme,photos+2,1")
			.write();

		assertThat(readAll(reader(manifest, "logs/"))).extracting(ManifestEntry::key)
			.containsExactly("logs/1", "logs/2");
	}

	@Test
	void refusesADataFileWhoseMd5DoesNotMatchBeforeReadingAnyOfIt() {
		byte[] stored = InventoryFixture.gzip("acme,a,1\nacme,b,2\n".getBytes(StandardCharsets.UTF_8));
		Path manifest = new InventoryFixture(this.root, "acme").dataFile("good.csv", "acme,ok,1")
			.dataFile("bad.csv.gz", stored, "0123456789abcdef0123456789abcdef")
			.write();
		InventoryManifestReader reader = reader(manifest, "");
		reader.open(new ExecutionContext());

		assertThat(reader.read()).extracting(ManifestEntry::key).isEqualTo("ok");
		assertThatThrownBy(reader::read).isInstanceOf(ManifestException.class)
			.hasMessageContaining("data file ")
			.hasMessageContaining("bad.csv.gz")
			.hasMessageContaining("does not match manifest.json")
			.hasMessageContaining("expected 0123456789abcdef0123456789abcdef")
			.hasMessageContaining("got " + InventoryManifest.md5Hex(stored));
		reader.close();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
			'"acme","unterminated,1'             | unterminated quoted field
			'acme,a,1,extra'                     | expected 3 fields
			'acme,a'                             | expected 3 fields
			'acme,a,ten'                         | Size is not a byte count
			'acme,a,-1'                          | Size is not a byte count
			'"acme"x,a,1'                        | after closing quote
			'acme,,1'                            | empty key
			'acme,caf%C3%28,1'                   | invalid UTF-8 sequence after URL-decoding the key: caf%C3%28
			'acme,bad%2,1'                       | incomplete %-escape at the end of the key: bad%2
			'acme,bad%zz,1'                      | in the key: bad%zz
			""")
	void namesFileAndLineOfAMalformedRow(String row, String problem) {
		Path manifest = new InventoryFixture(this.root, "acme").dataFile("rows.csv.gz", "acme,fine,1", row).write();

		assertThatThrownBy(() -> readAll(reader(manifest, ""))).isInstanceOf(ManifestException.class)
			.hasMessageContaining("rows.csv.gz line 2: ")
			.hasMessageContaining(problem);
	}

	@Test
	void refusesAKeyLongerThan1024Bytes() {
		String longKey = "%C3%A9".repeat(513);
		Path manifest = new InventoryFixture(this.root, "acme").dataFile("rows.csv", "acme," + longKey + ",1").write();

		assertThatThrownBy(() -> readAll(reader(manifest, ""))).isInstanceOf(ManifestException.class)
			.hasMessageContaining("rows.csv line 1: key is 1026 bytes long");
	}

	@Test
	void refusesBytesThatAreNotUtf8() {
		byte[] stored = "acme,ok,1\nacme,caf\u00e9,1\nacme,\u00ff".getBytes(StandardCharsets.ISO_8859_1);
		Path manifest = new InventoryFixture(this.root, "acme")
			.dataFile("latin1.csv", stored, InventoryManifest.md5Hex(stored))
			.write();

		assertThatThrownBy(() -> readAll(reader(manifest, ""))).isInstanceOf(ManifestException.class)
			.hasMessageContaining("latin1.csv line 2: not valid UTF-8");
	}

	@Test
	void refusesARowOfAnotherBucket() {
		Path manifest = new InventoryFixture(this.root, "acme")
			.dataFile("rows.csv.gz", "acme,a,1", "acme,b,1", "other-bucket,c,1")
			.write();

		assertThatThrownBy(() -> readAll(reader(manifest, ""))).isInstanceOf(ManifestException.class)
			.hasMessageContaining("rows.csv.gz line 3: ")
			.hasMessageContaining("'other-bucket'")
			.hasMessageContaining("'acme'");
	}

	@Test
	void refusesAReportOfAnotherBucket() {
		Path manifest = new InventoryFixture(this.root, "other-bucket").dataFile("a.csv", "other-bucket,a,1").write();

		assertThatThrownBy(() -> readAll(reader(manifest, ""))).isInstanceOf(ManifestException.class)
			.hasMessageContaining(
					"manifest.json: sourceBucket is 'other-bucket', but the job's source bucket is 'acme'");
	}

	@Test
	void refusesOrcAndParquetReports() {
		Path manifest = new InventoryFixture(this.root, "acme").format("ORC").write();

		assertThatThrownBy(() -> readAll(reader(manifest, ""))).isInstanceOf(ManifestException.class)
			.hasMessageContaining("manifest.json: fileFormat ORC is not supported");
	}

	@Test
	void needsBucketAndKeyColumns() {
		Path manifest = new InventoryFixture(this.root, "acme").schema("Bucket, Size, ETag").write();

		assertThatThrownBy(() -> readAll(reader(manifest, ""))).isInstanceOf(ManifestException.class)
			.hasMessageContaining("manifest.json: fileSchema has no Key column");
	}

	@Test
	void refusesAManifestJsonThatDoesNotMatchItsChecksum() throws Exception {
		Path manifest = new InventoryFixture(this.root, "acme").dataFile("a.csv", "acme,a,1").write();
		Files.writeString(manifest.resolveSibling("manifest.checksum"), "0123456789abcdef0123456789abcdef\n");

		assertThatThrownBy(() -> readAll(reader(manifest, ""))).isInstanceOf(ManifestException.class)
			.hasMessageContaining("MD5 of manifest.json does not match");
	}

	@Test
	void namesAMissingManifest() {
		Path missing = this.root.resolve("nowhere/manifest.json");

		assertThatThrownBy(() -> readAll(reader(missing, ""))).isInstanceOf(ManifestException.class)
			.hasMessage("manifest not found: " + missing);
	}

	@Test
	void namesAMissingDataFileAndWhereItLooked() {
		InventoryFixture fixture = new InventoryFixture(this.root, "acme");
		Path manifest = fixture.missingDataFile("gone.csv.gz").write();

		assertThatThrownBy(() -> readAll(reader(manifest, ""))).isInstanceOf(ManifestException.class)
			.hasMessageContaining(
					"data file " + fixture.dataKey("gone.csv.gz") + " listed in " + manifest + " not found")
			.hasMessageContaining(this.root.resolve(fixture.dataKey("gone.csv.gz")).toString());
	}

	@Test
	void findsDataFilesOfACopiedReportInADataFolderBesideIt() throws Exception {
		// A report copied out of its bucket: only the dated folder and the data folder,
		// keys no longer match paths.
		Path manifest = new InventoryFixture(this.root.resolve("original"), "acme").dataFile("x.csv.gz", "acme,a,1")
			.write();
		Path copy = this.root.resolve("copy");
		Files.createDirectories(copy.resolve("2024-06-12T01-00Z"));
		Files.createDirectories(copy.resolve("data"));
		Files.copy(manifest, copy.resolve("2024-06-12T01-00Z/manifest.json"));
		Files.copy(this.root.resolve("original/inventory/acme/daily/data/x.csv.gz"), copy.resolve("data/x.csv.gz"));

		assertThat(readAll(reader(copy.resolve("2024-06-12T01-00Z/manifest.json"), ""))).extracting(ManifestEntry::key)
			.containsExactly("a");
	}

	@Test
	void restartsAfterTheLastItemSavedAcrossDataFiles() {
		Path manifest = new InventoryFixture(this.root, "acme").dataFile("1.csv.gz", "acme,k1,1", "acme,k2,1")
			.dataFile("2.csv", "acme,k3,1", "acme,skipped/k,1", "acme,k4,1")
			.dataFile("3.csv.gz", "acme,k5,1", "acme,k6,1")
			.write();
		ExecutionContext context = new ExecutionContext();
		InventoryManifestReader first = reader(manifest, "k");
		first.open(context);
		first.read();
		first.read();
		first.read();
		first.update(context);
		first.read();
		first.close();

		assertThat(context.getInt("InventoryManifestReader.file.index")).isEqualTo(1);
		assertThat(context.getLong("InventoryManifestReader.file.line")).isEqualTo(1);
		assertThat(readAll(reader(manifest, "k"), context)).extracting(ManifestEntry::key)
			.containsExactly("k4", "k5", "k6");
	}

	@Test
	void restartsAtADataFileBoundaryAndAtTheEnd() {
		Path manifest = new InventoryFixture(this.root, "acme").dataFile("1.csv.gz", "acme,k1,1", "acme,k2,1")
			.dataFile("2.csv.gz", "acme,k3,1")
			.write();
		ExecutionContext context = new ExecutionContext();
		InventoryManifestReader first = reader(manifest, "");
		first.setName("plan");
		first.open(context);
		first.read();
		first.read();
		first.update(context);
		first.close();

		InventoryManifestReader second = reader(manifest, "");
		second.setName("plan");
		assertThat(readAll(second, context)).extracting(ManifestEntry::key).containsExactly("k3");
		assertThat(context.toMap()).containsKeys("plan.file.index", "plan.file.line");

		InventoryManifestReader third = reader(manifest, "");
		third.setName("plan");
		assertThat(readAll(third, context)).isEmpty();
	}

	private InventoryManifestReader reader(Path manifest, String prefix) {
		return new InventoryManifestReader(ManifestLocation.local(manifest), "acme", prefix, null);
	}

}
