package io.github.s3bulkcopy.jobfile;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where S3 Batch Operations writes its completion report:
 * {@code <prefix>/job-<id>/manifest.json} and result CSVs, which this tool reads back
 * into its own report. batch-copy also writes the manifest it submits here.
 *
 * @param bucket the report bucket (in the Batch Operations job's account or writable by
 * its role)
 * @param prefix the key prefix of the reports ({@code ""} for the bucket's top)
 * @param scope all tasks (every object in the report) or failed tasks only
 */
public record BatchReportSpec(@NotBlank String bucket, @DefaultValue("") String prefix,
		@DefaultValue("all-tasks") BatchReportScope scope) {

}
