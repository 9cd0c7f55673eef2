package io.github.s3bulkcopy.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.github.s3bulkcopy.jobfile.JobFile;
import io.github.s3bulkcopy.run.JobContexts;
import io.github.s3bulkcopy.run.RunStopper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code stop --job FILE}: asks the job's running run, in any process sharing the job
 * database, to stop.
 */
@Command(name = "stop", mixinStandardHelpOptions = true,
		description = {
				"Ask a job's running run to stop, from another terminal or machine sharing the job database. "
						+ "The run finishes the chunks in flight, ends STOPPED and its process exits with code 3; run "
						+ "'copy' or 'restart' with the same job file to resume it. SIGTERM or Ctrl-C to the running "
						+ "process does the same.",
				"Exit code 0 when a stop was requested, 1 when no run of the job was running." })
class StopCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	JobOptions jobOptions;

	@Override
	public Integer call() {
		JobFile jobFile = this.jobOptions.load();
		PrintWriter out = this.spec.commandLine().getOut();
		try (ConfigurableApplicationContext context = JobContexts.repository(Map.of())) {
			List<Long> stopped = context.getBean(RunStopper.class).stop(jobFile.spec().name());
			if (stopped.isEmpty()) {
				out.println("No run of job " + jobFile.spec().name() + " is running.");
				return 1;
			}
			out.println("Stop requested for run " + stopped.get(0) + " of job " + jobFile.spec().name()
					+ ": it stops after the chunks in flight.");
			return 0;
		}
	}

}
