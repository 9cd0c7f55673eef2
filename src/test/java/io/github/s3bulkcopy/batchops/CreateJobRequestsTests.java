package io.github.s3bulkcopy.batchops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.s3bulkcopy.jobfile.JobSpec;
import io.github.s3bulkcopy.jobfile.loading.JobFileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3control.model.CreateJobRequest;
import software.amazon.awssdk.services.s3control.model.JobManifestFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The S3PutObjectCopy operation of a batch-copy says the requester pays when either
 * bucket is requester pays.
 */
class CreateJobRequestsTests {

	@TempDir
	Path dir;

	@Test
	void aCopyFromOrToARequesterPaysBucketSaysTheRequesterPays() throws IOException {
		String example = Files.readString(Path.of("jobs/batch-operations.yml"), StandardCharsets.UTF_8);
		JobSpec plain = load(example);
		JobSpec paidSource = load(example.replaceFirst("(?m)^source:\n", "source:\n  requester-pays: true\n"));
		JobSpec paidDestination = load(
				example.replaceFirst("(?m)^destination:\n", "destination:\n  requester-pays: true\n"));

		assertThat(copyOperationRequesterPays(plain)).isNull();
		assertThat(copyOperationRequesterPays(paidSource)).isTrue();
		assertThat(copyOperationRequesterPays(paidDestination)).isTrue();
	}

	private static Boolean copyOperationRequesterPays(JobSpec spec) {
		ManifestObject manifest = new ManifestObject("acme-manifests", "keys.csv", "etag", null,
				JobManifestFormat.S3_BATCH_OPERATIONS_CSV_20180820, List.of());
		CreateJobRequest request = CreateJobRequests.of(spec, BatchOperation.COPY, "us-east-1", manifest, "token", 1);
		return request.operation().s3PutObjectCopy().requesterPays();
	}

	private JobSpec load(String yaml) throws IOException {
		Path file = Files.writeString(Files.createTempFile(this.dir, "job", ".yml"), yaml, StandardCharsets.UTF_8);
		return new JobFileLoader().load(file).spec();
	}

}
