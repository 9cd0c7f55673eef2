package io.github.s3bulkcopy.preflight;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.github.s3bulkcopy.copy.S3Failure;
import io.github.s3bulkcopy.jobfile.BucketSide;
import io.github.s3bulkcopy.manifest.ManifestLocation;
import io.github.s3bulkcopy.policies.JobPolicies;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.RequestPayer;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 checks of preflight: bucket, region and versioning, reading the source, writing
 * the destination.
 */
final class BucketChecks {

	private BucketChecks() {
	}

	/**
	 * HeadBucket, the bucket's region against the job's, and (as a fact) its versioning
	 * state.
	 */
	static boolean bucket(S3Client s3, BucketSide side, String name, String principal, List<Check> checks) {
		String bucket = side.bucket();
		HeadBucketResponse head;
		try {
			head = s3.headBucket((request) -> request.bucket(bucket));
		}
		catch (RuntimeException ex) {
			S3Failure failure = S3Failure.of(ex);
			String fix = switch (failure.httpStatus() == null ? 0 : failure.httpStatus()) {
				case 404 -> "bucket " + bucket + " does not exist, or (on S3-compatible servers) belongs to an account "
						+ principal + " cannot see: check " + name + ".bucket and " + name + ".credentials";
				case 403 -> principal + " may not access bucket " + bucket + ": its permission policy or the bucket "
						+ "policy does not grant s3:ListBucket on arn:aws:s3:::" + bucket + " ('policies --job FILE')"
						+ side.ownerHint(name);
				case 301 -> "bucket " + bucket + " is in another region: set " + name + ".region to it";
				default -> "S3 could not be reached or refused: check " + name + ".endpoint and the network";
			};
			checks.add(Check.fail("bucket", "HeadBucket s3://" + bucket + ": " + IdentityCheck.describe(ex), fix));
			return false;
		}
		String region = head.bucketRegion();
		if (region != null && !region.equals(side.region()) && side.endpoint() == null) {
			checks.add(Check.fail("bucket", "s3://" + bucket + " is in " + region + ", the job says " + side.region(),
					"set " + name + ".region: " + region));
			return false;
		}
		checks.add(Check.pass("bucket", "s3://" + bucket + " exists" + ((region != null) ? ", region " + region
				: ", region not reported (job says " + side.region() + ")")));
		try {
			String status = s3.getBucketVersioning((request) -> request.bucket(bucket)).statusAsString();
			checks.add(Check.info("versioning", (status != null) ? status : "never enabled"));
		}
		catch (RuntimeException ex) {
			checks.add(Check.info("versioning",
					"unknown (" + S3Failure.of(ex).errorCode() + "; s3:GetBucketVersioning is not needed to copy)"));
		}
		return true;
	}

	/**
	 * ListObjectsV2 (max 1) under the prefix, then HeadObject of the key found; returns
	 * that key.
	 */
	static @Nullable String read(S3Client s3, BucketSide side, String principal, List<Check> checks) {
		String bucket = side.bucket();
		Runnable payingList = () -> s3.listObjectsV2(
				(list) -> list.bucket(bucket).prefix(side.prefix()).maxKeys(1).requestPayer(RequestPayer.REQUESTER));
		S3Object first;
		try {
			List<S3Object> found = s3.listObjectsV2((list) -> list.bucket(bucket).prefix(side.prefix()).maxKeys(1))
				.contents();
			first = found.isEmpty() ? null : found.get(0);
			checks.add(Check.pass("list", "s3://" + bucket + "/" + side.prefix() + ": "
					+ ((first != null) ? "first key " + first.key() : "no objects under the prefix")));
		}
		catch (RuntimeException ex) {
			checks.add(Check.fail("list",
					"ListObjectsV2 s3://" + bucket + "/" + side.prefix() + ": " + IdentityCheck.describe(ex),
					requesterPays(ex, side, payingList).orElse("the source bucket policy "
							+ "or the permission policy of " + principal + " does not grant s3:ListBucket on "
							+ "arn:aws:s3:::" + bucket + " ('policies --job FILE')" + side.ownerHint("source"))));
			return null;
		}
		if (first == null) {
			checks.add(Check.skip("read", "no object to read under the prefix"));
			return null;
		}
		try {
			HeadObjectResponse head = s3.headObject((request) -> request.bucket(bucket).key(first.key()));
			checks.add(Check.pass("read",
					"HeadObject s3://" + bucket + "/" + first.key() + ": " + head.contentLength() + " bytes"));
			return first.key();
		}
		catch (RuntimeException ex) {
			Runnable payingHead = () -> s3
				.headObject((request) -> request.bucket(bucket).key(first.key()).requestPayer(RequestPayer.REQUESTER));
			checks.add(Check.fail("read",
					"HeadObject s3://" + bucket + "/" + first.key() + ": " + IdentityCheck.describe(ex),
					requesterPays(ex, side, payingHead).orElse("the source bucket "
							+ "policy does not grant s3:GetObject to " + principal + " (or the object is encrypted "
							+ "with a KMS key it may not use)" + side.ownerHint("source"))));
			return null;
		}
	}

