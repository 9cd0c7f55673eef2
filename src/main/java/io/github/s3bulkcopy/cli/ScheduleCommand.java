package io.github.s3bulkcopy.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import io.github.s3bulkcopy.ExitCodes;
import io.github.s3bulkcopy.jobfile.JobFile;
import io.github.s3bulkcopy.jobfile.ScheduleSpec;
import io.github.s3bulkcopy.jobfile.ScheduleWindow;
import io.github.s3bulkcopy.pacing.AdaptiveSlots;
import io.github.s3bulkcopy.run.JobContexts;
import io.github.s3bulkcopy.run.NothingNewException;
import io.github.s3bulkcopy.run.RunLauncher;
import io.github.s3bulkcopy.run.RunResult;
import io.github.s3bulkcopy.run.RunScheduler;
import io.github.s3bulkcopy.run.RunStopper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.support.CronExpression;

/**
 * {@code schedule --job FILE}: runs the job at each tick of a cron expression until told
 * otherwise.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
		description = { "Run the job on a schedule: a long-running process that starts a run at each tick of a cron "
				+ "expression (schedule.cron in the job file, or --cron). Each tick does what 'copy' does: it resumes "
				+ "an unfinished run (failed or killed), or starts a new one. Once a run of the job has completed, "
				+ "new runs copy only new and changed objects (as with copy.skip-existing: true) unless the job file "
				+ "says copy.skip-existing: false. Runs never overlap: a tick that comes while a run is going is "
				+ "skipped. With schedule.window, ticks outside the window start no run and a run still going at its "
				+ "end stops, to be resumed by the next tick inside it. With an inventory folder as manifest.location "
				+ "each run takes the newest report, and a tick with no newer report does nothing.",
				"SIGTERM or Ctrl-C stops the scheduler; a run in progress stops after its chunks in flight and resumes "
						+ "at the next start. Exit code 0 when the schedule ended (until, max runs) or was stopped "
						+ "while idle, 3 when it was stopped during a run." })
class ScheduleCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	JobOptions jobOptions;

	@Option(names = "--cron", paramLabel = "EXPRESSION",
			description = "Six fields, second minute hour day-of-month month day-of-week, in this machine's time zone; "
					+ "e.g. \"0 0 2 * * *\" for 02:00 every day. Overrides schedule.cron.")
	String cron;

	@Option(names = "--max-runs", paramLabel = "N",
			description = "End after N runs (0: no limit). Overrides schedule.max-runs.")
	Integer maxRuns;

	@Override
	public Integer call() throws Exception {
		JobFile jobFile = this.jobOptions.load();
		ScheduleSpec schedule = (jobFile.spec().schedule() != null) ? jobFile.spec().schedule()
				: new ScheduleSpec(null, null, null, null);
		String expression = (this.cron != null) ? this.cron : schedule.cron();
		if (expression == null) {
			throw new UsageException("no schedule: give --cron or set schedule.cron in " + this.jobOptions.job);
		}
		if (!CronExpression.isValidExpression(expression)) {
			throw new UsageException("--cron: '" + expression + "' is not a cron expression (six fields: second "
					+ "minute hour day-of-month month day-of-week)");
		}
		int runs = (this.maxRuns != null) ? this.maxRuns : (schedule.maxRuns() != null) ? schedule.maxRuns() : 0;
		if (runs < 0) {
			throw new UsageException("--max-runs must be 0 (no limit) or more");
		}
		Instant until = schedule.until();
		PrintWriter out = this.spec.commandLine().getOut();
		ScheduleWindow window = (schedule.window() != null) ? ScheduleWindow.parse(schedule.window()) : null;
		AtomicReference<RunStopper> stopper = new AtomicReference<>();
		BooleanSupplier stopRun = () -> stopper.get() != null && !stopper.get().stop(jobFile.spec().name()).isEmpty();
		RunScheduler scheduler = new RunScheduler(CronExpression.parse(expression), until, runs, window, stopRun,
				Clock.systemDefaultZone(), (line) -> {
					out.println(LocalTime.now().withNano(0) + " schedule: " + line);
					out.flush();
				});
		try (ConfigurableApplicationContext context = JobContexts.forJob(jobFile, Map.of());
				StopSignals signals = StopSignals.install(() -> {
					scheduler.stop();
					context.getBean(RunStopper.class).stop(jobFile.spec().name());
				}, this.spec.commandLine().getErr())) {
			stopper.set(context.getBean(RunStopper.class));
			RunLauncher launcher = context.getBean(RunLauncher.class);
			RunScheduler.Outcome outcome = scheduler.start(() -> {
				try {
					RunResult result = launcher.scheduledCopy();
					RunPrinter.printResult(out, result);
					RunPrinter.printThrottling(out, context.getBean(AdaptiveSlots.class).limit());
					return result;
				}
				catch (NothingNewException ex) {
					out.println(ex.getMessage());
					out.flush();
					throw ex;
				}
			});
			RunResult last = outcome.last();
			return (outcome.stopped() && last != null && last.exitCode() == ExitCodes.RESUMABLE) ? ExitCodes.RESUMABLE
					: ExitCodes.OK;
		}
	}

}
