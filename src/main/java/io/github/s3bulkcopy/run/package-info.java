/**
 * The run lifecycle: starting, resuming, stopping and scheduling runs of a job, its lock
 * and catalog, and the report set of a run from its executions and ledger.
 */
@NullMarked
package io.github.s3bulkcopy.run;

import org.jspecify.annotations.NullMarked;
