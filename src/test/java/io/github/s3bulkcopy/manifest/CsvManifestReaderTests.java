package io.github.s3bulkcopy.manifest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import static io.github.s3bulkcopy.manifest.ManifestReading.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class CsvManifestReaderTests {

	@TempDir
	Path folder;

	@Test
	void readsBucketKeyRowsWithFormDecodedKeys() throws Exception {
		Path csv = write("acme,a+b%2Bc", "\"acme\",\"x%20y\"", "acme,caf%C3%A9", "acme,100%25");

		List<ManifestEntry> entries = readAll(reader(csv, ""));

		assertThat(entries).extracting(ManifestEntry::bucket, ManifestEntry::key, ManifestEntry::versionId)
			.containsExactly(tuple("acme", "a b+c", null), tuple("acme", "x y", null), tuple("acme", "café", null),
					tuple("acme", "100%", null));
		assertThat(entries.get(3).origin()).isEqualTo(csv + ":4");
	}

	@Test
	void readsVersionIds() throws Exception {
		Path csv = write("acme,doc,3/L4kq+rmS", "acme,doc,v1", "acme,other,abc%2Bdef");

		assertThat(readAll(reader(csv, ""))).extracting(ManifestEntry::key, ManifestEntry::versionId)
			.containsExactly(tuple("doc", "3/L4kq+rmS"), tuple("doc", "v1"), tuple("other", "abc+def"));
	}

	@Test
	void refusesVersionIdsOnSomeRowsOnly() throws Exception {
		assertThatThrownBy(() -> readAll(reader(write("acme,a,v1", "acme,b,v2", "acme,c"), "")))
			.isInstanceOf(ManifestException.class)
			.hasMessageContaining("line 3: no version id, but earlier rows have one");
		assertThatThrownBy(() -> readAll(reader(write("acme,a", "acme,b,v2"), "")))
			.isInstanceOf(ManifestException.class)
			.hasMessageContaining("line 2: a version id, but earlier rows have none");
	}

	@Test
	void ignoresBlankLinesAtTheEndOnly() throws Exception {
		assertThat(readAll(reader(write("acme,a", "acme,b", "", "  ", ""), ""))).extracting(ManifestEntry::key)
			.containsExactly("a", "b");
		assertThatThrownBy(() -> readAll(reader(write("acme,a", "", "acme,b"), "")))
			.isInstanceOf(ManifestException.class)
			.hasMessageContaining("line 2: blank line before more rows");
	}

	@Test
	void readsCrLfLineEnds() throws Exception {
		Path csv = Files.writeString(this.folder.resolve("crlf.csv"), "acme,a\r\nacme,b,\r\n");

		assertThat(readAll(reader(csv, ""))).extracting(ManifestEntry::key).containsExactly("a", "b");
	}

	@Test
	void skipsKeysOutsideTheSourcePrefix() throws Exception {
		Path csv = write("acme,logs/1", "acme,photos/1", "acme,logs%2F2");

		assertThat(readAll(reader(csv, "logs/"))).extracting(ManifestEntry::key).containsExactly("logs/1", "logs/2");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
			'acme'                   | found 1 field(s)
			'acme,a,v1,extra'        | found 4 field(s)
			'acme,'                  | empty key
			'acme,""'                | empty key
			'"acme,a'                | unterminated quoted field
			'other-bucket,a'         | row names bucket 'other-bucket', but the source bucket is 'acme'
			'acme,caf%C3%28'         | invalid UTF-8 sequence after URL-decoding the key: caf%C3%28
			'acme,a,v%2'             | incomplete %-escape at the end of the version id: v%2
			""")
	void namesFileAndLineOfAMalformedRow(String row, String problem) throws Exception {
		Path csv = write("acme,fine", "acme,fine+too", row);

		assertThatThrownBy(() -> readAll(reader(csv, ""))).isInstanceOf(ManifestException.class)
			.hasMessageContaining(csv + " line 3: ")
			.hasMessageContaining(problem);
	}

	@Test
	void namesAMissingManifest() {
		Path missing = this.folder.resolve("missing.csv");

		assertThatThrownBy(() -> readAll(reader(missing, ""))).isInstanceOf(ManifestException.class)
			.hasMessage("manifest not found: " + missing);
	}

	@Test
	void restartsAfterTheLastItemSaved() throws Exception {
		Path csv = write("acme,k1,v", "acme,k2,v", "acme,other,v", "acme,k3,v", "acme,k4,v", "acme,k5,v", "");
		ExecutionContext context = new ExecutionContext();
		CsvManifestReader first = reader(csv, "k");
		first.open(context);
		first.read();
		first.read();
		first.read();
		first.update(context);
		first.read();
		first.close();

		assertThat(context.getLong("CsvManifestReader.line")).isEqualTo(4);
		assertThat(readAll(reader(csv, "k"), context)).extracting(ManifestEntry::key).containsExactly("k4", "k5");
		assertThat(readAll(reader(csv, "k"), context)).isEmpty();
	}

	@Test
	void keepsCheckingVersionIdsAfterARestart() throws Exception {
		Path csv = write("acme,a,v1", "acme,b,v2", "acme,c");
		ExecutionContext context = new ExecutionContext();
		CsvManifestReader first = reader(csv, "");
		first.setName("plan");
		first.open(context);
		first.read();
		first.read();
		first.update(context);
		first.close();

		CsvManifestReader second = reader(csv, "");
		second.setName("plan");
		second.open(context);
		assertThatThrownBy(second::read).isInstanceOf(ManifestException.class)
			.hasMessageContaining("line 3: no version id");
		second.close();
	}

	@Test
	void refusesARestartPositionPastTheEnd() throws Exception {
		Path csv = write("acme,a");
		ExecutionContext context = new ExecutionContext();
		context.putLong("CsvManifestReader.line", 5);

		assertThatThrownBy(() -> reader(csv, "").open(context)).isInstanceOf(ManifestException.class)
			.hasMessageContaining("restart position is line 5 but the file has only 1 lines");
	}

	private Path write(String... lines) throws Exception {
		Path file = Files.createTempFile(this.folder, "manifest-", ".csv");
		return Files.writeString(file, String.join("\n", lines) + "\n");
	}

	private CsvManifestReader reader(Path csv, String prefix) {
		return new CsvManifestReader(ManifestLocation.local(csv), "acme", prefix, null);
	}

}
