package io.github.s3bulkcopy.jobfile;

import java.net.URI;

import io.github.s3bulkcopy.jobfile.loading.AccountIds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The side objects are written to.
 *
 * @param bucket the destination bucket
 * @param prefix put in front of each key (after the source prefix is cut from it)
 * @param region the bucket's region (default us-east-1)
 * @param endpoint an S3-compatible endpoint (path-style addressing); HTTPS unless
 * loopback or explicitly allowed
 * @param credentials who writes the destination; empty means the default credential chain
 * @param storageClass storage class of every copy (e.g. STANDARD_IA); each source
 * object's own class when absent
 * @param sseKmsKeyId KMS key for SSE-KMS encryption of the copies; the bucket default
 * when absent
 * @param acl canned ACL of the copies (e.g. bucket-owner-full-control)
 * @param allowInsecureEndpoint allow a plain-HTTP {@code endpoint} to a host other than
 * loopback
 * @param requesterPays the bucket is requester pays: every request to it says the
 * requester (the destination's credentials) pays
 * @param expectedOwner the 12-digit account id that must own the bucket; every request to
 * it says so, and S3 refuses (403 AccessDenied) a request to a bucket another account
 * owns
 */
public record DestinationSpec(@NotBlank String bucket, @DefaultValue("") String prefix,
		@DefaultValue("us-east-1") String region, @Nullable URI endpoint,
		@DefaultValue @Valid CredentialsSpec credentials, @Nullable String storageClass, @Nullable String sseKmsKeyId,
		@Nullable String acl, @DefaultValue("false") boolean allowInsecureEndpoint,
		@DefaultValue("false") boolean requesterPays,
		@Nullable @Pattern(regexp = AccountIds.PATTERN, message = AccountIds.MESSAGE) String expectedOwner)
		implements
			BucketSide {

}
