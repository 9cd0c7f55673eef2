package io.github.s3bulkcopy.demo;

import java.util.regex.Pattern;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * One "account" of a {@link LocalS3Server}: an access key and its secret. Each identity
 * sees only its own buckets. These are keys for a local test server, never real AWS
 * credentials.
 *
 * @param accessKeyId the access key id; letters, digits, {@code .}, {@code _} and
 * {@code -} only, because it also names the identity's folder on a filesystem backend
 * @param secretAccessKey the secret the server checks signatures against
 */
public record LocalS3Identity(String accessKeyId, String secretAccessKey) {

	private static final Pattern ACCESS_KEY = Pattern.compile("[A-Za-z0-9._-]{1,128}");

	public LocalS3Identity {
		if (accessKeyId == null || !ACCESS_KEY.matcher(accessKeyId).matches()) {
			throw new IllegalArgumentException(
					"accessKeyId must be 1 to 128 letters, digits, '.', '_' or '-': " + accessKeyId);
		}
		if (secretAccessKey == null || secretAccessKey.isEmpty()) {
			throw new IllegalArgumentException("secretAccessKey is required");
		}
	}

	/** The identity as SDK credentials. */
	public AwsBasicCredentials credentials() {
		return AwsBasicCredentials.create(this.accessKeyId, this.secretAccessKey);
	}

	/** Keeps the secret out of logs and assertion messages. */
	@Override
	public String toString() {
		return "LocalS3Identity[" + this.accessKeyId + "]";
	}

}
