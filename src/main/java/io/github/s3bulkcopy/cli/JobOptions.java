package io.github.s3bulkcopy.cli;

import java.nio.file.Path;

import io.github.s3bulkcopy.jobfile.JobFile;
import io.github.s3bulkcopy.jobfile.loading.JobFileLoader;
import picocli.CommandLine.Option;

/** The {@code --job FILE} option the job commands share. */
class JobOptions {

	@Option(names = "--job", required = true, paramLabel = "FILE",
			description = "The job file (YAML; see jobs/example.yml for every property).")
	Path job;

	JobFile load() {
		return new JobFileLoader().load(this.job);
	}

}
