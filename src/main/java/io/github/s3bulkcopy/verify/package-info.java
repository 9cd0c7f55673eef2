/**
 * Verification of a copied object: which comparisons are valid (checksums of one
 * algorithm and type, MD5 ETags, a full read), the order a job tries them in, and the
 * verdict.
 */
@NullMarked
package io.github.s3bulkcopy.verify;

import org.jspecify.annotations.NullMarked;
