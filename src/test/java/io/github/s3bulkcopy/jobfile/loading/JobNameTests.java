package io.github.s3bulkcopy.jobfile.loading;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@link JobFileLoader#jobName}: the name alone, or the full report of what is wrong. */
class JobNameTests {

	@TempDir
	Path dir;

	@Test
	void isTheNameTheLoadedJobHas() {
		Path example = Path.of("jobs/example.yml");

		assertThat(JobFileLoader.jobName(example)).isEqualTo(new JobFileLoader().load(example).spec().name());
	}

	@Test
	void needsNothingElseOfTheFile() throws Exception {
		Path job = Files.writeString(this.dir.resolve("job.yml"), "name: just-a-name\n");

		assertThat(JobFileLoader.jobName(job)).isEqualTo("just-a-name");
	}

	@Test
	void anInvalidNameIsReportedAsLoadingReportsIt() throws Exception {
		Path job = Files.writeString(this.dir.resolve("job.yml"), "name: -bad name\nsource:\n  bucket: a\n");

		JobFileException byName = catchThrowableOfType(JobFileException.class, () -> JobFileLoader.jobName(job));
		JobFileException byLoad = catchThrowableOfType(JobFileException.class, () -> new JobFileLoader().load(job));

		assertThat(byName).isNotNull();
		assertThat(byName.getMessage()).isEqualTo(byLoad.getMessage()).contains("name");
	}

	@Test
	void aMissingFileOrNotYamlIsReportedAsLoadingReportsIt() throws Exception {
		Path missing = this.dir.resolve("missing.yml");
		Path notYaml = Files.writeString(this.dir.resolve("list.yml"), "- a\n- b\n");

		for (Path job : new Path[] { missing, notYaml }) {
			JobFileException byName = catchThrowableOfType(JobFileException.class, () -> JobFileLoader.jobName(job));
			JobFileException byLoad = catchThrowableOfType(JobFileException.class, () -> new JobFileLoader().load(job));
			assertThat(byName.getMessage()).isEqualTo(byLoad.getMessage());
		}
	}

}
