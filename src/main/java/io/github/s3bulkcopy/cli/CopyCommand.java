package io.github.s3bulkcopy.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.github.s3bulkcopy.distributed.LocalWorkers;
import io.github.s3bulkcopy.jobfile.JobFile;
import io.github.s3bulkcopy.pacing.AdaptiveSlots;
import io.github.s3bulkcopy.plan.DryRun;
import io.github.s3bulkcopy.plan.PriceTable;
import io.github.s3bulkcopy.run.NothingNewException;
import io.github.s3bulkcopy.run.RunLauncher;
import io.github.s3bulkcopy.run.RunResult;
import io.github.s3bulkcopy.run.RunStopper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.springframework.context.ConfigurableApplicationContext;

/** {@code copy --job FILE}: runs the job, resuming its unfinished run if there is one. */
@Command(name = "copy", mixinStandardHelpOptions = true,
		description = { "Copy the objects a job file names, and verify and report each one.",
				"If the job's latest run did not finish (it failed, was stopped or the process was killed), this "
						+ "resumes it where it stopped instead of starting over; --new-run starts a fresh run." })
class CopyCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	JobOptions jobOptions;

	@Mixin
	ProgressOptions progressOptions;

	@Mixin
	DistributedOptions distributedOptions;

	@Option(names = "--dry-run",
			description = "Plan only: print how many objects and bytes would be copied, the first keys, and an "
					+ "estimate of the run's cost (requests by kind, bytes out of AWS or between regions, priced); "
					+ "with copy.delete-extraneous, how many destination objects the run would delete and the first "
					+ "of them. Writes nothing to the destination and leaves no run behind.")
	boolean dryRun;

	@Option(names = "--price-table", paramLabel = "FILE",
			description = "With --dry-run: the prices to estimate the run's cost with, a YAML file shaped like "
					+ "config/prices/s3-us-east-1.yml (default: that table, public us-east-1 prices).")
	Path priceTable;

	@Option(names = "--host-region", paramLabel = "REGION",
			description = "With --dry-run: the AWS region this tool will run in, for the cost of the bytes a "
					+ "streamed copy moves (default: outside AWS, where they are data transfer out).")
	String hostRegion;

	@Option(names = "--new-run", description = "Start a new run even if the latest one is unfinished.")
	boolean newRun;

	@Option(names = "--first", defaultValue = "10", paramLabel = "N",
			description = "With --dry-run: how many keys to list (default ${DEFAULT-VALUE}).")
	int first;

	@Override
	public Integer call() throws Exception {
		if (this.dryRun && this.newRun) {
			throw new UsageException("--dry-run and --new-run do not go together");
		}
		if (!this.dryRun && (this.priceTable != null || this.hostRegion != null)) {
			throw new UsageException("--price-table and --host-region go with --dry-run only");
		}
		if (this.hostRegion != null && !this.hostRegion.matches("[a-z]{2}(-[a-z]+)+-[0-9]+")) {
			throw new UsageException(
					"--host-region must name an AWS region such as us-east-1, not '" + this.hostRegion + "'");
		}
		PriceTable prices = null;
		if (this.dryRun) {
			try {
				prices = (this.priceTable != null) ? PriceTable.read(this.priceTable) : PriceTable.bundled();
			}
			catch (PriceTable.InvalidPriceTableException ex) {
				throw new UsageException("--price-table " + ex.getMessage());
			}
		}
		this.distributedOptions.validate();
		if (this.distributedOptions.distributed && this.dryRun) {
			throw new UsageException("--dry-run plans in this process: leave out --distributed");
		}
		JobFile jobFile = this.jobOptions.load();
		PrintWriter out = this.spec.commandLine().getOut();
		try (ConfigurableApplicationContext context = this.distributedOptions.context(jobFile)) {
			if (this.dryRun) {
				DryRun.Plan plan = context.getBean(DryRun.class)
					.plan(this.first, new DryRun.CostOptions(prices, this.hostRegion));
				RunPrinter.printPlan(out, jobFile, plan);
				return 0;
			}
			RunResult result;
			try (ProgressDisplay progress = ProgressDisplay.start(context, this.spec.commandLine().getErr(),
					this.progressOptions);
					StopSignals signals = StopSignals.install(
							() -> context.getBean(RunStopper.class).stop(jobFile.spec().name()),
							this.spec.commandLine().getErr());
					LocalWorkers workers = this.distributedOptions.startWorkers(context, this.jobOptions.job)) {
				result = context.getBean(RunLauncher.class).copy(this.newRun);
			}
			catch (NothingNewException ex) {
				out.println(ex.getMessage());
				return 0;
			}
			RunPrinter.printResult(out, result);
			RunPrinter.printThrottling(out, context.getBean(AdaptiveSlots.class).limit());
			return result.exitCode();
		}
	}

}
