/**
 * Spring Batch wiring: the plan and copy steps, partitioning, the run lifecycle.
 */
@NullMarked
package io.github.s3bulkcopy.job;

import org.jspecify.annotations.NullMarked;
