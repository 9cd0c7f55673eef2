package io.github.s3bulkcopy.jobfile;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * What the source and destination have in common: where the bucket is and who may use it.
 */
public interface BucketSide {

	String bucket();

	String prefix();

	String region();

	@Nullable URI endpoint();

	CredentialsSpec credentials();

	/** True when a plain-HTTP endpoint to a host other than loopback is allowed. */
	boolean allowInsecureEndpoint();

	/**
	 * Whether the bucket is requester pays ({@code requester-pays}); false where a side
	 * cannot say.
	 */
	default boolean requesterPays() {
		return false;
	}

	/**
	 * The account that must own the bucket ({@code expected-owner}); null where a side
	 * does not say.
	 */
	default @Nullable String expectedOwner() {
		return null;
	}

	/**
	 * What to add to the likely cause of a 403 AccessDenied from this side's bucket: S3
	 * answers the same when the bucket is not owned by the expected owner.
	 * @param name the side's name in the job file ({@code source}, {@code destination})
	 */
	default String ownerHint(String name) {
		String owner = expectedOwner();
		return (owner == null) ? ""
				: "; or bucket " + bucket() + " is not owned by account " + owner + " (" + name
						+ ".expected-owner): S3 answers 403 AccessDenied to a request whose expected owner is not the "
						+ "bucket's";
	}

}
