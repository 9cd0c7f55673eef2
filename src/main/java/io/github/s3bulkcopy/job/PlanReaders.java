package io.github.s3bulkcopy.job;

import java.util.function.Supplier;

import io.github.s3bulkcopy.jobfile.JobSpec;
import io.github.s3bulkcopy.manifest.ManifestEntry;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.batch.infrastructure.item.ItemStreamReader;

/** Chooses the plan step's reader for the job's manifest. */
final class PlanReaders {

	private PlanReaders() {
	}

	static ItemStreamReader<ManifestEntry> reader(JobSpec spec, Supplier<S3Client> s3) {
		throw new UnsupportedOperationException("manifest readers arrive with the manifest package");
	}

}
