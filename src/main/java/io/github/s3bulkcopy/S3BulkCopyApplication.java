package io.github.s3bulkcopy;

import io.github.s3bulkcopy.run.RepositoryConfiguration;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The Spring Boot application: the job database, Spring Batch's job repository and the
 * process's settings ({@link ProcessSettings}). The beans of a particular job are added
 * by {@link io.github.s3bulkcopy.run.JobContexts} when a command names a job file;
 * {@link io.github.s3bulkcopy.cli.Main} is the entry point.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(RepositoryConfiguration.class)
@EnableConfigurationProperties(ProcessSettings.class)
public class S3BulkCopyApplication {

}
