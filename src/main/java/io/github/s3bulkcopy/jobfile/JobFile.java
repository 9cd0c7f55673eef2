package io.github.s3bulkcopy.jobfile;

import java.nio.file.Path;

import org.springframework.util.Assert;

/**
 * A job file as loaded: where it was read from, what it asks for, and the SHA-256 of its
 * bytes, so a run can record exactly which file it ran.
 *
 * @param path the file as the user named it
 * @param spec the bound and validated job
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 */
public record JobFile(Path path, JobSpec spec, String sha256) {

	public JobFile {
		Assert.notNull(path, "path is required");
		Assert.notNull(spec, "spec is required");
		Assert.isTrue(sha256 != null && sha256.matches("[0-9a-f]{64}"), "sha256 must be 64 lower-case hex digits");
	}

}
