/**
 * The per-object ledger: one row per planned object in the job database, the single
 * source for progress and reports.
 */
@NullMarked
package io.github.s3bulkcopy.ledger;

import org.jspecify.annotations.NullMarked;
