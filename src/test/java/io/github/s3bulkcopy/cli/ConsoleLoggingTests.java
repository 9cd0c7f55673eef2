package io.github.s3bulkcopy.cli;

import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ConsoleLogging} and {@link ConsoleLoggingSystem}: the tool's console logging,
 * set up in code by Logback at the first log line and again by Spring Boot when a command
 * starts Spring.
 */
class ConsoleLoggingTests {

	@Test
	void logbackFindsTheToolsConfigurationAndNoFileToParse() {
		assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
			.contains(ConsoleLogging.class);
		assertThat(getClass().getClassLoader().getResource("logback.xml")).isNull();
	}

	@Test
	void warningsAndTheToolsOwnInfoLinesOnTheConsole() {
		LoggerContext context = new LoggerContext();

		ExecutionStatus status = new ConsoleLogging().configure(context);

		assertThat(status).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
		assertConsoleLogging(context);
	}

	@Test
	void aConfigurationFileNamedOnTheCommandLineIsLeftToLogback() {
		LoggerContext context = new LoggerContext();
		System.setProperty(ConsoleLogging.CONFIGURATION_FILE_PROPERTY, "elsewhere.xml");
		try {
			assertThat(new ConsoleLogging().configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
			assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
		}
		finally {
			System.clearProperty(ConsoleLogging.CONFIGURATION_FILE_PROPERTY);
		}
	}

	@Test
	void springBootSetsUpTheSameLogging() {
		LoggingSystem system = LoggingSystem.get(getClass().getClassLoader());
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

		assertThat(system).isInstanceOf(ConsoleLoggingSystem.class);
		((ConsoleLoggingSystem) system).loadDefaults(new LoggingInitializationContext(new MockEnvironment()), null);
		assertConsoleLogging(context);
	}

	private static void assertConsoleLogging(LoggerContext context) {
		Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
		assertThat(root.getLevel()).isEqualTo(Level.WARN);
		assertThat(context.getLogger("io.github.s3bulkcopy.run.RunLauncher").getEffectiveLevel()).isEqualTo(Level.INFO);
		assertThat(context.getLogger("org.hibernate.validator.Version").getEffectiveLevel()).isEqualTo(Level.WARN);
		assertThat(context.getLogger("org.springframework.boot.SpringApplication").getEffectiveLevel())
			.isEqualTo(Level.OFF);
		assertThat(context.getLogger("org.springframework.context.annotation.AnnotationConfigApplicationContext")
			.getEffectiveLevel()).isEqualTo(Level.ERROR);
		assertThat(
				context.getLogger("org.springframework.context.support.GenericApplicationContext").getEffectiveLevel())
			.isEqualTo(Level.ERROR);
		ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) root.getAppender("CONSOLE");
		assertThat(console.isStarted()).isTrue();
		assertThat(console.getTarget()).isEqualTo("System.out");
		PatternLayoutEncoder encoder = (PatternLayoutEncoder) console.getEncoder();
		LoggingEvent event = new LoggingEvent(null, context.getLogger("io.github.s3bulkcopy.run.RunLauncher"),
				Level.INFO, "Starting run {} of job {}", null, new Object[] { 1, "photos" });
		assertThat(new String(encoder.encode(event), StandardCharsets.UTF_8))
			.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  RunLauncher - Starting run 1 of job photos\\R");
	}

}
