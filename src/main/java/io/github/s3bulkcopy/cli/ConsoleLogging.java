package io.github.s3bulkcopy.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * The tool's logging: console logging for a command-line tool, warnings and this tool's
 * own INFO lines, from the first line on (libraries such as Hibernate Validator log
 * before Spring Boot has read {@code application.properties}). Set up in code rather than
 * by a {@code logback.xml}, which Logback parsed at every start and Spring Boot's logging
 * system again in a command that starts Spring: about 450 classes, a tenth of what
 * {@code status} loads (docs/performance.md, run L). Logback finds this class through
 * {@code META-INF/services/ch.qos.logback.classic.spi.Configurator};
 * {@link ConsoleLoggingSystem} applies the same when Spring Boot sets logging up, after
 * which Spring Boot applies the {@code logging.level.*} properties as ever.
 */
public final class ConsoleLogging extends ContextAwareBase implements Configurator {

	/**
	 * The system property with which Logback reads a configuration file of the user's.
	 */
	static final String CONFIGURATION_FILE_PROPERTY = "logback.configurationFile";

	@Override
	public ExecutionStatus configure(LoggerContext context) {
		// A configuration file named on the command line is Logback's to read, as before.
		if (System.getProperty(CONFIGURATION_FILE_PROPERTY) != null) {
			return ExecutionStatus.INVOKE_NEXT_IF_ANY;
		}
		apply(context);
		return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
	}

	/** Configures a context that holds no appenders yet (a new or a reset one). */
	static void apply(LoggerContext context) {
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(context);
		encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n");
		encoder.start();
		ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
		console.setContext(context);
		console.setName("CONSOLE");
		console.setEncoder(encoder);
		console.start();
		context.getLogger("io.github.s3bulkcopy").setLevel(Level.INFO);
		// A command that cannot start says why in one line (ExitCodeExceptionHandler);
		// Spring's own report of the failed start is a stack trace, shown with
		// S3BULKCOPY_DEBUG=1 instead.
		context.getLogger("org.springframework.boot.SpringApplication").setLevel(Level.OFF);
		context.getLogger("org.springframework.context.annotation.AnnotationConfigApplicationContext")
			.setLevel(Level.ERROR);
		// The context of Spring AOT's generated code (the launcher's runs).
		context.getLogger("org.springframework.context.support.GenericApplicationContext").setLevel(Level.ERROR);
		ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
		root.setLevel(Level.WARN);
		root.addAppender(console);
	}

}
