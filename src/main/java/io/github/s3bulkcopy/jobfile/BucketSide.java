package io.github.s3bulkcopy.jobfile;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/** What the source and destination have in common: where the bucket is and who may use it. */
public interface BucketSide {

	String bucket();

	String prefix();

	String region();

	@Nullable URI endpoint();

	CredentialsSpec credentials();

	/** True when a plain-HTTP endpoint to a host other than loopback is allowed. */
	boolean allowInsecureEndpoint();

}
