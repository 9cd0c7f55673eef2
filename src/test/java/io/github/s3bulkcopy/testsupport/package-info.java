/**
 * Shared local S3 servers for tests, one of each per test JVM, and helpers for buckets
 * and objects.
 */
@NullMarked
package io.github.s3bulkcopy.testsupport;

import org.jspecify.annotations.NullMarked;
