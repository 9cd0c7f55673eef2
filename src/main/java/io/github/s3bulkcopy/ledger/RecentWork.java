package io.github.s3bulkcopy.ledger;

/**
 * What a run dealt with in a recent stretch of time.
 *
 * @param objects objects no longer pending
 * @param copiedBytes bytes of those among them that were copied
 */
public record RecentWork(long objects, long copiedBytes) {

}
