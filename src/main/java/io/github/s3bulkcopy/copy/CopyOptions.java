package io.github.s3bulkcopy.copy;

/**
 * How each object is copied.
 *
 * @param multipartThreshold objects larger than this many bytes are copied in parts (and need a HEAD first)
 * @param skipExisting skip objects already at the destination with equal size and a valid equal ETag
 */
public record CopyOptions(long multipartThreshold, boolean skipExisting) {

}
