package io.github.s3bulkcopy.copy;

/**
 * How each object is copied.
 *
 * @param multipartThreshold objects larger than this many bytes are copied in parts (and need a HEAD first)
 * @param skipExisting skip objects already at the destination with equal size and an equal stored checksum (same
 * algorithm and type) or, failing that, an equal valid MD5 ETag; never decided by modification time
 */
public record CopyOptions(long multipartThreshold, boolean skipExisting) {

}
