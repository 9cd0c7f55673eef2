package io.github.s3bulkcopy.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;

import io.github.s3bulkcopy.clients.ClientWarmUp;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Readies, on a thread of its own, the libraries a job's run starts late but surely needs
 * (the job database's engine, the AWS SDK, Jackson), while the main thread parses the
 * command line, reads the job file and starts Spring. Their classes are loaded and
 * initialized once, by whichever thread comes first, and on two cores the two threads'
 * work overlaps (docs/performance.md, "Start-up and the launcher"). Only throwaway
 * objects are made here: the main thread builds and checks everything it uses as before,
 * so a broken setting fails at the same point with the same message. ({@code status} gets
 * none: the database's engine readied beside it did not shorten it measurably.)
 */
final class StartupWarmUp {

	/**
	 * The commands that run a job, and so start the job database and the S3 clients, and
	 * write a report set.
	 */
	static final Set<String> JOB_COMMANDS = Set.of("copy", "restart", "verify", "schedule", "demo");

	/**
	 * {@code -Ds3bulkcopy.warm-up=false} leaves the warm-up out: everything is then
	 * readied by the main thread when it first needs it, as on one core.
	 */
	static final String PROPERTY = "s3bulkcopy.warm-up";

	private StartupWarmUp() {
	}

	/**
	 * Starts the warm-up for a command line naming one of {@link #JOB_COMMANDS}, on a
	 * daemon thread, so that it never holds the process up.
	 * @return the thread started, or {@code null} for any other command
	 */
	static @Nullable Thread startFor(String... args) {
		Runnable work = (args.length == 0 || "false".equals(System.getProperty(PROPERTY))) ? null : workFor(args[0]);
		if (work == null) {
			return null;
		}
		// Logging is set up here, before the thread starts: SLF4J answers a call made
		// while another thread sets it up with a warning on the console.
		LoggerFactory.getILoggerFactory();
		Thread thread = new Thread(work, "start-up-warm-up");
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	static @Nullable Runnable workFor(String command) {
		if (JOB_COMMANDS.contains(command)) {
			return () -> {
				jobDatabaseEngine();
				ClientWarmUp.run();
				json();
			};
		}
		return null;
	}

	/**
	 * A private in-memory H2 database: the engine, its parser and its store.
	 * @return whether it was readied
	 */
	static boolean jobDatabaseEngine() {
		try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE WARM_UP (ID BIGINT PRIMARY KEY, NAME VARCHAR(100))");
			statement.execute("INSERT INTO WARM_UP VALUES (1, 'a')");
			statement.executeQuery("SELECT COUNT(*) FROM WARM_UP WHERE NAME = 'a'").close();
			return true;
		}
		catch (SQLException | RuntimeException | LinkageError ex) {
			// No H2 on the class path: nothing to ready.
			return false;
		}
	}

	/**
	 * What the run's report set writes its JSON with.
	 * @return whether it was readied
	 */
	static boolean json() {
		try {
			return !JsonMapper.builder().build().writeValueAsString(Map.of("warm-up", 1)).isEmpty();
		}
		catch (RuntimeException | LinkageError ex) {
			// The report's own writer meets the same problem, and reports it.
			return false;
		}
	}

}
