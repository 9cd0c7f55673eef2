package io.github.s3bulkcopy.jobfile;

import java.nio.file.Path;

import jakarta.validation.constraints.NotBlank;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where reports go.
 *
 * @param location a local folder, or {@code s3://bucket/prefix/}; each run writes
 * {@code <location>/<job name>/<run>/}
 * @param localDirectory with an {@code s3://} location: the local folder the set is
 * written to before it is uploaded (and stays in); default {@code reports/}
 * @param sseKmsKeyId with an {@code s3://} location: the KMS key the uploaded files are
 * encrypted with; default {@code destination.sse-kms-key-id}, else the report bucket's
 * default encryption
 */
public record ReportSpec(@DefaultValue("reports/") @NotBlank String location, @Nullable String localDirectory,
		@Nullable String sseKmsKeyId) {

	/**
	 * The folder sets are written to when the location is in S3 and no local directory is
	 * named.
	 */
	public static final String DEFAULT_LOCAL_DIRECTORY = "reports/";

	/** Whether the location is an {@code s3://} URI. */
	public boolean isS3() {
		return this.location.startsWith("s3://");
	}

	/** The bucket of an {@code s3://} location. */
	public String bucket() {
		String rest = this.location.substring("s3://".length());
		int slash = rest.indexOf('/');
		return (slash < 0) ? rest : rest.substring(0, slash);
	}

	/** The key prefix of an {@code s3://} location: empty, or ending with {@code /}. */
	public String prefix() {
		String rest = this.location.substring("s3://".length());
		int slash = rest.indexOf('/');
		String prefix = (slash < 0) ? "" : rest.substring(slash + 1);
		return (prefix.isEmpty() || prefix.endsWith("/")) ? prefix : prefix + "/";
	}

	/**
	 * The local folder sets are written to: the location itself, or the local directory
	 * of an S3 location.
	 */
	public Path localRoot() {
		if (!isS3()) {
			return Path.of(this.location);
		}
		return Path.of((this.localDirectory != null) ? this.localDirectory : DEFAULT_LOCAL_DIRECTORY);
	}

}
