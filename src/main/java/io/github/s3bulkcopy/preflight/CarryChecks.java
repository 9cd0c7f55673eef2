package io.github.s3bulkcopy.preflight;

import java.util.List;

import io.github.s3bulkcopy.copy.S3Failure;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetBucketWebsiteResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockConfiguration;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;

/**
 * What preflight says about the properties a copy carries that depend on a bucket's
 * configuration, as the first copy of a run will see it: the source bucket's website
 * configuration (website redirect locations) and the destination bucket's Object Lock
 * (retention and legal hold). Facts, never failures: a copy works either way.
 */
final class CarryChecks {

	private CarryChecks() {
	}

	/** GetBucketWebsite of the source bucket. */
	static void website(S3Client s3, String bucket, String principal, List<Check> checks) {
		try {
			GetBucketWebsiteResponse website = s3.getBucketWebsite((request) -> request.bucket(bucket));
			checks.add(Check.info("website",
					(website.indexDocument() != null || website.redirectAllRequestsTo() != null)
							? "s3://" + bucket + " has a website configuration: each object's website redirect "
									+ "location is read (server-side copies make a HEAD of every source) and carried"
							: "no website configuration: website redirect locations are not looked up"));
		}
		catch (RuntimeException ex) {
			S3Failure failure = S3Failure.of(ex);
			int status = (failure.httpStatus() != null) ? failure.httpStatus() : 0;
			if (status == 404 || status == 501 || status == 405) {
				checks.add(Check.info("website",
						"no website configuration: website redirect locations are not looked up"));
			}
			else {
				checks.add(Check.info("website", "unknown: GetBucketWebsite s3://" + bucket + ": "
						+ IdentityCheck.describe(ex) + "; copies then read every source with a HEAD to find its "
						+ "website redirect location (grant " + principal + " s3:GetBucketWebsite on arn:aws:s3:::"
						+ bucket + " to spare them: 'policies --job FILE')"));
			}
		}
	}

	/** GetObjectLockConfiguration of the destination bucket. */
	static void objectLock(S3Client s3, String bucket, String principal, List<Check> checks) {
		try {
			ObjectLockConfiguration configuration = s3.getObjectLockConfiguration((request) -> request.bucket(bucket))
				.objectLockConfiguration();
			boolean enabled = configuration != null && configuration.objectLockEnabled() == ObjectLockEnabled.ENABLED;
			checks.add(Check.info("object lock",
					enabled ? "enabled on s3://" + bucket + ": the source's retention and legal hold are carried (the "
							+ "destination needs s3:PutObjectRetention and s3:PutObjectLegalHold, the source's reader "
							+ "s3:GetObjectRetention and s3:GetObjectLegalHold, or S3 leaves them out of the HEAD)"
							: "not enabled: retention and legal hold are not carried (the report says so)"));
		}
		catch (RuntimeException ex) {
			S3Failure failure = S3Failure.of(ex);
			int status = (failure.httpStatus() != null) ? failure.httpStatus() : 0;
			if (status == 404 || status == 501 || (status == 400 && "InvalidRequest".equals(failure.errorCode()))) {
				checks.add(Check.info("object lock",
						"not enabled: retention and legal hold are not carried (the report says so)"));
			}
			else {
				checks.add(Check.info("object lock",
						"unknown: GetObjectLockConfiguration s3://" + bucket + ": " + IdentityCheck.describe(ex)
								+ "; copies then carry no retention or legal hold (grant " + principal
								+ " s3:GetBucketObjectLockConfiguration on arn:aws:s3:::" + bucket
								+ ": 'policies --job FILE')"));
			}
		}
	}

}
