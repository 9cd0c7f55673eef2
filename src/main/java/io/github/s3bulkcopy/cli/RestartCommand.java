package io.github.s3bulkcopy.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.github.s3bulkcopy.distributed.LocalWorkers;
import io.github.s3bulkcopy.jobfile.JobFile;
import io.github.s3bulkcopy.pacing.AdaptiveSlots;
import io.github.s3bulkcopy.run.RunLauncher;
import io.github.s3bulkcopy.run.RunResult;
import io.github.s3bulkcopy.run.RunStopper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import org.springframework.context.ConfigurableApplicationContext;

/** {@code restart --job FILE}: resumes the job's latest unfinished run. */
@Command(name = "restart", mixinStandardHelpOptions = true,
		description = { "Resume the latest unfinished run of a job where it stopped: after a failure, a stop, or "
				+ "a killed process (no database edits needed). Objects whose chunk was committed are not copied "
				+ "again. Fails with exit code 2 if there is no unfinished run, and with 4 if another process "
				+ "is running the job." })
class RestartCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	JobOptions jobOptions;

	@Mixin
	ProgressOptions progressOptions;

	@Mixin
	DistributedOptions distributedOptions;

	@Override
	public Integer call() throws Exception {
		this.distributedOptions.validate();
		JobFile jobFile = this.jobOptions.load();
		try (ConfigurableApplicationContext context = this.distributedOptions.context(jobFile)) {
			RunResult result;
			try (ProgressDisplay progress = ProgressDisplay.start(context, this.spec.commandLine().getErr(),
					this.progressOptions);
					StopSignals signals = StopSignals.install(
							() -> context.getBean(RunStopper.class).stop(jobFile.spec().name()),
							this.spec.commandLine().getErr());
					LocalWorkers workers = this.distributedOptions.startWorkers(context, this.jobOptions.job)) {
				result = context.getBean(RunLauncher.class).restart();
			}
			PrintWriter out = this.spec.commandLine().getOut();
			RunPrinter.printResult(out, result);
			RunPrinter.printThrottling(out, context.getBean(AdaptiveSlots.class).limit());
			return result.exitCode();
		}
	}

}
