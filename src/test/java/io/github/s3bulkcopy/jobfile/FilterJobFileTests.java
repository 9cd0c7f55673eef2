package io.github.s3bulkcopy.jobfile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import io.github.s3bulkcopy.jobfile.loading.JobFileLoader;
import io.github.s3bulkcopy.jobfile.loading.JobFileProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.s3bulkcopy.jobfile.JobFiles.assertLoadingFails;
import static org.assertj.core.api.Assertions.assertThat;

class FilterJobFileTests {

	private static final String JOB = """
			name: copy-logs
			source:
			  bucket: acme-logs
			  prefix: logs/
			destination:
			  bucket: acme-logs-b
			manifest:
			  type: listing
			""";

	private final JobFileLoader loader = new JobFileLoader();

	@TempDir
	Path dir;

	@Test
	void noFilterSectionFiltersNothing() throws IOException {
		FilterSpec filter = this.loader.load(write(JOB)).spec().filter();

		assertThat(filter).isEqualTo(FilterSpec.NONE);
		assertThat(filter.isSet()).isFalse();
	}

	@Test
	void everyFilterIsReadTheWayPeopleWriteIt() throws IOException {
		FilterSpec filter = this.loader.load(write(JOB + """
				filter:
				  include: ["**/*.gz", "2026/*"]
				  exclude: ["**/tmp/**"]
				  min-size: 1KiB
				  max-size: 5GiB
				  modified-after: 2026-01-01
				  modified-before: 2026-06-30T12:00:00Z
				  storage-classes: [STANDARD, standard_ia]
				""")).spec().filter();

		assertThat(filter.include()).containsExactly("**/*.gz", "2026/*");
		assertThat(filter.exclude()).containsExactly("**/tmp/**");
		assertThat(filter.minSize()).isEqualTo(new ByteSize(1024));
		assertThat(filter.maxSize()).isEqualTo(ByteSize.ofMebibytes(5 * 1024));
		assertThat(filter.modifiedAfter()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
		assertThat(filter.modifiedBefore()).isEqualTo(Instant.parse("2026-06-30T12:00:00Z"));
		assertThat(filter.storageClasses()).containsExactly("STANDARD", "standard_ia");
		assertThat(filter.isSet()).isTrue();
	}

	@Test
	void inconsistentFiltersAreReportedWithTheirLines() throws IOException {
		Path file = write(JOB + """
				filter:
				  include: ["ok/*", "bad\\\\"]
				  min-size: 10MiB
				  max-size: 1MiB
				  modified-after: 2026-07-01
				  modified-before: 2026-01-01
				  storage-classes: [STANDARD, GLACIAR]
				""");

		assertLoadingFails(file).satisfies((ex) -> assertThat(ex.problems()).extracting(JobFileProblem::toString)
			.anySatisfy((line) -> assertThat(line).contains(":10:")
				.contains("filter.include[1]: is not a pattern: 'bad\\' ends with a lone backslash"))
			.anySatisfy((line) -> assertThat(line).contains(":12:")
				.contains("filter.max-size: must not be less than min-size"))
			.anySatisfy((line) -> assertThat(line).contains(":14:")
				.contains("filter.modified-before: must be later than modified-after"))
			.anySatisfy((line) -> assertThat(line).contains(":15:")
				.contains("filter.storage-classes[1]: 'GLACIAR' is not a storage class: one of ")
				.contains("DEEP_ARCHIVE")));
	}

	@Test
	void badValuesAreReported() throws IOException {
		Path file = write(JOB + """
				filter:
				  min-size: ten megabytes
				  modified-after: last tuesday
				""");

		assertLoadingFails(file).satisfies((ex) -> assertThat(ex.problems()).extracting(JobFileProblem::toString)
			.anySatisfy((line) -> assertThat(line).contains(":10:")
				.contains("filter.min-size: 'ten megabytes' is not a size"))
			.anySatisfy((line) -> assertThat(line).contains(":11:")
				.contains("filter.modified-after: 'last tuesday' is not a date or time")));
	}

	@Test
	void aFilterTypoIsAnswered() throws IOException {
		Path file = write(JOB + """
				filter:
				  min-szie: 1MiB
				""");

		assertLoadingFails(file).withMessageContaining("filter.min-szie").withMessageContaining("min-size");
	}

	@Test
	void aCsvManifestRefusesFiltersOnColumnsItDoesNotHave() throws IOException {
		Path file = write("""
				name: copy-logs
				source:
				  bucket: acme-logs
				destination:
				  bucket: acme-logs-b
				manifest:
				  type: csv
				  location: manifest.csv
				filter:
				  include: ["**/*.gz"]
				  min-size: 1KiB
				  modified-before: 2026-01-01
				  storage-classes: [STANDARD]
				""");

		assertLoadingFails(file).satisfies((ex) -> assertThat(ex.problems()).extracting(JobFileProblem::toString)
			.hasSize(3)
			.anySatisfy((line) -> assertThat(line).contains(":11:")
				.contains("filter.min-size: needs each object's size, and a csv manifest names only bucket, key "
						+ "and version"))
			.anySatisfy((line) -> assertThat(line).contains(":12:")
				.contains("filter.modified-before: needs each object's last-modified time"))
			.anySatisfy((line) -> assertThat(line).contains(":13:")
				.contains("filter.storage-classes[0]: needs each object's storage class")));
	}

	@Test
	void aCsvManifestTakesKeyPatterns() throws IOException {
		Path file = write("""
				name: copy-logs
				source:
				  bucket: acme-logs
				destination:
				  bucket: acme-logs-b
				manifest:
				  type: csv
				  location: manifest.csv
				filter:
				  exclude: ["**/tmp/**"]
				""");

		assertThat(this.loader.load(file).spec().filter().exclude()).containsExactly("**/tmp/**");
	}

	private Path write(String content) throws IOException {
		return JobFiles.write(this.dir, content);
	}

}
