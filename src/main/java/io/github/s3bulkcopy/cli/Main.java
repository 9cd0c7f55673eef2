package io.github.s3bulkcopy.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import io.github.s3bulkcopy.job.ExitCodes;
import picocli.CommandLine;

/** The entry point: {@code java -jar s3-bulk-copy.jar <command>}. */
public final class Main {

	private Main() {
	}

	public static void main(String[] args) {
		System.exit(run(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
				new PrintWriter(System.err, true, StandardCharsets.UTF_8), args));
	}

	/** Runs one command, printing to the given writers, and returns its exit code; tests call this. */
	public static int run(PrintWriter out, PrintWriter err, String... args) {
		CommandLine commandLine = new CommandLine(new RootCommand());
		commandLine.setOut(out);
		commandLine.setErr(err);
		commandLine.setExecutionExceptionHandler(new ExitCodeExceptionHandler());
		int code = commandLine.execute(args);
		out.flush();
		err.flush();
		return code;
	}

}
