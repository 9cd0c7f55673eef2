/**
 * Copying one object: server-side CopyObject, multipart copy, and the per-object outcome.
 */
@NullMarked
package io.github.s3bulkcopy.copy;

import org.jspecify.annotations.NullMarked;
