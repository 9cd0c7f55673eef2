/**
 * S3 Batch Operations through S3 Control: the {@code replicate} and {@code batch-copy}
 * jobs (submit, wait, fold the completion report into the ledger, report), the >5 GiB
 * split for batch-copy, following and steering a submitted job, and the Batch Operations
 * preflight checks and IAM policy documents.
 */
@NullMarked
package io.github.s3bulkcopy.batchops;

import org.jspecify.annotations.NullMarked;
