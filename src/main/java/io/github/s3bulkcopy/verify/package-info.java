/**
 * Verification of a copied object: which comparison is valid, and its verdict.
 */
@NullMarked
package io.github.s3bulkcopy.verify;

import org.jspecify.annotations.NullMarked;
