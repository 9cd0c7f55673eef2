package io.github.s3bulkcopy.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.github.s3bulkcopy.report.ReportChecksums;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code report verify DIR}: checks a report set against its SHA256SUMS. */
@Command(name = "verify", mixinStandardHelpOptions = true,
		description = {
				"Check a report set against its SHA256SUMS: every listed file present with its SHA-256, "
						+ "and no file that is not listed.",
				"Exit codes: 0 the set is intact; 1 a file was changed, is missing or was added; 2 DIR is no report "
						+ "set (no SHA256SUMS) or bad usage." })
class ReportVerifyCommand implements Callable<Integer> {

	/**
	 * A set that fails its check: as an object that failed, it is something to look at,
	 * not a usage error.
	 */
	static final int NOT_INTACT = 1;

	@Spec
	CommandSpec spec;

	@Parameters(paramLabel = "DIR", description = "The report set's folder (the one holding SHA256SUMS).")
	Path dir;

	@Override
	public Integer call() throws Exception {
		if (!Files.isDirectory(this.dir)) {
			throw new UsageException("'" + this.dir + "' is not a folder");
		}
		ReportChecksums.Check check;
		try {
			check = ReportChecksums.verify(this.dir);
		}
		catch (NoSuchFileException ex) {
			throw new UsageException("'" + this.dir + "' has no " + ReportChecksums.FILE_NAME
					+ ": it is not a report set, or its writing did not finish");
		}
		PrintWriter out = this.spec.commandLine().getOut();
		check.changed().forEach((file) -> out.println("CHANGED    " + file));
		check.missing().forEach((file) -> out.println("MISSING    " + file));
		check.extra().forEach((file) -> out.println("NOT LISTED " + file));
		check.malformed().forEach((line) -> out.println("MALFORMED  " + ReportChecksums.FILE_NAME + " " + line));
		if (check.intact()) {
			out.printf("OK: %d files match %s%n", check.ok().size(), ReportChecksums.FILE_NAME);
			out.flush();
			return 0;
		}
		out.printf("FAILED: %d changed, %d missing, %d not listed, %d malformed lines; %d files match%n",
				check.changed().size(), check.missing().size(), check.extra().size(), check.malformed().size(),
				check.ok().size());
		out.flush();
		return NOT_INTACT;
	}

}
