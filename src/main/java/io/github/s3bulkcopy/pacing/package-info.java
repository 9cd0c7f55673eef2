/**
 * How fast a job talks to S3: a ceiling on requests and bytes per second
 * ({@code copy.max-requests-per-second}, {@code copy.max-bytes-per-second}, Guava's
 * {@code RateLimiter}) and an adaptive limit on requests in flight that backs off when S3
 * throttles (503 SlowDown) and grows again once it stops ({@link AdaptiveLimit}), applied
 * to every request of a job's S3 clients by an SDK
 * {@link software.amazon.awssdk.core.interceptor.ExecutionInterceptor} ({@link Pacing}).
 */
@NullMarked
package io.github.s3bulkcopy.pacing;

import org.jspecify.annotations.NullMarked;
