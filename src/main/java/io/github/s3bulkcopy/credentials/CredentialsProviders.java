package io.github.s3bulkcopy.credentials;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.s3bulkcopy.jobfile.BucketSide;
import io.github.s3bulkcopy.jobfile.CredentialsSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import org.springframework.util.Assert;

/**
 * The credentials providers of a job, one per distinct {@link CredentialsSpec} (and STS
 * region), shared by every client of the sides that use it, so a role is assumed once per
 * credential lifetime however many clients there are. Closing this closes them all, with
 * their STS clients and refresh threads.
 * <p>
 * A role is assumed with the SDK's {@link StsAssumeRoleCredentialsProvider}, refreshing
 * in the background before expiry; a profile resolves with
 * {@link ProfileCredentialsProvider}, which also assumes the role of a profile with
 * {@code role_arn} and {@code source_profile}; an empty spec is the default chain.
 */
public class CredentialsProviders implements AutoCloseable {

	/** The session name when the job file names none. */
	public static final String DEFAULT_SESSION_NAME = "s3-bulk-copy";

	/** The session duration when the job file names none (STS's own default). */
	public static final Duration DEFAULT_DURATION = Duration.ofHours(1);

	private static final Logger logger = LoggerFactory.getLogger(CredentialsProviders.class);

	private final RoleRefresh refresh;

	private final Map<Key, AwsCredentialsProvider> providers = new LinkedHashMap<>();

	private final List<SdkAutoCloseable> closeables = new ArrayList<>();

	public CredentialsProviders(RoleRefresh refresh) {
		Assert.notNull(refresh, "refresh is required");
		this.refresh = refresh;
	}

	/**
	 * The provider a side acts with; the same instance for every side with the same spec
	 * and STS region.
	 */
	public synchronized AwsCredentialsProvider forSide(BucketSide side) {
		CredentialsSpec spec = side.credentials();
		Key key = new Key(spec, (spec.roleArn() != null) ? StsClients.region(spec, side.region()) : "");
		return this.providers.computeIfAbsent(key, (k) -> create(spec, side.region()));
	}

	/**
	 * The identity that assumes a side's role: its base profile, or the default chain.
	 * Not cached: for preflight.
	 */
	public static AwsCredentialsProvider baseProvider(CredentialsSpec spec) {
		return (spec.baseProfile() != null)
				? ProfileCredentialsProvider.builder().profileName(spec.baseProfile()).build()
				: DefaultCredentialsProvider.builder().build();
	}

	/** The AssumeRole request a role spec stands for, with the defaults filled in. */
	public static AssumeRoleRequest assumeRoleRequest(CredentialsSpec spec) {
		Assert.notNull(spec.roleArn(), "a role-arn is required");
		Duration duration = (spec.duration() != null) ? spec.duration() : DEFAULT_DURATION;
		return AssumeRoleRequest.builder()
			.roleArn(spec.roleArn())
			.roleSessionName((spec.sessionName() != null) ? spec.sessionName() : DEFAULT_SESSION_NAME)
			.durationSeconds((int) duration.toSeconds())
			.externalId(spec.externalId())
			.build();
	}

	private AwsCredentialsProvider create(CredentialsSpec spec, String sideRegion) {
		if (spec.roleArn() != null) {
			AwsCredentialsProvider base = remember(baseProvider(spec));
			StsClient sts = remember(StsClients.create(spec, sideRegion, base));
			logger.debug("Credentials: assuming role {} through STS in {}", spec.roleArn(),
					StsClients.region(spec, sideRegion));
			return remember(StsAssumeRoleCredentialsProvider.builder()
				.stsClient(sts)
				.refreshRequest(assumeRoleRequest(spec))
				.asyncCredentialUpdateEnabled(true)
				.staleTime(this.refresh.staleTime())
				.prefetchTime(this.refresh.prefetchTime())
				.build());
		}
		if (spec.profile() != null) {
			return remember(ProfileCredentialsProvider.builder().profileName(spec.profile()).build());
		}
		return remember(DefaultCredentialsProvider.builder().build());
	}

	private <T> T remember(T resource) {
		if (resource instanceof SdkAutoCloseable closeable) {
			this.closeables.add(closeable);
		}
		return resource;
	}

	/** Closes the providers first, then what they use (STS clients, base providers). */
	@Override
	public synchronized void close() {
		for (int i = this.closeables.size() - 1; i >= 0; i--) {
			try {
				this.closeables.get(i).close();
			}
			catch (RuntimeException ex) {
				logger.debug("Closing a credentials provider failed", ex);
			}
		}
		this.closeables.clear();
		this.providers.clear();
	}

	private record Key(CredentialsSpec spec, String stsRegion) {

	}

}
