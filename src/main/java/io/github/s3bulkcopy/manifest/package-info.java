/**
 * Reading key manifests (S3 Inventory reports, S3 Batch Operations CSV, live listings)
 * into {@link io.github.s3bulkcopy.manifest.ManifestEntry} items.
 */
@NullMarked
package io.github.s3bulkcopy.manifest;

import org.jspecify.annotations.NullMarked;
