package io.github.s3bulkcopy.jobfile;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a job is handed to S3 Batch Operations ({@code replicate}, {@code batch-copy}): the
 * account and region the Batch Operations job is created in, the role it runs as, its
 * completion report, and where its manifest comes from (the job's own {@code manifest},
 * or a manifest S3 generates with {@link ManifestGeneratorSpec}).
 *
 * @param accountId the 12-digit AWS account that owns the Batch Operations job
 * @param region the region the job is created in; when absent, the destination's for
 * batch-copy (AWS creates copy jobs in the destination's region) and the source's for
 * replicate
 * @param endpoint an S3 Control endpoint instead of AWS's; the account id is then not put
 * in front of its host
 * @param credentials who creates and follows the job; when absent, the source side's
 * credentials
 * @param roleArn the IAM role Batch Operations assumes to run the tasks (trusted by
 * {@code batchoperations.s3.amazonaws.com})
 * @param priority the job's priority: higher runs first among the account's jobs
 * @param description shown in the console and in DescribeJob (1-256 characters)
 * @param confirmationRequired the job waits in Suspended until {@code batch-confirm} (or
 * the console) confirms it
 * @param tags tags put on the Batch Operations job
 * @param report where Batch Operations writes its completion report (and batch-copy its
 * filtered manifest)
 * @param manifestGenerator let S3 list the source bucket instead of using the job's
 * {@code manifest} (replicate only)
 * @param bucketKeyEnabled batch-copy: use an S3 Bucket Key for SSE-KMS copies; objects
 * this tool copies itself get the destination bucket's default
 * @param checksumAlgorithm batch-copy: the additional checksum the copies get (CRC32,
 * CRC32C, SHA1, SHA256, CRC64NVME); objects this tool copies itself keep the source's
 * @param maxObjectSize batch-copy hands objects up to this size to Batch Operations and
 * copies larger ones itself; at most 5 GiB, the largest object Batch Operations copies
 * @param allowInsecureEndpoint allow a plain-HTTP {@code endpoint} to a host other than
 * loopback
 */
public record BatchOperationsSpec(
		@NotNull @Pattern(regexp = "\\d{12}", message = "must be a 12-digit AWS account id") String accountId,
		@Nullable String region, @Nullable URI endpoint, @Nullable @Valid CredentialsSpec credentials,
		@NotNull @Pattern(regexp = "arn:aws[-a-z]*:iam::\\d{12}:role/[\\w+=,.@/-]+",
				message = "must look like arn:aws:iam::123456789012:role/name") String roleArn,
		@DefaultValue("10") @Min(0) @Max(Integer.MAX_VALUE) int priority,
		@Nullable @Size(min = 1, max = 256) String description, @DefaultValue("false") boolean confirmationRequired,
		Map<String, String> tags, @NotNull @Valid BatchReportSpec report,
		@Nullable @Valid ManifestGeneratorSpec manifestGenerator, @Nullable Boolean bucketKeyEnabled,
		@Nullable @Pattern(regexp = "CRC32|CRC32C|SHA1|SHA256|CRC64NVME",
				message = "must be one of CRC32, CRC32C, SHA1, SHA256, CRC64NVME") String checksumAlgorithm,
		@DefaultValue("5GiB") ByteSize maxObjectSize, @DefaultValue("false") boolean allowInsecureEndpoint) {

	/** The largest object S3 Batch Operations copies (its CopyObject limit). */
	public static final ByteSize BATCH_COPY_LIMIT = ByteSize.ofMebibytes(5 * 1024);

	/** Absent tags are no tags. */
	@SuppressWarnings("ConstantValue")
	public BatchOperationsSpec {
		tags = (tags != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(tags)) : Map.of();
	}

}
