/**
 * Completion report and run summary written at the end of every run.
 */
@NullMarked
package io.github.s3bulkcopy.report;

import org.jspecify.annotations.NullMarked;
