/**
 * Preflight: live checks that a job's credentials and buckets work before a run, each
 * with a likely cause and fix.
 */
@NullMarked
package io.github.s3bulkcopy.preflight;

import org.jspecify.annotations.NullMarked;
