package io.github.s3bulkcopy.batchops;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.s3bulkcopy.clients.S3ClientFactory;
import io.github.s3bulkcopy.jobfile.BatchOperationsSpec;
import io.github.s3bulkcopy.jobfile.BucketSide;
import io.github.s3bulkcopy.jobfile.CredentialsSpec;
import io.github.s3bulkcopy.jobfile.JobSpec;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.S3ControlClientBuilder;

import org.springframework.util.Assert;

/**
 * The clients of a job's Batch Operations side, built on first use and closed with the
 * context: S3 Control in the job's region, and S3 for the objects Batch Operations reads
 * and writes (the manifest, the completion report). Both act with
 * {@code batch-operations.credentials}, or the source's when those are absent. S3 Control
 * is AWS's ({@code https://<account>.s3-control.<region>.amazonaws.com}, from the SDK's
 * endpoint rules) unless {@code batch-operations.endpoint} names another, which is used
 * as it is ({@link CustomS3ControlEndpoint}); the S3 objects are reached at the source
 * side's endpoint (none on AWS).
 */
public class BatchOperationsClients implements AutoCloseable {

	private final S3ClientFactory factory;

	private final JobSpec spec;

	private final Map<String, S3ControlClient> controls = new ConcurrentHashMap<>();

	private final Map<String, S3Client> objects = new ConcurrentHashMap<>();

	public BatchOperationsClients(S3ClientFactory factory, JobSpec spec) {
		Assert.notNull(factory, "factory is required");
		Assert.notNull(spec, "spec is required");
		Assert.notNull(spec.batchOperations(), "the job file has no batch-operations section");
		this.factory = factory;
		this.spec = spec;
	}

	/** The region a job of this operation is created in. */
	public String region(BatchOperation operation) {
		BatchOperationsSpec batch = batch();
		if (batch.region() != null) {
			return batch.region();
		}
		return (operation == BatchOperation.COPY) ? this.spec.destination().region() : this.spec.source().region();
	}

	public S3ControlClient control(BatchOperation operation) {
		return this.controls.computeIfAbsent(region(operation), this::newControl);
	}

	public S3Client objects(BatchOperation operation) {
		return this.objects.computeIfAbsent(region(operation),
				(region) -> this.factory.syncClient(side(region), this.spec.copy().maxAttempts()));
	}

	private S3ControlClient newControl(String region) {
		BatchOperationsSpec batch = batch();
		S3ControlClientBuilder builder = S3ControlClient.builder()
			.region(Region.of(region))
			.credentialsProvider(this.factory.credentials(side(region)))
			// Three attempts on throttling, 5xx and I/O errors, with backoff: a
			// DescribeJob that fails for good fails
			// the wait step, which the next command resumes.
			.overrideConfiguration((config) -> config.retryStrategy(AwsRetryStrategy.standardRetryStrategy()));
		if (batch.endpoint() != null) {
			builder.endpointProvider(new CustomS3ControlEndpoint(batch.endpoint()));
		}
		return builder.build();
	}

	private BucketSide side(String region) {
		BatchOperationsSpec batch = batch();
		CredentialsSpec credentials = (batch.credentials() != null) ? batch.credentials()
				: this.spec.source().credentials();
		return new Side(this.spec.source().bucket(), region, this.spec.source().endpoint(), credentials,
				this.spec.source().allowInsecureEndpoint());
	}

	private BatchOperationsSpec batch() {
		BatchOperationsSpec batch = this.spec.batchOperations();
		Assert.state(batch != null, "the job file has no batch-operations section");
		return batch;
	}

	@Override
	public void close() {
		this.controls.values().forEach(S3ControlClient::close);
		this.objects.values().forEach(S3Client::close);
	}

	/**
	 * The Batch Operations side as the client factory sees a side: a region, an endpoint
	 * and who acts.
	 */
	private record Side(String bucket, String region, @Nullable URI endpoint, CredentialsSpec credentials,
			boolean allowInsecureEndpoint) implements BucketSide {

		@Override
		public String prefix() {
			return "";
		}

	}

}
