package io.github.s3bulkcopy.cli;

import picocli.CommandLine.Command;

/** The top-level command: lists the subcommands and the exit codes. */
@Command(name = "s3-bulk-copy", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
		description = { "Copies very large numbers of S3 objects between buckets and accounts, restartably, and "
				+ "proves every copy arrived intact.", "" },
		subcommands = { CopyCommand.class, RestartCommand.class, VerifyCommand.class, StatusCommand.class,
				ReportCommand.class, StopCommand.class, ScheduleCommand.class, PreflightCommand.class,
				PoliciesCommand.class, DemoCommand.class, WorkerCommand.class, ReplicateCommand.class,
				BatchCopyCommand.class, BatchStatusCommand.class, BatchConfirmCommand.class, BatchCancelCommand.class },
		footer = { "", "Exit codes:",
				"  0  every object copied (or skipped as unchanged, or archived and not copied), none failed",
				"  1  the run finished but some objects failed or, in a verify run, are not verified (see the report)",
				"  2  bad usage, an invalid job file or manifest",
				"  3  the run failed or stopped; run the same " + "command again to resume it",
				"  4  another process is running this job",
				"  5  replicate, batch-copy: the S3 Batch Operations job failed or was cancelled as a whole" })
public class RootCommand implements Runnable {

	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		this.spec.commandLine().usage(System.out);
	}

}
