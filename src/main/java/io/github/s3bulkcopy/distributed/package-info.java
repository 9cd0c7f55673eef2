/**
 * Distributed runs: one job's copy step on several worker processes, through Spring Batch
 * remote partitioning over an ActiveMQ Artemis broker, with the job repository and ledger
 * in one shared PostgreSQL database. Loaded only for the distributed commands
 * ({@code copy --distributed}, {@code worker}).
 */
@NullMarked
package io.github.s3bulkcopy.distributed;

import org.jspecify.annotations.NullMarked;
