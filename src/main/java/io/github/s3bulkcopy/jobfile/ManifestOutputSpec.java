package io.github.s3bulkcopy.jobfile;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where S3 writes a generated manifest (S3 Inventory CSV format) when asked to keep it.
 *
 * @param bucket the bucket
 * @param prefix the key prefix
 */
public record ManifestOutputSpec(@NotBlank String bucket, @DefaultValue("") String prefix) {

}
