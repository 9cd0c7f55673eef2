package io.github.s3bulkcopy.jobfile;

import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;

/**
 * Which objects to copy.
 *
 * @param type the manifest format
 * @param location the manifest: a local path or {@code s3://bucket/key} (manifest.json of an inventory report, or a
 * Batch Operations CSV); not used by {@code listing}
 */
public record ManifestSpec(@NotNull ManifestType type, @Nullable String location) {

}
