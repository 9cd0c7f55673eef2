/**
 * The job file (jobs/*.yml) as records, one per section ({@code JobSpec},
 * {@code CopySpec}, ...), and the value types they use; {@code jobfile.loading} reads and
 * checks them.
 */
@NullMarked
package io.github.s3bulkcopy.jobfile;

import org.jspecify.annotations.NullMarked;
