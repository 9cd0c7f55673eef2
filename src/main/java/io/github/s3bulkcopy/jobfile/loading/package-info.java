/**
 * Loading a job file: its YAML read with the line of every value, bound to the records of
 * {@code jobfile}, and checked (bean validation, the rules that span properties, secrets
 * refused, endpoints), every problem named by file, line and property.
 */
@NullMarked
package io.github.s3bulkcopy.jobfile.loading;

import org.jspecify.annotations.NullMarked;
