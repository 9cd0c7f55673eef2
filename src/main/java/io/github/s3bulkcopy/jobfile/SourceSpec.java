package io.github.s3bulkcopy.jobfile;

import java.net.URI;

import io.github.s3bulkcopy.jobfile.loading.AccountIds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The side objects are read from.
 *
 * @param bucket the source bucket
 * @param prefix only keys under this prefix; it is cut from the key before the
 * destination prefix is put in front
 * @param region the bucket's region (default us-east-1)
 * @param endpoint an S3-compatible endpoint (path-style addressing); HTTPS unless
 * loopback or explicitly allowed
 * @param credentials who reads the source; empty means the default credential chain
 * @param allowInsecureEndpoint allow a plain-HTTP {@code endpoint} to a host other than
 * loopback
 * @param requesterPays the bucket is requester pays: every request to it says the
 * requester (the source's credentials, or the destination's for a server-side copy) pays
 * for the requests and the bytes read
 * @param expectedOwner the 12-digit account id that must own the bucket; every request to
 * it says so, and S3 refuses (403 AccessDenied) a request to a bucket another account
 * owns
 */
public record SourceSpec(@NotBlank String bucket, @DefaultValue("") String prefix,
		@DefaultValue("us-east-1") String region, @Nullable URI endpoint,
		@DefaultValue @Valid CredentialsSpec credentials, @DefaultValue("false") boolean allowInsecureEndpoint,
		@DefaultValue("false") boolean requesterPays,
		@Nullable @Pattern(regexp = AccountIds.PATTERN, message = AccountIds.MESSAGE) String expectedOwner)
		implements
			BucketSide {

}
