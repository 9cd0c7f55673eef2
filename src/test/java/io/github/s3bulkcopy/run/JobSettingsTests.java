package io.github.s3bulkcopy.run;

import java.nio.file.Path;

import io.github.s3bulkcopy.jobfile.loading.JobFileLoader;
import io.github.s3bulkcopy.ledger.LedgerCounts;
import io.github.s3bulkcopy.report.RunMetadata;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;

import static org.assertj.core.api.Assertions.assertThat;

class JobSettingsTests {

	@Test
	void listsEverySettingWithTheJobFilesNamesDefaultsIncluded() {
		var settings = JobSettings.of(new JobFileLoader().load(Path.of("jobs/example.yml")).spec());

		assertThat(settings).extracting(RunMetadata.Setting::property)
			.startsWith("name", "source.bucket", "source.prefix")
			.contains("source.credentials.role-arn", "copy.multipart-threshold", "verify.method", "report.location");
		assertThat(settings).contains(new RunMetadata.Setting("copy.concurrency", "auto"),
				new RunMetadata.Setting("verify.method", "auto"), new RunMetadata.Setting("copy.part-size", "256 MiB"),
				new RunMetadata.Setting("destination.sse-kms-key-id", ""));
	}

	@Test
	void autoConcurrencyShowsTheBoundsItUsesWhenTheJobFileSetsNone() {
		var settings = JobSettings.of(new JobFileLoader().load(Path.of("jobs/example.yml")).spec());

		assertThat(settings).contains(new RunMetadata.Setting("copy.min-concurrency", "4"),
				new RunMetadata.Setting("copy.max-concurrency", "512"));
	}

	@Test
	void aStartedRunWithPendingObjectsIsRunningAndOneWithoutIsFinishing() {
		LedgerCounts pending = new LedgerCounts(10, 4, 6, 0, 0, 0, 0, 0, 6, 0, 0, 0);
		LedgerCounts done = new LedgerCounts(10, 0, 9, 0, 1, 0, 0, 0, 9, 0, 0, 0);

		assertThat(LedgerRunReporter.status(BatchStatus.STARTED, pending)).isEqualTo("RUNNING");
		assertThat(LedgerRunReporter.status(BatchStatus.STARTED, done)).isEqualTo("COMPLETED_WITH_FAILURES");
		assertThat(LedgerRunReporter.status(BatchStatus.FAILED, pending)).isEqualTo("FAILED");
		assertThat(LedgerRunReporter.status(BatchStatus.STOPPED, pending)).isEqualTo("STOPPED");
		assertThat(LedgerRunReporter.status(BatchStatus.COMPLETED, done)).isEqualTo("COMPLETED_WITH_FAILURES");
	}

}
