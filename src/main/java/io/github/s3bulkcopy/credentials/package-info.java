/**
 * Credentials per side of a copy.
 */
@NullMarked
package io.github.s3bulkcopy.credentials;

import org.jspecify.annotations.NullMarked;
