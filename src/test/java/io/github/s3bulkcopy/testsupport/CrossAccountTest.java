package io.github.s3bulkcopy.testsupport;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import io.github.s3bulkcopy.demo.LocalS3Identity;
import io.github.s3bulkcopy.demo.LocalS3Server;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * For tests of copies between two accounts, each reachable only through a role: one
 * S3Proxy per test JVM whose two identities are the accounts' roles (each sees only its
 * own buckets), and a {@link LocalSts} that hands those identities out to the
 * {@link #RUNNER} as role credentials. The runner's own key is known to STS only: S3
 * refuses it, so a copy that works was made with the roles' temporary credentials.
 * <p>
 * The server ignores headers it does not implement: it would otherwise refuse every
 * request signed with a session token (501 for {@code x-amz-security-token}). It
 * therefore also ignores {@code x-amz-tagging}; tags are tested against S3Mock.
 */
public interface CrossAccountTest {

	/** The source account's role, as S3Proxy knows it. */
	LocalS3Identity SOURCE_ROLE_KEYS = new LocalS3Identity("source-role-keys", "source-role-secret");

	/** The destination account's role, as S3Proxy knows it. */
	LocalS3Identity DESTINATION_ROLE_KEYS = new LocalS3Identity("destination-role-keys", "destination-role-secret");

	/** Who runs the tool: known to STS, unknown to S3. */
	LocalS3Identity RUNNER = new LocalS3Identity("runner-key", "runner-secret");

	String RUNNER_ARN = "arn:aws:iam::111111111111:user/runner";

	String SOURCE_ACCOUNT_ID = "222222222222";

	String DESTINATION_ACCOUNT_ID = "333333333333";

	/** The shared server, started on first call. */
	static LocalS3Server s3Proxy() {
		return SharedCrossAccount.SERVER;
	}

	/** The shared STS, started on first call. */
	static LocalSts sts() {
		return SharedCrossAccount.STS;
	}

	/**
	 * A client acting as the source account (for setting up and checking); do not close
	 * it.
	 */
	static S3Client sourceAccount() {
		return SharedCrossAccount.SOURCE;
	}

	/** A client acting as the destination account; do not close it. */
	static S3Client destinationAccount() {
		return SharedCrossAccount.DESTINATION;
	}

	/** A new role in the source account that the runner may assume. */
	static String sourceRole(@Nullable String externalId, Duration lifetime) {
		return role(SOURCE_ACCOUNT_ID, "reader", SOURCE_ROLE_KEYS, externalId, lifetime);
	}

	/** A new role in the destination account that the runner may assume. */
	static String destinationRole(@Nullable String externalId, Duration lifetime) {
		return role(DESTINATION_ACCOUNT_ID, "writer", DESTINATION_ROLE_KEYS, externalId, lifetime);
	}

	private static String role(String account, String name, LocalS3Identity keys, @Nullable String externalId,
			Duration lifetime) {
		String arn = "arn:aws:iam::" + account + ":role/" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
		sts().role(arn, keys, Set.of(RUNNER_ARN), externalId, lifetime);
		return arn;
	}

}
