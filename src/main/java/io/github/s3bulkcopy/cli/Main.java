package io.github.s3bulkcopy.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.s3bulkcopy.ExitCodes;
import io.github.s3bulkcopy.clients.CrtLibc;
import io.github.s3bulkcopy.clients.CrtThreads;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** The entry point: {@code java -jar s3-bulk-copy.jar <command>}. */
public final class Main {

	static {
		// The default job database runs H2 with AUTO_SERVER=TRUE, so that 'status' and
		// 'report' can read it while a run holds it: the process that opens it first
		// serves it to the others over TCP. H2 reads this property once when it loads and
		// otherwise listens on every interface; only this machine should reach the
		// database.
		if (System.getProperty("h2.bindAddress") == null) {
			System.setProperty("h2.bindAddress", "127.0.0.1");
		}
		// H2's shared cache of values hashes every string the ledger writes and reads,
		// and costs planning more than it saves (docs/performance.md). Read once, when
		// H2 loads.
		if (System.getProperty("h2.objectCache") == null) {
			System.setProperty("h2.objectCache", "false");
		}
		CrtLibc.preset();
	}

	private Main() {
	}

	public static void main(String[] args) {
		int code = run(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
				new PrintWriter(System.err, true, StandardCharsets.UTF_8), args);
		// Every client is closed by now; the CRT's threads, left running, would slow the
		// exit by up to 1.3 s.
		CrtThreads.end(Duration.ofSeconds(2));
		System.exit(code);
	}

	/**
	 * Runs one command, printing to the given writers, and returns its exit code; tests
	 * call this.
	 */
	public static int run(PrintWriter out, PrintWriter err, String... args) {
		CommandLine commandLine = commandLine(args);
		commandLine.setOut(out);
		commandLine.setErr(err);
		commandLine.setExecutionExceptionHandler(new ExitCodeExceptionHandler());
		int code = commandLine.execute(args);
		out.flush();
		err.flush();
		return code;
	}

	/**
	 * The command line for these arguments. Named a subcommand first, the tool builds
	 * that one alone under the top-level command's name: picocli reads every option of
	 * every command it is given, loading the classes they name, which took a fifth of the
	 * time of a {@code status}; a command that {@link StartsEarly} starts its own work
	 * before picocli reads it. Anything else (no command, {@code --help}, a misspelt one)
	 * gets the whole tree.
	 */
	static CommandLine commandLine(String... args) {
		Command root = RootCommand.class.getAnnotation(Command.class);
		if (args.length > 0) {
			for (Class<?> subcommand : root.subcommands()) {
				Command command = subcommand.getAnnotation(Command.class);
				if (command != null && command.name().equals(args[0])) {
					Object instance = instantiate(subcommand);
					if (instance instanceof StartsEarly early) {
						early.startEarly();
					}
					CommandLine alone = new CommandLine(CommandSpec.create().name(root.name()));
					alone.addSubcommand(new CommandLine(instance));
					return alone;
				}
			}
		}
		return new CommandLine(new RootCommand());
	}

	private static Object instantiate(Class<?> command) {
		try {
			return CommandLine.defaultFactory().create(command);
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot create " + command.getName(), ex);
		}
	}

}
