/**
 * The Spring Batch jobs and their steps: the copy job's partitioned copy step and what it
 * reads and writes, the mirror's extras steps and the report step.
 */
@NullMarked
package io.github.s3bulkcopy.batch;

import org.jspecify.annotations.NullMarked;
