package io.github.s3bulkcopy.jobfile;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How each copy is proven intact.
 *
 * @param method which comparison to make
 * @param require when true, an object no valid method could verify counts as failed
 */
public record VerifySpec(@DefaultValue("auto") VerifyMethod method, @DefaultValue("false") boolean require) {

}
