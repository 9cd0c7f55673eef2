package io.github.s3bulkcopy.jobfile;

import java.nio.file.Path;

/**
 * A loaded, valid job file.
 *
 * @param path where it was read from
 * @param spec its content
 * @param sha256 the hex SHA-256 of its bytes, so a report can say exactly which job file ran
 */
public record JobFile(Path path, JobSpec spec, String sha256) {

}
