package io.github.s3bulkcopy.jobfile.loading;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hibernate Validator's logging (JBoss Logging) goes to SLF4J directly, named by the
 * service file, not through the Log4j 2 API it would find and start first.
 */
class ValidatorLoggingTests {

	@Test
	void jbossLoggingLogsThroughSlf4j() {
		assertThat(Logger.getLogger(ValidatorLoggingTests.class).getClass().getName())
			.startsWith("org.jboss.logging.Slf4j");
	}

}
