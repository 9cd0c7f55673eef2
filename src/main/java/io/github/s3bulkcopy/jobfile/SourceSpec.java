package io.github.s3bulkcopy.jobfile;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The side objects are read from.
 *
 * @param bucket the source bucket
 * @param prefix only keys under this prefix; it is cut from the key before the destination prefix is put in front
 * @param region the bucket's region (default us-east-1)
 * @param endpoint an S3-compatible endpoint (path-style addressing); HTTPS unless loopback or explicitly allowed
 * @param credentials who reads the source; empty means the default credential chain
 * @param allowInsecureEndpoint allow a plain-HTTP {@code endpoint} to a host other than loopback
 */
public record SourceSpec(@NotBlank String bucket, @DefaultValue("") String prefix,
		@DefaultValue("us-east-1") String region, @Nullable URI endpoint,
		@DefaultValue @Valid CredentialsSpec credentials,
		@DefaultValue("false") boolean allowInsecureEndpoint) implements BucketSide {

}
