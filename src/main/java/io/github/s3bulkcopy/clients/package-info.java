/**
 * The S3 clients of a job: one per side over shared HTTP clients (CRT or Netty), with
 * each bucket's terms on every request, and the Spring wiring that builds them from the
 * job file.
 */
@NullMarked
package io.github.s3bulkcopy.clients;

import org.jspecify.annotations.NullMarked;
