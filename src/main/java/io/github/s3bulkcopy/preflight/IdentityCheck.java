package io.github.s3bulkcopy.preflight;

import java.util.List;

import io.github.s3bulkcopy.copy.S3Failure;
import io.github.s3bulkcopy.credentials.CredentialsProviders;
import io.github.s3bulkcopy.credentials.StsClients;
import io.github.s3bulkcopy.jobfile.BucketSide;
import io.github.s3bulkcopy.jobfile.CredentialsSpec;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Who a side acts as: for a role, first the identity that assumes it, then the role
 * (AssumeRole, then GetCallerIdentity with its credentials); otherwise GetCallerIdentity
 * with the profile's or default chain's.
 */
final class IdentityCheck {

	private IdentityCheck() {
	}

	/**
	 * Adds the identity checks of a side to {@code checks}.
	 * @return the ARN the side acts as, or null when its credentials do not work
	 */
	static @Nullable String run(BucketSide side, AwsCredentialsProvider credentials, List<Check> checks) {
		CredentialsSpec spec = side.credentials();
		if (spec.roleArn() == null) {
			String what = (spec.profile() != null) ? "profile " + spec.profile() : "default credential chain";
			if (side.endpoint() != null && spec.stsEndpoint() == null) {
				// Beside an S3-compatible endpoint with no STS named, AWS's STS knows
				// nothing of these keys: asking it
				// would only send them (signed) to a host the job never named.
				if (resolves(credentials)) {
					checks.add(Check.info("identity", what + " has credentials; no STS is named for this "
							+ "S3-compatible endpoint (credentials.sts-endpoint), so the identity is not looked up"));
					return what;
				}
				checks.add(Check.fail("identity", what + ": no credentials resolve",
						"set the keys in the environment or ~/.aws, or name a profile"));
				return null;
			}
			try (StsClient sts = StsClients.create(spec, side.region(), credentials)) {
				String arn = sts.getCallerIdentity().arn();
				checks.add(Check.pass("identity", what + " acts as " + arn));
				return arn;
			}
			catch (RuntimeException ex) {
				if (side.endpoint() != null && resolves(credentials)) {
					// An S3-compatible server usually comes without STS: the keys are all
					// there is to know.
					checks.add(Check.info("identity", what + " has credentials; STS did not answer ("
							+ S3Failure.of(ex).errorCode() + "), as is usual beside an S3-compatible endpoint"));
					return what;
				}
				checks.add(Check.fail("identity", what + ": " + describe(ex),
						"the " + what + " has no working credentials (or STS cannot be reached): check "
								+ ((spec.profile() != null)
										? "~/.aws/config and ~/.aws/credentials for [profile " + spec.profile() + "]"
										: "AWS_PROFILE, the environment and ~/.aws")));
				return null;
			}
		}
		String base = baseIdentity(side, checks);
		try {
			// Resolving the provider's credentials is the AssumeRole call.
			var resolved = credentials.resolveCredentials();
			try (StsClient sts = StsClients.create(spec, side.region(), StaticCredentialsProvider.create(resolved))) {
				GetCallerIdentityResponse identity = sts.getCallerIdentity();
				checks.add(Check.pass("assume role", spec.roleArn() + " as " + identity.arn()));
				return identity.arn();
			}
		}
		catch (RuntimeException ex) {
			S3Failure failure = S3Failure.of(ex);
			String principal = (base != null) ? base : "the base identity";
			String fix = "AccessDenied".equals(failure.errorCode())
					? "AccessDenied on AssumeRole: the trust policy of " + spec.roleArn() + " does not trust "
							+ principal
							+ ((spec.externalId() != null) ? ", or requires another external id than the one set"
									: ", or requires an external id (set external-id)")
							+ ", or " + principal + " lacks sts:AssumeRole on it; 'policies --job FILE' prints the "
							+ "trust policy"
					: "STS refused or could not be reached: check sts-region / sts-endpoint and the network";
			checks.add(Check.fail("assume role", spec.roleArn() + ": " + describe(ex), fix));
			return null;
		}
	}

	private static boolean resolves(AwsCredentialsProvider credentials) {
		try {
			credentials.resolveCredentials();
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static @Nullable String baseIdentity(BucketSide side, List<Check> checks) {
		CredentialsSpec spec = side.credentials();
		String what = (spec.baseProfile() != null) ? "profile " + spec.baseProfile() : "default credential chain";
		try (StsClient sts = StsClients.create(spec, side.region(), CredentialsProviders.baseProvider(spec))) {
			String arn = sts.getCallerIdentity().arn();
			checks.add(Check.pass("base identity", what + " acts as " + arn));
			return arn;
		}
		catch (RuntimeException ex) {
			checks.add(Check.fail("base identity", what + ": " + describe(ex),
					"the identity that assumes the role has no working credentials: set base-profile, or configure "
							+ "the default chain (AWS_PROFILE, environment, ~/.aws)"));
			return null;
		}
	}

	static String describe(Throwable error) {
		S3Failure failure = S3Failure.of(error);
		return failure.errorCode() + ((failure.httpStatus() != null) ? " (HTTP " + failure.httpStatus() + ")" : "")
				+ ": " + failure.message();
	}

}
