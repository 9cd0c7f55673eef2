package io.github.s3bulkcopy.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import io.github.s3bulkcopy.jobfile.JobFile;
import io.github.s3bulkcopy.jobfile.loading.JobFileLoader;
import io.github.s3bulkcopy.report.WrittenReport;
import io.github.s3bulkcopy.run.JobContexts;
import io.github.s3bulkcopy.run.LedgerRunReporter;
import io.github.s3bulkcopy.run.RunCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code report --job FILE [--run N] [--out DIR]}: writes a run's report set again from
 * the ledger.
 */
@Command(name = "report", mixinStandardHelpOptions = true, subcommands = ReportVerifyCommand.class,
		description = { "Write the report set of a run again from the job database's ledger: completion-report.csv, "
				+ "batch-operations/, summary.json, report.html and SHA256SUMS (see docs/reports.md). Works for any "
				+ "run, finished or not, also while it goes on in another process.",
				"Without --out the set replaces the run's set in the job's report location (and is uploaded again "
						+ "when that is s3://); with --out it is written into DIR only.",
				"'report verify DIR' checks a set against its SHA256SUMS." })
class ReportCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--job", paramLabel = "FILE", description = "The job file (required unless 'verify' is used).")
	Path job;

	@Option(names = "--run", paramLabel = "N", description = "The run number (default: the job's latest run).")
	Long run;

	@Option(names = "--out", paramLabel = "DIR",
			description = "Write the set into DIR (created if missing) instead of the job's report location.")
	Path out;

	@Override
	public Integer call() throws Exception {
		if (this.job == null) {
			throw new UsageException("report needs --job FILE (or: report verify DIR)");
		}
		JobFile jobFile = new JobFileLoader().load(this.job);
		String name = jobFile.spec().name();
		PrintWriter out = this.spec.commandLine().getOut();
		try (ConfigurableApplicationContext context = JobContexts.forJob(jobFile, Map.of())) {
			JobExecution execution = context.getBean(RunCatalog.class)
				.latestExecution(name, this.run)
				.orElseThrow(() -> new UsageException(
						"job '" + name + "' has " + ((this.run != null) ? "no run " + this.run : "never run")));
			LedgerRunReporter reporter = context.getBean(LedgerRunReporter.class);
			Path folder;
			if (this.out != null) {
				WrittenReport report = reporter.writeInto(execution, this.out);
				folder = report.folder();
			}
			else {
				folder = reporter.write(execution);
			}
			out.printf("Report set of run %d of job %s (%s) written to %s%n", RunCatalog.runNumber(execution), name,
					execution.getStatus(), folder);
			out.println("  page:         " + folder.resolve("report.html"));
			out.println("  check it:     s3-bulk-copy report verify " + folder);
			out.flush();
		}
		return 0;
	}

}
