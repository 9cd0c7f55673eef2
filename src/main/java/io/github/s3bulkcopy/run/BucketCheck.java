package io.github.s3bulkcopy.run;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.github.s3bulkcopy.Futures;
import io.github.s3bulkcopy.InvalidSetupException;
import io.github.s3bulkcopy.copy.S3Failure;
import io.github.s3bulkcopy.jobfile.BucketSide;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.util.Assert;

/**
 * Checks, before a run starts or resumes, that both buckets exist where the job file
 * says: a missing bucket or a wrong region is a mistake in the job file (exit 2) and is
 * better said once, plainly, than as a failure per object. An endpoint that cannot be
 * reached is a resumable failure (exit 3).
 */
class BucketCheck {

	private final BucketSide source;

	private final Supplier<S3Client> sourceClient;

	private final BucketSide destination;

	private final Supplier<S3Client> destinationClient;

	public BucketCheck(BucketSide source, Supplier<S3Client> sourceClient, BucketSide destination,
			Supplier<S3Client> destinationClient) {
		Assert.notNull(source, "source is required");
		Assert.notNull(sourceClient, "sourceClient is required");
		Assert.notNull(destination, "destination is required");
		Assert.notNull(destinationClient, "destinationClient is required");
		this.source = source;
		this.sourceClient = sourceClient;
		this.destination = destination;
		this.destinationClient = destinationClient;
	}

	/**
	 * @throws InvalidSetupException when a bucket is missing, in another region, or not
	 * accessible
	 * @throws EndpointUnreachableException when an endpoint does not answer
	 */
	public void check() {
		// Both sides at once: each is a round trip, and the source's client is usually
		// made here. A source that fails is still the failure told, as when one side
		// was asked after the other.
		CompletableFuture<Void> source = Futures.runOnOwnThread("bucket-check",
				() -> check("source", this.source, this.sourceClient));
		RuntimeException destinationFailure = null;
		try {
			check("destination", this.destination, this.destinationClient);
		}
		catch (RuntimeException ex) {
			destinationFailure = ex;
		}
		Futures.join(source);
		if (destinationFailure != null) {
			throw destinationFailure;
		}
	}

	private static void check(String role, BucketSide side, Supplier<S3Client> client) {
		String where = role + ".bucket " + side.bucket();
		try {
			client.get().headBucket((head) -> head.bucket(side.bucket()));
		}
		catch (AwsServiceException ex) {
			int status = ex.statusCode();
			String region = ex.awsErrorDetails() != null && ex.awsErrorDetails().sdkHttpResponse() != null
					? ex.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region").orElse(null)
					: null;
			if (status == 404) {
				throw new InvalidSetupException(where + " does not exist" + endpoint(side));
			}
			if (region != null && !region.equals(side.region())) {
				throw new InvalidSetupException(where + " is in region " + region + ", not " + side.region() + ": set "
						+ role + ".region: " + region);
			}
			if (status == 301 || status == 400) {
				throw new InvalidSetupException(where + " is not in region " + side.region() + " (HTTP " + status
						+ "): check " + role + ".region");
			}
			if (status == 403) {
				throw new InvalidSetupException(where + ": access denied to " + role + ".credentials (HTTP 403): "
						+ "the identity needs s3:ListBucket on the bucket; 'preflight --job' tells more"
						+ side.ownerHint(role));
			}
			throw new EndpointUnreachableException(where + ": " + S3Failure.of(ex).message(), ex);
		}
		catch (SdkClientException ex) {
			S3Failure failure = S3Failure.of(ex);
			if ("CredentialsUnavailable".equals(failure.errorCode())) {
				throw new EndpointUnreachableException(role + ".credentials: " + failure.message(), ex);
			}
			throw new EndpointUnreachableException("cannot reach the " + role + " endpoint"
					+ ((side.endpoint() != null) ? " " + side.endpoint() : "") + ": " + S3Failure.of(ex).message(), ex);
		}
	}

	private static String endpoint(BucketSide side) {
		return (side.endpoint() != null) ? " at " + side.endpoint() : " in region " + side.region();
	}

}
