package io.github.s3bulkcopy.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import io.github.s3bulkcopy.audit.VerifyLauncher;
import io.github.s3bulkcopy.audit.VerifyResult;
import io.github.s3bulkcopy.jobfile.JobFile;
import io.github.s3bulkcopy.jobfile.VerifyMethod;
import io.github.s3bulkcopy.run.JobContexts;
import io.github.s3bulkcopy.run.RunStopper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code verify --job FILE}: compares every object of the job's manifest on both sides,
 * copying nothing.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
		description = { "Check, without copying anything, that the destination holds every object of the job's "
				+ "manifest intact: each object is looked up on both sides and compared with the job's "
				+ "verify.method; the report (verify-report.csv and summary.json under <report.location>/"
				+ "<job>.verify/<run>/) says for each whether it is verified, missing at the destination, of another "
				+ "size, different, or not verifiable, and lists the objects under the destination prefix that no "
				+ "object of the manifest maps to (EXTRA_AT_DESTINATION).",
				"Verify runs are numbered apart from copy runs. If the latest did not finish, this resumes it; "
						+ "--new-run starts a fresh one. Exit code 0 when every object is verified, 1 when any is "
						+ "not or the destination has extras." })
class VerifyCommand implements Callable<Integer> {

	/**
	 * The longest job name whose verify job name ({@code <name>.verify}) fits Spring
	 * Batch's 100 characters.
	 */
	static final int MAX_JOB_NAME = 100 - VerifyLauncher.SUFFIX.length();

	@Spec
	CommandSpec spec;

	@Mixin
	JobOptions jobOptions;

	@Option(names = "--new-run", description = "Start a new verify run even if the latest one is unfinished.")
	boolean newRun;

	@Mixin
	ProgressOptions progressOptions;

	@Override
	public Integer call() throws Exception {
		JobFile jobFile = this.jobOptions.load();
		if (jobFile.spec().verify().method() == VerifyMethod.NONE) {
			throw new UsageException(jobFile.path() + ": verify.method is none, so a verify run would compare "
					+ "nothing; set verify.method (auto, checksum, etag or full-read)");
		}
		if (jobFile.spec().name().length() > MAX_JOB_NAME) {
			throw new UsageException(jobFile.path() + ": name: verify runs need a job name of at most " + MAX_JOB_NAME
					+ " characters (their job is named <name>" + VerifyLauncher.SUFFIX + ")");
		}
		try (ConfigurableApplicationContext context = JobContexts.forJob(jobFile, Map.of())) {
			VerifyResult result;
			try (ProgressDisplay progress = ProgressDisplay.start(context, this.spec.commandLine().getErr(),
					this.progressOptions);
					StopSignals signals = StopSignals.install(
							() -> context.getBean(RunStopper.class).stop(jobFile.spec().name() + VerifyLauncher.SUFFIX),
							this.spec.commandLine().getErr())) {
				result = context.getBean(VerifyLauncher.class).verify(this.newRun);
			}
			RunPrinter.printVerifyResult(this.spec.commandLine().getOut(), result);
			return result.exitCode();
		}
	}

}
