/**
 * The job file (jobs/*.yml): its types, binding and validation.
 */
@NullMarked
package io.github.s3bulkcopy.jobfile;

import org.jspecify.annotations.NullMarked;
