package io.github.s3bulkcopy.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import io.github.s3bulkcopy.distributed.DistributedStatus;
import io.github.s3bulkcopy.jobfile.loading.JobFileLoader;
import io.github.s3bulkcopy.run.RunCatalog;
import io.github.s3bulkcopy.run.StandaloneDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code status [--job FILE]}: the runs in the job database. */
@Command(name = "status", mixinStandardHelpOptions = true,
		description = { "Show the runs of one job (or of every job) with their state and object counts, then how far "
				+ "the latest got: objects and bytes done of the total, the rate, the ETA and the failures so far.",
				"Reads the job database only, so it works while a run goes on in another process." })
class StatusCommand implements Callable<Integer>, StartsEarly {

	/** How far back the rate of a run going on is measured. */
	static final Duration RATE_WINDOW = Duration.ofMinutes(5);

	@Spec
	CommandSpec spec;

	@Option(names = "--job", paramLabel = "FILE", description = "Only this job file's job.")
	Path job;

	@Option(names = "--runs", defaultValue = "10", paramLabel = "N",
			description = "How many of the latest runs to show per job (default ${DEFAULT-VALUE}).")
	int runs;

	/** The job database's settings, resolved while picocli reads the command line. */
	StandaloneDatabase.Ahead database;

	@Override
	public void startEarly() {
		this.database = StandaloneDatabase.resolveAhead();
	}

	@Override
	public Integer call() {
		// The name is all this command needs of a job file.
		String jobName = (this.job != null) ? JobFileLoader.jobName(this.job) : null;
		PrintWriter out = this.spec.commandLine().getOut();
		// The job database alone, without the job's Spring context: what took most of the
		// time of this command.
		try (StandaloneDatabase database = (this.database != null) ? this.database.open() : StandaloneDatabase.open()) {
			RunCatalog catalog = database.runCatalog();
			List<String> names = (jobName != null) ? List.of(jobName) : catalog.jobNames();
			if (names.isEmpty()) {
				out.println("No runs yet.");
			}
			for (String name : names) {
				List<RunCatalog.RunInfo> runs = catalog.runs(name, this.runs);
				RunPrinter.printRuns(out, name, runs,
						runs.isEmpty() ? null : catalog.progress(runs.get(0), RATE_WINDOW));
				DistributedStatus.print(out, database.jdbcTemplate(), name, database.settings().worker().staleAfter());
			}
		}
		return 0;
	}

}
