package io.github.s3bulkcopy.jobfile;

import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

import jakarta.validation.constraints.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.convert.DurationUnit;

/**
 * Who acts on one side of the copy. Never access keys: a role to assume, a named profile,
 * or (all empty) the default credential chain.
 *
 * @param roleArn a role to assume with STS
 * @param externalId the external id the role's trust policy requires
 * @param sessionName the role session name (shows in CloudTrail)
 * @param duration how long each set of role credentials lives (15m to 12h; a bare number
 * is seconds); they are refreshed before expiry
 * @param stsRegion the region of the STS endpoint
 * @param stsEndpoint an STS endpoint to use instead of the regional one
 * @param baseProfile the profile whose identity assumes the role (default chain when
 * absent)
 * @param profile a named profile from ~/.aws/config (may itself assume a role)
 */
public record CredentialsSpec(
		@Nullable @Pattern(regexp = "arn:aws[-a-z]*:iam::\\d{12}:role/[\\w+=,.@/-]+",
				message = "must look like arn:aws:iam::123456789012:role/name") String roleArn,
		@Nullable @Pattern(regexp = "[\\w+=,.@:/-]{2,1224}",
				message = "must be 2 to 1224 letters, digits or + = , . @ : / - characters") String externalId,
		@Nullable @Pattern(regexp = "[\\w+=,.@-]{2,64}",
				message = "must be 2 to 64 letters, digits or + = , . @ - characters") String sessionName,
		@Nullable @DurationUnit(ChronoUnit.SECONDS) Duration duration, @Nullable String stsRegion,
		@Nullable URI stsEndpoint, @Nullable String baseProfile, @Nullable String profile) {

	/** True when nothing is set, so the default credential chain applies. */
	public boolean isDefaultChain() {
		return this.roleArn == null && this.profile == null;
	}

}
