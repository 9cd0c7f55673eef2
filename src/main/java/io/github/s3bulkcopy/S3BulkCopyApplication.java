package io.github.s3bulkcopy;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring Boot application; {@link io.github.s3bulkcopy.cli.Main} is the entry point. */
@SpringBootApplication
public class S3BulkCopyApplication {

}
