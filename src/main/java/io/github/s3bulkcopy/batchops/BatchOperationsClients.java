package io.github.s3bulkcopy.batchops;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.s3bulkcopy.credentials.S3ClientFactory;
import io.github.s3bulkcopy.jobfile.BatchOperationsSpec;
import io.github.s3bulkcopy.jobfile.BucketSide;
import io.github.s3bulkcopy.jobfile.CredentialsSpec;
import io.github.s3bulkcopy.jobfile.JobSpec;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.util.Assert;

/**
 * The clients of a job's Batch Operations side, built on first use and closed with the context: S3 Control in the
 * job's region ({@link S3ControlCalls}), and S3 for the objects Batch Operations reads and writes (the manifest, the completion report).
 * Both act with {@code batch-operations.credentials}, or the source's when those are absent. The S3 objects are
 * reached at the source side's endpoint (none on AWS).
 */
public class BatchOperationsClients implements AutoCloseable {

	private final S3ClientFactory factory;

	private final JobSpec spec;

	private final Map<String, S3ControlCalls> controls = new ConcurrentHashMap<>();

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

	public S3ControlCalls control(BatchOperation operation) {
		return this.controls.computeIfAbsent(region(operation), this::newControl);
	}

	public S3Client objects(BatchOperation operation) {
		return this.objects.computeIfAbsent(region(operation), (region) -> this.factory.syncClient(side(region), this.spec.copy().maxAttempts()));
	}

	private S3ControlCalls newControl(String region) {
		BatchOperationsSpec batch = batch();
		// AWS's endpoint starts with the account id; a custom one is used as it is.
		URI endpoint = (batch.endpoint() != null) ? batch.endpoint()
				: S3ControlCalls.awsEndpoint(batch.accountId(), region);
		return new S3ControlCalls(endpoint, region, this.factory.credentials(side(region)));
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
		this.objects.values().forEach(S3Client::close);
	}

	/** The Batch Operations side as the client factory sees a side: a region, an endpoint and who acts. */
	private record Side(String bucket, String region, @Nullable URI endpoint, CredentialsSpec credentials,
			boolean allowInsecureEndpoint) implements BucketSide {

		@Override
		public String prefix() {
			return "";
		}

	}

}
