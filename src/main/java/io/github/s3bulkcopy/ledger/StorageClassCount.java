package io.github.s3bulkcopy.ledger;

import org.jspecify.annotations.Nullable;

/**
 * The planned objects of a run of one source storage class, as the manifest stated it.
 *
 * @param storageClass the storage class, or null for objects whose manifest row named
 * none
 * @param objects how many objects
 * @param bytes their bytes, where the manifest stated sizes
 */
public record StorageClassCount(@Nullable String storageClass, long objects, long bytes) {

}