	/**
	 * After a 403 from a bucket the job does not call requester pays: the request again,
	 * saying the requester pays. If that succeeds, the bucket is requester pays (S3
	 * refuses anyone but the owner a request that does not say so), and the fix is the
	 * job file's.
	 */
	private static Optional<String> requesterPays(RuntimeException ex, BucketSide side, Runnable saidToPay) {
		Integer status = S3Failure.of(ex).httpStatus();
		if (status == null || status != 403 || side.requesterPays()) {
			return Optional.empty();
		}
		try {
			saidToPay.run();
		}
		catch (RuntimeException stillDenied) {
			return Optional.empty();
		}
		return Optional.of("the bucket is requester pays: set source.requester-pays: true (the request succeeded "
				+ "when it said the requester pays)");
	}

	/**
	 * The destination's principal reads one byte of a source object, as a server-side
	 * copy needs.
	 */
	static void serverSideRead(S3Client destination, String bucket, String key, String principal, List<Check> checks) {
		try {
			destination.getObject((get) -> get.bucket(bucket).key(key).range("bytes=0-0"),
					ResponseTransformer.toBytes());
			checks.add(Check.pass("server-side read", principal + " can read s3://" + bucket + "/" + key));
		}
		catch (RuntimeException ex) {
			checks.add(Check.fail("server-side read",
					"GetObject s3://" + bucket + "/" + key + " as " + principal + ": " + IdentityCheck.describe(ex),
					"copy.mode is server-side, and the source bucket policy does not " + "grant s3:GetObject to "
							+ principal + ": add it (see 'policies --job FILE'), or set " + "copy.mode: stream"));
		}
	}

	/** The manifest object exists and the source's principal may read it. */
	static void manifest(S3Client s3, String location, String principal, List<Check> checks) {
		ManifestLocation manifest = ManifestLocation.parse(location);
		try {
			s3.headObject((head) -> head.bucket(manifest.bucket()).key(manifest.path()));
			checks.add(Check.pass("manifest", location + " is readable"));
		}
		catch (RuntimeException ex) {
			checks.add(Check.fail("manifest", "HeadObject " + location + ": " + IdentityCheck.describe(ex),
					"check manifest.location, and that " + principal + " may s3:GetObject it (and, for an inventory, "
							+ "its data files)"));
		}
	}

	/** Puts and deletes a marker object under the destination prefix. */
	static void write(S3Client s3, BucketSide side, String principal, List<Check> checks) {
		String key = side.prefix() + JobPolicies.PREFLIGHT_MARKER + UUID.randomUUID();
		String bucket = side.bucket();
		try {
			s3.putObject((put) -> put.bucket(bucket).key(key), RequestBody.fromString("s3-bulk-copy preflight"));
		}
		catch (RuntimeException ex) {
			checks.add(Check.fail("write", "PutObject s3://" + bucket + "/" + key + ": " + IdentityCheck.describe(ex),
					"the permission policy of " + principal + " (or the bucket policy) does not grant s3:PutObject on "
							+ "arn:aws:s3:::" + bucket + "/" + side.prefix() + "*"));
			return;
		}
		try {
			s3.deleteObject((delete) -> delete.bucket(bucket).key(key));
			checks.add(Check.pass("write", "put and deleted s3://" + bucket + "/" + key));
		}
		catch (RuntimeException ex) {
			checks
				.add(Check.fail("write", "DeleteObject s3://" + bucket + "/" + key + ": " + IdentityCheck.describe(ex),
						"the marker was written but not deleted: delete it by hand; " + principal + " lacks "
								+ "s3:DeleteObject on the marker (the policy from 'policies --job FILE' grants it)"));
		}
	}

}
