package io.github.s3bulkcopy.jobfile;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where reports go.
 *
 * @param location a local folder; each run writes {@code <location>/<job name>/<run id>/}
 */
public record ReportSpec(@DefaultValue("reports/") @NotBlank String location) {

}
