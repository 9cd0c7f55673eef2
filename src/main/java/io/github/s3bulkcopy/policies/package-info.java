/**
 * The least-privilege IAM policies a job needs, generated from its job file and the
 * templates in {@code config/iam}.
 */
@NullMarked
package io.github.s3bulkcopy.policies;

import org.jspecify.annotations.NullMarked;
