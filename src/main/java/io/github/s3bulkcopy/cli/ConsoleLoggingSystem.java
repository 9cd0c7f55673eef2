package io.github.s3bulkcopy.cli;

import java.util.logging.Handler;
import java.util.logging.LogManager;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemFactory;
import org.springframework.boot.logging.logback.LogbackLoggingSystem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Spring Boot's Logback logging system, whose defaults are the tool's console logging
 * ({@link ConsoleLogging}) instead of Spring Boot's: with no {@code logback.xml} to read,
 * Spring Boot sets logging up from its defaults whenever a command starts Spring, and
 * then applies the {@code logging.level.*} properties. A file named by
 * {@code logging.config} is still read as Spring Boot reads it. As with the tool's
 * configuration before, {@code logging.file.name} adds no file.
 */
public class ConsoleLoggingSystem extends LogbackLoggingSystem {

	private static final String JUL_BRIDGE = "org.slf4j.bridge.SLF4JBridgeHandler";

	public ConsoleLoggingSystem(ClassLoader classLoader) {
		super(classLoader);
	}

	@Override
	protected void loadDefaults(LoggingInitializationContext initializationContext, @Nullable LogFile logFile) {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		// As Spring Boot prepares the context for any configuration: its system
		// properties set, the context emptied, and java.util.logging's levels kept in
		// step with Logback's while its records are bridged to Logback.
		Environment environment = initializationContext.getEnvironment();
		if (environment != null) {
			applySystemProperties(environment, logFile);
		}
		context.stop();
		context.reset();
		if (isJulBridged()) {
			LevelChangePropagator propagator = new LevelChangePropagator();
			propagator.setResetJUL(true);
			propagator.setContext(context);
			context.addListener(propagator);
		}
		ConsoleLogging.apply(context);
		context.start();
	}

	private static boolean isJulBridged() {
		Handler[] handlers = LogManager.getLogManager().getLogger("").getHandlers();
		return handlers.length == 1 && handlers[0].getClass().getName().equals(JUL_BRIDGE);
	}

	/**
	 * Chosen before Spring Boot's own factories (META-INF/spring.factories); Logback is
	 * always on the tool's class path.
	 */
	@Order(Ordered.HIGHEST_PRECEDENCE)
	public static class Factory implements LoggingSystemFactory {

		@Override
		public LoggingSystem getLoggingSystem(ClassLoader classLoader) {
			return new ConsoleLoggingSystem(classLoader);
		}

	}

}
