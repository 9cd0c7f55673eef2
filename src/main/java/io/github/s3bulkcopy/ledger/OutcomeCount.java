package io.github.s3bulkcopy.ledger;

import io.github.s3bulkcopy.verify.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * How many of a run's objects ended one way.
 *
 * @param status the objects' status
 * @param errorCode their error code, if they failed
 * @param verdict their verification's verdict, if verified
 * @param objects how many
 */
public record OutcomeCount(ObjectStatus status, @Nullable String errorCode, @Nullable Verdict verdict, long objects) {

}
