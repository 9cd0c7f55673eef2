/**
 * What the copy path counts for operators: retried S3 requests by error code and requests
 * in flight (an AWS SDK
 * {@link software.amazon.awssdk.core.interceptor.ExecutionInterceptor}), and the
 * Micrometer meters that publish them with the objects, bytes and failures of the copy.
 */
@NullMarked
package io.github.s3bulkcopy.metrics;

import org.jspecify.annotations.NullMarked;
