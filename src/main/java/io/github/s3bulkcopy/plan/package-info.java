/**
 * The plan: the manifest's entries chosen by the job's filters and versions, numbered
 * into the ledger; the dry run and its cost estimate.
 */
@NullMarked
package io.github.s3bulkcopy.plan;

import org.jspecify.annotations.NullMarked;
