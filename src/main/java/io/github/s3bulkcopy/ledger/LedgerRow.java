package io.github.s3bulkcopy.ledger;

import org.jspecify.annotations.Nullable;

/**
 * One object's whole ledger row: the plan and, once the copy step has dealt with it, the
 * outcome.
 *
 * @param planned the object as planned
 * @param status where it stands
 * @param outcome what happened to it; null while PENDING
 */
public record LedgerRow(PlannedObject planned, ObjectStatus status, @Nullable ObjectOutcome outcome) {

}
