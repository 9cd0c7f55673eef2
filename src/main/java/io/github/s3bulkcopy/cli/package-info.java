/**
 * The command line: picocli commands and exit codes.
 */
@NullMarked
package io.github.s3bulkcopy.cli;

import org.jspecify.annotations.NullMarked;
