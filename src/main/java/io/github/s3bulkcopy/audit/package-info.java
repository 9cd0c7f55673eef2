/**
 * Verify runs: the objects of a manifest compared at source and destination, without
 * copying, for an audit of a finished migration.
 */
@NullMarked
package io.github.s3bulkcopy.audit;

import org.jspecify.annotations.NullMarked;
