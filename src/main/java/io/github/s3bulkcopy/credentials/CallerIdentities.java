package io.github.s3bulkcopy.credentials;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.s3bulkcopy.clients.S3ClientFactory;
import io.github.s3bulkcopy.jobfile.BucketSide;
import io.github.s3bulkcopy.jobfile.CredentialsSpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sts.StsClient;

import org.springframework.util.Assert;

/**
 * Who each side acts as, for the audit summary: the ARN STS GetCallerIdentity returns for
 * the side's own credentials (an assumed role's session ARN; never a key). Looked up once
 * per side and process. A side on an S3-compatible endpoint without an STS named has no
 * AWS identity to look up, and a lookup that fails is logged: both are null.
 */
public class CallerIdentities {

	private static final Logger logger = LoggerFactory.getLogger(CallerIdentities.class);

	private final S3ClientFactory clients;

	private final Map<String, String> known = new ConcurrentHashMap<>();

	public CallerIdentities(S3ClientFactory clients) {
		Assert.notNull(clients, "clients is required");
		this.clients = clients;
	}

	/** The ARN the side acts as, or null when it cannot or need not be known. */
	public @Nullable String of(String role, BucketSide side) {
		CredentialsSpec spec = side.credentials();
		if (side.endpoint() != null && spec.stsEndpoint() == null) {
			return null;
		}
		String arn = this.known.computeIfAbsent(role, (key) -> lookUp(role, side, spec));
		return arn.isEmpty() ? null : arn;
	}

	private String lookUp(String role, BucketSide side, CredentialsSpec spec) {
		try (StsClient sts = StsClients.create(spec, side.region(), this.clients.credentials(side))) {
			return sts.getCallerIdentity().arn();
		}
		catch (RuntimeException ex) {
			logger.warn("The {} side's identity could not be looked up with STS GetCallerIdentity: {}", role,
					ex.getClass().getSimpleName());
			return "";
		}
	}

}
