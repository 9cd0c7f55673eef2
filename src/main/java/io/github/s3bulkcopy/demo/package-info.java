/**
 * The demo: a local S3 server, sample data and a real run of the copy job.
 */
@NullMarked
package io.github.s3bulkcopy.demo;

import org.jspecify.annotations.NullMarked;
