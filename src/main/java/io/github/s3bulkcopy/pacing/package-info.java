/**
 * How fast a job talks to S3: a ceiling on requests and bytes per second
 * ({@code copy.max-requests-per-second}, {@code copy.max-bytes-per-second}, Guava's
 * {@code RateLimiter}) and an adaptive limit on objects in flight that backs off when S3
 * throttles (503 SlowDown) and grows again once it stops, and with
 * {@code copy.concurrency: auto} also grows while the time each object takes holds and
 * shrinks when it rises ({@link AdaptiveLimit}), applied to every request of a job's S3
 * clients by an SDK {@link software.amazon.awssdk.core.interceptor.ExecutionInterceptor}
 * ({@link Pacing}).
 */
@NullMarked
package io.github.s3bulkcopy.pacing;

import org.jspecify.annotations.NullMarked;
