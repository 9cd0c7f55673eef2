package io.github.s3bulkcopy.jobfile;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How each copy is proven intact, after a copy and in verify runs.
 *
 * @param method which comparison to make: auto, checksum, etag, full-read or none
 * @param require when true, an object no valid method could verify counts as failed, and
 * {@code auto} reads in full whatever no cheap method proved
 */
public record VerifySpec(@DefaultValue("auto") VerifyMethod method, @DefaultValue("false") boolean require) {

}
